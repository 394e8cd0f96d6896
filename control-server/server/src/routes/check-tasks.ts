import { checkTaskSchema } from "@linli/protocol";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ServerContext } from "../context";
import { httpError, httpErrorSchema } from "../http/errors";

const security = [{ bearer: [] }];

export function checkTaskRoutes(app: FastifyInstance, { guard, checkins }: ServerContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/api/v1/check-tasks",
    {
      onRequest: guard(),
      schema: {
        tags: ["elders"],
        summary: "Daily check tasks: elders who did not press 我很好 (I'm fine) by the check-in hour",
        security,
        querystring: z.object({
          status: z.enum(["open", "done"]).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ tasks: z.array(checkTaskSchema) }) },
      },
    },
    async (request) => ({
      tasks: checkins.list({ ...request.query, communityId: request.staff.communityId }),
    }),
  );

  api.post(
    "/api/v1/check-tasks/:taskId/done",
    {
      onRequest: guard("admin", "dispatcher", "community_staff"),
      schema: {
        tags: ["elders"],
        summary: "Close a check task with what was found (called, visited, …)",
        security,
        params: z.object({ taskId: z.string().min(1).max(64) }),
        body: z.object({ note: z.string().trim().min(1).max(1000) }),
        response: { 200: checkTaskSchema, 404: httpErrorSchema, 409: httpErrorSchema },
      },
    },
    async (request, reply) => {
      const result = checkins.complete(request.params.taskId, request.body.note, request.staff, request.ip);
      if (result === "not_found") return reply.code(404).send(httpError("not_found", "no such check task"));
      if (result === "closed")
        return reply.code(409).send(httpError("conflict", "this check task is already closed"));
      return result;
    },
  );
}
