import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ServerContext } from "../context";

export const communitySchema = z.object({ id: z.string(), name: z.string() });

export function communityRoutes(app: FastifyInstance, { db, guard }: ServerContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/communities",
    {
      onRequest: guard(),
      schema: {
        tags: ["communities"],
        summary: "The communities of the county",
        security: [{ bearer: [] }],
        response: { 200: z.object({ communities: z.array(communitySchema) }) },
      },
    },
    async () => ({
      communities: db.prepare("SELECT id, name FROM communities ORDER BY rowid").all() as Array<{
        id: string;
        name: string;
      }>,
    }),
  );
}
