import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import { httpError } from "../http/errors";

/** The built resident phone pages (`npm run build -w @linli/resident`), served at /r/. */
export const RESIDENT_DIST = fileURLToPath(new URL("../../../resident/dist", import.meta.url));

/**
 * The public resident pages at /r/: the built files, and index.html for every page path (/r/K7M2-9QXD-4HTP,
 * /r/upload/<token>) because the pages route by path — a receipt's QR code carries a plain URL, and a phone
 * that reloads or shares it must land on the same page. Paths that look like files stay 404.
 */
export async function residentPageRoutes(
  app: FastifyInstance,
  log: Logger,
  dist: string = RESIDENT_DIST,
): Promise<void> {
  const indexFile = join(dist, "index.html");
  if (!existsSync(indexFile)) {
    log.warn({ dir: dist }, "the resident pages are not built: run `npm run build`");
    return;
  }
  // Its own scope under /r: its not-found handler (the page fallback) answers for /r/... only.
  await app.register(
    async (scope) => {
      // The console registered @fastify/static first and owns reply.sendFile; this instance only serves
      // files, looked up per request, so that a rebuild's new asset names are served without a restart.
      await scope.register(fastifyStatic, { root: dist, prefix: "/", decorateReply: false });
      scope.setNotFoundHandler((request, reply) => {
        const path = request.url.split("?")[0] ?? "";
        if (request.method !== "GET" || (path.split("/").pop() ?? "").includes(".")) {
          return reply.code(404).send(httpError("not_found", `no file ${path}`));
        }
        // Read per request: small, and a rebuild while the server runs is picked up.
        return reply
          .code(200)
          .header("cache-control", "no-cache")
          .type("text/html; charset=utf-8")
          .send(readFileSync(indexFile, "utf8"));
      });
    },
    { prefix: "/r" },
  );
}
