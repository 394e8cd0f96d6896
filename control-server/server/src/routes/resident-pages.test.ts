import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { residentPageRoutes } from "./resident-pages";

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** A built-looking dist: the page and one hashed asset. */
function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), "linli-resident-dist-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>办事进度</title>");
  writeFileSync(join(dir, "assets", "index-abc.js"), "console.log('resident')");
  return dir;
}

async function serve(dist: string): Promise<FastifyInstance> {
  const app = Fastify();
  cleanups.push(() => app.close());
  await residentPageRoutes(app, pino({ level: "silent" }), dist);
  await app.ready();
  return app;
}

describe("resident pages at /r/", () => {
  it("answers every page path with the page, so a receipt's QR code and a reload both land", async () => {
    const app = await serve(fakeDist());
    for (const url of [
      "/r/",
      "/r/K7M2-9QXD-4HTP",
      "/r/k7m2%209qxd%204htp",
      "/r/upload/tok_abc-123",
      "/r/x/",
    ]) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["content-type"], url).toContain("text/html");
      expect(response.body, url).toContain("办事进度");
    }
    const bare = await app.inject({ url: "/r" });
    expect(bare.statusCode).toBe(200);
    expect(bare.body).toContain("办事进度");
  });

  it("serves the built assets, and a missing asset is 404, not the page", async () => {
    const app = await serve(fakeDist());
    const asset = await app.inject({ url: "/r/assets/index-abc.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toContain("resident");
    const missing = await app.inject({ url: "/r/assets/index-gone.js" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
  });

  it("serves the assets of a rebuild made while the server runs", async () => {
    const dist = fakeDist();
    const app = await serve(dist);
    writeFileSync(join(dist, "assets", "index-new.js"), "console.log('rebuilt')");
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>新版</title>");
    expect((await app.inject({ url: "/r/assets/index-new.js" })).body).toContain("rebuilt");
    expect((await app.inject({ url: "/r/K7M2-9QXD-4HTP" })).body).toContain("新版");
  });

  it("leaves other paths and other methods alone", async () => {
    const app = await serve(fakeDist());
    expect((await app.inject({ url: "/api/v1/nothing" })).statusCode).toBe(404);
    expect((await app.inject({ url: "/api/v1/nothing" })).body).not.toContain("办事进度");
    expect((await app.inject({ method: "POST", url: "/r/K7M2-9QXD-4HTP" })).statusCode).toBe(404);
  });

  it("registers nothing when the pages are not built, and the server still starts", async () => {
    const app = await serve(join(tmpdir(), "linli-resident-never-built"));
    expect((await app.inject({ url: "/r/K7M2-9QXD-4HTP" })).statusCode).toBe(404);
  });
});
