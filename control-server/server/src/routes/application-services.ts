import { applicationServiceSchema } from "@linli/protocol";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { APPLICATION_STAFF_ROLES } from "../applications/application-roles";
import { answerRefusal } from "../applications/refusal-reply";
import type { ServerContext } from "../context";
import { httpError, httpErrorSchema } from "../http/errors";

const security = [{ bearer: [] }];

/** The certificate services kiosks offer, with the questions and materials of each. */
export function applicationServiceRoutes(
  app: FastifyInstance,
  { guard, applicationOffice }: ServerContext,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/api/v1/application-services",
    {
      onRequest: guard(...APPLICATION_STAFF_ROLES),
      schema: {
        tags: ["applications"],
        summary: "The application catalogue, inactive services included",
        security,
        response: { 200: z.array(applicationServiceSchema) },
      },
    },
    async () => applicationOffice.services(),
  );

  api.put(
    "/api/v1/application-services/:code",
    {
      onRequest: guard("admin"),
      schema: {
        tags: ["applications"],
        summary: "Add or replace a service; every material condition must name one of its questions",
        description: "Kiosks are told to fetch their content again.",
        security,
        params: z.object({ code: applicationServiceSchema.shape.code }),
        body: applicationServiceSchema,
        response: { 200: applicationServiceSchema, 400: httpErrorSchema },
      },
    },
    async (request, reply) => {
      if (request.body.code !== request.params.code)
        return reply.code(400).send(httpError("invalid_payload", "the body's code differs from the path's"));
      return answerRefusal(reply, () =>
        applicationOffice.saveService(request.body, request.staff, request.ip),
      );
    },
  );
}
