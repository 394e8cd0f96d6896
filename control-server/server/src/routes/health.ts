import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ServerContext } from "../context";

const startedAt = Date.now();

export function healthRoutes(app: FastifyInstance, { db, supervisor }: ServerContext, version: string): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/healthz",
    {
      schema: {
        tags: ["health"],
        summary: "Liveness and readiness for load balancers and monitors (no personal data)",
        response: {
          200: z.object({
            status: z.literal("ok"),
            version: z.string(),
            uptimeSeconds: z.number(),
            terminalsOnline: z.number(),
          }),
        },
      },
    },
    async () => {
      db.prepare("SELECT 1").get();
      return {
        status: "ok" as const,
        version,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        terminalsOnline: supervisor.onlineCount,
      };
    },
  );
}
