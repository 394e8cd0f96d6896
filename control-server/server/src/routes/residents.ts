import { residentProposalSchema } from "@linli/protocol";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { APPLICATION_STAFF_ROLES } from "../applications/application-roles";
import type { ServerContext } from "../context";
import { httpError, httpErrorSchema } from "../http/errors";

const security = [{ bearer: [] }];

/** Card holders the population registry did not know, for staff to add or dismiss. */
export function residentRoutes(
  app: FastifyInstance,
  { guard, audit, applicationOffice }: ServerContext,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const staffOnly = guard(...APPLICATION_STAFF_ROLES);

  api.get(
    "/api/v1/residents/proposals",
    {
      onRequest: staffOnly,
      schema: {
        tags: ["residents"],
        summary: "Proposed registry records (pending unless `status` says otherwise), ID numbers masked",
        security,
        querystring: z.object({
          status: z.enum(["pending", "approved", "rejected", "all"]).default("pending"),
        }),
        response: { 200: z.array(residentProposalSchema) },
      },
    },
    async (request) => {
      const { status } = request.query;
      const proposals = applicationOffice.residents.proposals(
        request.staff,
        status === "all" ? null : status,
      );
      audit.record({
        actor: { type: "staff", id: request.staff.id },
        action: "resident.proposals_read",
        detail: { count: proposals.length, status },
        ip: request.ip,
      });
      return proposals;
    },
  );

  for (const decision of ["approve", "reject"] as const) {
    api.post(
      `/api/v1/residents/proposals/:id/${decision}`,
      {
        onRequest: staffOnly,
        schema: {
          tags: ["residents"],
          summary:
            decision === "approve"
              ? "Add the proposed card holder to the population registry"
              : "Dismiss the proposal; the registry stays as it is",
          security,
          params: z.object({ id: z.string().min(1).max(64) }),
          response: { 200: residentProposalSchema, 404: httpErrorSchema, 409: httpErrorSchema },
        },
      },
      async (request, reply) => {
        const result = applicationOffice.residents.decide(
          request.params.id,
          decision,
          request.staff,
          request.ip,
        );
        if (result.ok) return result.proposal;
        return result.reason === "not_found"
          ? reply.code(404).send(httpError("not_found", "no such proposal"))
          : reply.code(409).send(httpError("conflict", "this proposal has already been decided"));
      },
    );
  }
}
