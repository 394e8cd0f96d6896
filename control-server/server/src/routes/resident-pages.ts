import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";
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
  // The console registered @fastify/static first and owns reply.sendFile; this instance only serves files.
  // No wildcard: each built file is its own route, so the page fallback below cannot shadow an asset.
  await app.register(fastifyStatic, { root: dist, prefix: "/r/", decorateReply: false, wildcard: false });
  // Read per request: a rebuild while the server runs (development) is picked up, and the file is small.
  const page = (reply: FastifyReply) =>
    reply
      .header("cache-control", "no-cache")
      .type("text/html; charset=utf-8")
      .send(readFileSync(indexFile, "utf8"));
  app.get("/r", { schema: { hide: true } }, async (_request, reply) => reply.redirect("/r/"));
  app.get("/r/*", { schema: { hide: true } }, async (request, reply) => {
    const last = request.url.split("?")[0]?.split("/").pop() ?? "";
    if (last.includes(".")) {
      return reply.code(404).send(httpError("not_found", `no file ${request.url.split("?")[0]}`));
    }
    return page(reply);
  });
}
