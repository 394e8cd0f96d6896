import {
  communityElderServiceSchema,
  elderServiceSchema,
  providerSchema,
  serviceRequestViewSchema,
  serviceStatuses,
} from "@linli/protocol";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ServerContext } from "../context";
import { httpError, httpErrorSchema } from "../http/errors";
import type { StaffStep } from "../services/service-requests";

const security = [{ bearer: [] }];
const requestParams = z.object({ requestId: z.string().min(1).max(64) });
const providerInput = z.object({
  name: z.string().trim().min(1).max(64),
  kind: z.enum(["organisation", "volunteer"]),
  phone: z.string().regex(/^\+?[0-9][0-9 -]{5,19}$/, "a phone number"),
  serviceCodes: z.array(z.string()).min(1).max(20),
  communityIds: z.array(z.string()).min(1).max(20),
  active: z.boolean().default(true),
});

export function serviceRoutes(
  app: FastifyInstance,
  { db, guard, serviceRequests, providers, communityCatalogue }: ServerContext,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/api/v1/elder-services",
    {
      onRequest: guard(),
      schema: {
        tags: ["services"],
        summary: "The elder-service catalogue",
        security,
        response: { 200: z.object({ services: z.array(elderServiceSchema) }) },
      },
    },
    async () => ({ services: communityCatalogue.offered(null) }),
  );

  const communityParams = z.object({ communityId: z.string().min(1).max(64) });
  /** Community staff manage only their own community's offer. */
  const foreignCommunity = (staff: { communityId: string | null }, communityId: string) =>
    staff.communityId !== null && staff.communityId !== communityId;

  api.get(
    "/api/v1/communities/:communityId/elder-services",
    {
      onRequest: guard(),
      schema: {
        tags: ["services"],
        summary: "The county's elder services as this community offers them, with its own target times",
        security,
        params: communityParams,
        response: { 200: z.object({ services: z.array(communityElderServiceSchema) }), 404: httpErrorSchema },
      },
    },
    async (request, reply) => {
      const { communityId } = request.params;
      if (
        foreignCommunity(request.staff, communityId) ||
        !db.prepare("SELECT 1 FROM communities WHERE id = ?").get(communityId)
      ) {
        return reply.code(404).send(httpError("not_found", "no such community"));
      }
      return { services: communityCatalogue.entries(communityId) };
    },
  );

  api.put(
    "/api/v1/communities/:communityId/elder-services/:serviceCode",
    {
      onRequest: guard("admin", "community_staff"),
      schema: {
        tags: ["services"],
        summary:
          "Offer or stop offering a service in a community, and set its own target (null: the county's)",
        security,
        params: communityParams.extend({ serviceCode: z.string().min(1).max(32) }),
        body: z.object({
          offered: z.boolean(),
          targetMinutes: z
            .number()
            .int()
            .min(5)
            .max(14 * 24 * 60)
            .nullable(),
        }),
        response: { 200: communityElderServiceSchema, 404: httpErrorSchema },
      },
    },
    async (request, reply) => {
      const { communityId, serviceCode } = request.params;
      const saved = foreignCommunity(request.staff, communityId)
        ? null
        : communityCatalogue.set(communityId, serviceCode, request.body, request.staff, request.ip);
      return saved ?? reply.code(404).send(httpError("not_found", "no such community or service"));
    },
  );

  api.get(
    "/api/v1/providers",
    {
      onRequest: guard(),
      schema: {
        tags: ["services"],
        summary: "Service providers; filter by the service and community a request needs",
        security,
        querystring: z.object({
          serviceCode: z.string().max(32).optional(),
          communityId: z.string().max(64).optional(),
        }),
        response: { 200: z.object({ providers: z.array(providerSchema) }) },
      },
    },
    async (request) => ({
      providers: providers.list({
        communityId: request.staff.communityId ?? request.query.communityId ?? null,
        ...(request.query.serviceCode ? { serviceCode: request.query.serviceCode } : {}),
      }),
    }),
  );

  /** Every code and community a provider names must exist. */
  const invalidReference = (input: z.infer<typeof providerInput>): string | null => {
    const codes = new Set(communityCatalogue.offered(null).map((s) => s.code));
    const unknownCode = input.serviceCodes.find((code) => !codes.has(code));
    if (unknownCode) return `unknown service ${unknownCode}`;
    const unknownCommunity = input.communityIds.find(
      (id) => !db.prepare("SELECT 1 FROM communities WHERE id = ?").get(id),
    );
    return unknownCommunity ? `unknown community ${unknownCommunity}` : null;
  };

  api.post(
    "/api/v1/providers",
    {
      onRequest: guard("admin", "dispatcher"),
      schema: {
        tags: ["services"],
        summary: "Add a provider",
        security,
        body: providerInput,
        response: { 201: providerSchema, 400: httpErrorSchema },
      },
    },
    async (request, reply) => {
      const problem = invalidReference(request.body);
      if (problem) return reply.code(400).send(httpError("invalid_payload", problem));
      return reply.code(201).send(providers.save(null, request.body, request.staff, request.ip)!);
    },
  );

  api.put(
    "/api/v1/providers/:providerId",
    {
      onRequest: guard("admin", "dispatcher"),
      schema: {
        tags: ["services"],
        summary: "Change a provider",
        security,
        params: z.object({ providerId: z.string().min(1).max(64) }),
        body: providerInput,
        response: { 200: providerSchema, 400: httpErrorSchema, 404: httpErrorSchema },
      },
    },
    async (request, reply) => {
      const problem = invalidReference(request.body);
      if (problem) return reply.code(400).send(httpError("invalid_payload", problem));
      const saved = providers.save(request.params.providerId, request.body, request.staff, request.ip);
      return saved ?? reply.code(404).send(httpError("not_found", "no such provider"));
    },
  );

  api.get(
    "/api/v1/service-requests",
    {
      onRequest: guard(),
      schema: {
        tags: ["services"],
        summary: "Elders' service requests, newest first",
        security,
        querystring: z.object({
          status: z.enum(serviceStatuses).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ requests: z.array(serviceRequestViewSchema) }) },
      },
    },
    async (request) => ({
      requests: serviceRequests.list({ ...request.query, communityId: request.staff.communityId }),
    }),
  );

  api.get(
    "/api/v1/service-requests/:requestId",
    {
      onRequest: guard(),
      schema: {
        tags: ["services"],
        summary: "One service request with its history",
        security,
        params: requestParams,
        response: { 200: serviceRequestViewSchema, 404: httpErrorSchema },
      },
    },
    async (request, reply) => {
      const view = serviceRequests.view(request.params.requestId);
      if (!view || (request.staff.communityId && request.staff.communityId !== view.community.id)) {
        return reply.code(404).send(httpError("not_found", "no such service request"));
      }
      return view;
    },
  );

  const steps: Array<[StaffStep, string, z.ZodObject]> = [
    ["accept", "Accept the request (受理)", z.object({})],
    ["dispatch", "Dispatch a provider (派单)", z.object({ providerId: z.string().min(1).max(64) })],
    ["start", "The provider is on the way / at work (上门)", z.object({})],
    ["complete", "The service is done (完成)", z.object({})],
    ["cancel", "Cancel the request, with the reason", z.object({ note: z.string().trim().min(1).max(500) })],
  ];
  for (const [step, summary, body] of steps) {
    api.post(
      `/api/v1/service-requests/:requestId/${step}`,
      {
        onRequest: guard("admin", "dispatcher", "community_staff"),
        schema: {
          tags: ["services"],
          summary,
          security,
          params: requestParams,
          body: body.nullish(),
          response: { 200: serviceRequestViewSchema, 404: httpErrorSchema, 409: httpErrorSchema },
        },
      },
      async (request, reply) => {
        const extra = (request.body ?? {}) as { providerId?: string; note?: string };
        const result = serviceRequests.step(request.params.requestId, step, request.staff, request.ip, extra);
        if (result.ok) return result.request;
        return reply
          .code(result.reason === "not_found" ? 404 : 409)
          .send(httpError(result.reason, result.message));
      },
    );
  }
}
