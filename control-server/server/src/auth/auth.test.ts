import { afterEach, describe, expect, it } from "vitest";
import { ADMIN_PASSWORD, startTestServer, type TestServer } from "../../test/harness";

let harness: TestServer;
afterEach(async () => harness?.close());

describe("staff sign-in", () => {
  it("a right password gives a token that opens the API; logout ends it", async () => {
    harness = await startTestServer();
    const login = await harness.api<{ token: string; staff: { role: string } }>(
      "POST",
      "/api/v1/auth/login",
      { username: "admin", password: ADMIN_PASSWORD },
      null,
    );
    expect(login.status).toBe(200);
    expect(login.body.staff.role).toBe("admin");
    const token = login.body.token;
    expect((await harness.api("GET", "/api/v1/communities", undefined, token)).status).toBe(200);
    expect((await harness.api("POST", "/api/v1/auth/logout", undefined, token)).status).toBe(204);
    expect((await harness.api("GET", "/api/v1/communities", undefined, token)).status).toBe(401);
  });

  it("every API endpoint needs a signed-in staff member", async () => {
    harness = await startTestServer();
    for (const [method, path] of [
      ["GET", "/api/v1/communities"],
      ["GET", "/api/v1/terminals"],
      ["POST", "/api/v1/terminals/enrollment-codes"],
      ["GET", "/api/v1/staff"],
      ["GET", "/api/v1/audit"],
      ["GET", "/api/v1/auth/me"],
    ] as const) {
      const response = await harness.api<{ error: { code: string } }>(
        method,
        path,
        method === "POST" ? {} : undefined,
        null,
      );
      expect(response.status, `${method} ${path}`).toBe(401);
      expect(response.body.error.code).toBe("unauthorized");
    }
    expect((await harness.api("GET", "/api/v1/communities", undefined, "not-a-real-token")).status).toBe(401);
  });

  it("locks an account after five wrong passwords, even against the right one, and audits it", async () => {
    harness = await startTestServer();
    for (let i = 0; i < 4; i++) {
      const wrong = await harness.api(
        "POST",
        "/api/v1/auth/login",
        { username: "admin", password: "wrong" },
        null,
      );
      expect(wrong.status).toBe(401);
    }
    expect(
      (await harness.api("POST", "/api/v1/auth/login", { username: "admin", password: "wrong" }, null))
        .status,
    ).toBe(423);
    const right = await harness.api<{ error: { message: string } }>(
      "POST",
      "/api/v1/auth/login",
      { username: "admin", password: ADMIN_PASSWORD },
      null,
    );
    expect(right.status).toBe(423);
    expect(right.body.error.message).toMatch(/try again after/);
    const audit = await harness.api<{ entries: Array<{ action: string }> }>("GET", "/api/v1/audit?limit=20");
    const actions = audit.body.entries.map((e) => e.action);
    expect(actions).toContain("auth.locked_out");
    expect(actions).toContain("auth.login_locked");
    expect(actions.filter((a) => a === "auth.login_failed")).toHaveLength(4);
  });

  it("changing the password needs the current one, ends the other sessions and keeps this one", async () => {
    harness = await startTestServer();
    const other = await harness.api<{ token: string }>(
      "POST",
      "/api/v1/auth/login",
      { username: "admin", password: ADMIN_PASSWORD },
      null,
    );
    const wrong = await harness.api("POST", "/api/v1/auth/password", {
      currentPassword: "not-it",
      newPassword: "a-new-password-1",
    });
    expect(wrong.status).toBe(403);
    const changed = await harness.api("POST", "/api/v1/auth/password", {
      currentPassword: ADMIN_PASSWORD,
      newPassword: "a-new-password-1",
    });
    expect(changed.status).toBe(204);
    expect((await harness.api("GET", "/api/v1/auth/me")).status).toBe(200);
    expect((await harness.api("GET", "/api/v1/auth/me", undefined, other.body.token)).status).toBe(401);
    expect(
      (await harness.api("POST", "/api/v1/auth/login", { username: "admin", password: ADMIN_PASSWORD }, null))
        .status,
    ).toBe(401);
    expect(
      (
        await harness.api(
          "POST",
          "/api/v1/auth/login",
          { username: "admin", password: "a-new-password-1" },
          null,
        )
      ).status,
    ).toBe(200);
  });

  it("a session expires", async () => {
    harness = await startTestServer({
      staffPolicy: { sessionTtlMs: 300, maxFailedLogins: 5, lockoutMs: 60_000 },
    });
    const login = await harness.api<{ token: string }>(
      "POST",
      "/api/v1/auth/login",
      { username: "admin", password: ADMIN_PASSWORD },
      null,
    );
    expect((await harness.api("GET", "/api/v1/auth/me", undefined, login.body.token)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await harness.api("GET", "/api/v1/auth/me", undefined, login.body.token)).status).toBe(401);
  });

  it("stores only a salted hash of each password", async () => {
    harness = await startTestServer();
    const row = harness.server.db
      .prepare("SELECT password_hash FROM staff WHERE username = 'admin'")
      .get() as {
      password_hash: string;
    };
    expect(row.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(row.password_hash).not.toContain(ADMIN_PASSWORD);
  });

  it("roles: only an admin manages staff and enrolment; community staff see only their community", async () => {
    harness = await startTestServer();
    const created = await harness.api("POST", "/api/v1/staff", {
      username: "quantang.li",
      displayName: "李红",
      password: "community-pass-1",
      role: "community_staff",
      communityId: "quantang",
    });
    expect(created.status).toBe(201);
    await harness.enroll({ communityId: "quantang", name: "泉塘 1号机" });
    await harness.enroll({ communityId: "xiangbin", name: "湘滨 1号机" });
    const login = await harness.api<{ token: string }>(
      "POST",
      "/api/v1/auth/login",
      { username: "quantang.li", password: "community-pass-1" },
      null,
    );
    const token = login.body.token;
    const terminals = await harness.api<{ terminals: Array<{ name: string }> }>(
      "GET",
      "/api/v1/terminals",
      undefined,
      token,
    );
    expect(terminals.body.terminals.map((t) => t.name)).toEqual(["泉塘 1号机"]);
    const code = await harness.api(
      "POST",
      "/api/v1/terminals/enrollment-codes",
      { kind: "kiosk", communityId: "quantang", name: "x" },
      token,
    );
    expect(code.status).toBe(403);
    expect((await harness.api("GET", "/api/v1/staff", undefined, token)).status).toBe(403);
  });

  it("refuses a community-staff account without a community and a duplicate username", async () => {
    harness = await startTestServer();
    const noCommunity = await harness.api("POST", "/api/v1/staff", {
      username: "someone",
      displayName: "某人",
      password: "long-enough-1",
      role: "community_staff",
    });
    expect(noCommunity.status).toBe(400);
    const duplicate = await harness.api("POST", "/api/v1/staff", {
      username: "ADMIN",
      displayName: "x",
      password: "long-enough-1",
      role: "dispatcher",
    });
    expect(duplicate.status).toBe(409);
  });
});

describe("public surface", () => {
  it("serves /healthz and an OpenAPI description of every route", async () => {
    harness = await startTestServer();
    const health = await harness.api<{ status: string }>("GET", "/healthz", undefined, null);
    expect(health.body.status).toBe("ok");
    const spec = await harness.api<{ openapi: string; paths: Record<string, unknown> }>(
      "GET",
      "/api/v1/openapi.json",
      undefined,
      null,
    );
    expect(spec.body.openapi).toMatch(/^3\./);
    for (const path of [
      "/api/v1/auth/login",
      "/api/v1/communities",
      "/api/v1/terminals",
      "/api/v1/terminals/enroll",
    ]) {
      expect(Object.keys(spec.body.paths)).toContain(path);
    }
  });

  it("lists the four communities", async () => {
    harness = await startTestServer();
    const response = await harness.api<{ communities: Array<{ name: string }> }>(
      "GET",
      "/api/v1/communities",
    );
    expect(response.body.communities.map((c) => c.name)).toEqual([
      "湘滨社区",
      "封刀岭社区",
      "泉塘社区",
      "阳高社区",
    ]);
  });
});
