import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { connected, eventually, startTestServer, type TestServer } from "../../test/harness";

let harness: TestServer;
afterEach(async () => harness?.close());

type AckOf = { ok: boolean; data?: unknown; error?: { code: string; message: string } };
const emitWithAck = (socket: Socket, event: string, ...args: unknown[]) =>
  socket.timeout(3000).emitWithAck(event, ...args) as Promise<AckOf>;

const logEntry = (id = randomUUID()) => ({
  id,
  at: new Date().toISOString(),
  level: "warning",
  code: "printer.paper_low",
  message: "纸将用完",
});

describe("enrolment", () => {
  it("a code works once; the token is stored hashed; the terminal then holds a live authenticated link", async () => {
    harness = await startTestServer();
    const code = await harness.api<{ code: string; expiresAt: string }>(
      "POST",
      "/api/v1/terminals/enrollment-codes",
      {
        kind: "elder",
        communityId: "fengdaoling",
        name: "封刀岭 王奶奶家",
      },
    );
    expect(code.status).toBe(201);
    expect(code.body.code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const first = await harness.api<{ terminalId: string; token: string }>(
      "POST",
      "/api/v1/terminals/enroll",
      { code: code.body.code.toLowerCase() },
      null,
    );
    expect(first.status).toBe(201);
    const again = await harness.api<{ error: { message: string } }>(
      "POST",
      "/api/v1/terminals/enroll",
      { code: code.body.code },
      null,
    );
    expect(again.status).toBe(403);
    expect(again.body.error.message).toMatch(/already been used/);

    const stored = harness.server.db
      .prepare("SELECT token_hash FROM terminals WHERE id = ?")
      .get(first.body.terminalId) as { token_hash: string };
    expect(stored.token_hash).not.toContain(first.body.token);

    const socket = harness.connectTerminal({ terminalId: first.body.terminalId, token: first.body.token });
    await connected(socket);
    const list = await harness.api<{
      terminals: Array<{
        id: string;
        kind: string;
        communityId: string;
        online: boolean;
        lastSeenAt: string | null;
      }>;
    }>("GET", "/api/v1/terminals");
    expect(list.body.terminals).toEqual([
      expect.objectContaining({
        id: first.body.terminalId,
        kind: "elder",
        communityId: "fengdaoling",
        online: true,
        lastSeenAt: expect.any(String),
      }),
    ]);
  });

  it("refuses an unknown code and an expired code", async () => {
    harness = await startTestServer({ enrollmentCodeTtlMs: 50 });
    expect(
      (await harness.api("POST", "/api/v1/terminals/enroll", { code: "ABCDE-FGHJK" }, null)).status,
    ).toBe(403);
    const code = await harness.api<{ code: string }>("POST", "/api/v1/terminals/enrollment-codes", {
      kind: "kiosk",
      communityId: "yanggao",
      name: "阳高 1号机",
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const late = await harness.api<{ error: { code: string } }>(
      "POST",
      "/api/v1/terminals/enroll",
      { code: code.body.code },
      null,
    );
    expect(late.status).toBe(403);
    expect(late.body.error.code).toBe("expired");
  });

  it("refuses a code for an unknown community", async () => {
    harness = await startTestServer();
    const response = await harness.api("POST", "/api/v1/terminals/enrollment-codes", {
      kind: "kiosk",
      communityId: "nowhere",
      name: "x",
    });
    expect(response.status).toBe(400);
  });
});

describe("the /terminal handshake", () => {
  it("a wrong token gets connect_error and never sees data", async () => {
    harness = await startTestServer();
    const { terminalId } = await harness.enroll();
    const socket = harness.connectTerminal({ terminalId, token: "x".repeat(43) });
    let sawCommand = false;
    socket.on("command", () => {
      sawCommand = true;
    });
    const error = (await connected(socket).catch((e: unknown) => e)) as Error & { data?: { code: string } };
    expect(error.data?.code).toBe("unauthorized");
    expect(sawCommand).toBe(false);
  });

  it("refuses a protocol version the server does not speak, with a clear message", async () => {
    harness = await startTestServer();
    const credentials = await harness.enroll();
    const socket = harness.connectTerminal({ ...credentials, protocol: 99 });
    const error = (await connected(socket).catch((e: unknown) => e)) as Error & {
      data?: { code: string; message: string };
    };
    expect(error.data?.code).toBe("unsupported_protocol");
    expect(error.data?.message).toMatch(/protocol version 99 is not supported/);
  });

  it("refuses a malformed handshake", async () => {
    harness = await startTestServer();
    const socket = harness.connectTerminal({ terminalId: 42 });
    const error = (await connected(socket).catch((e: unknown) => e)) as Error & { data?: { code: string } };
    expect(error.data?.code).toBe("unauthorized");
  });

  it("revoking disconnects the terminal at once and refuses it afterwards; the console sees it offline", async () => {
    harness = await startTestServer();
    const credentials = await harness.enroll();
    const socket = harness.connectTerminal(credentials);
    await connected(socket);
    const disconnected = new Promise<string>((resolve) => socket.once("disconnect", resolve));
    const revoked = await harness.api<{ revoked: boolean; online: boolean }>(
      "POST",
      `/api/v1/terminals/${credentials.terminalId}/revoke`,
    );
    expect(revoked.body).toMatchObject({ revoked: true, online: false });
    expect(await disconnected).toBe("io server disconnect");
    const again = harness.connectTerminal(credentials);
    const error = (await connected(again).catch((e: unknown) => e)) as Error & { data?: { code: string } };
    expect(error.data?.code).toBe("revoked");
    const audit = await harness.api<{ entries: Array<{ action: string; targetId: string }> }>(
      "GET",
      "/api/v1/audit?action=terminal.revoke",
    );
    expect(audit.body.entries).toEqual([expect.objectContaining({ targetId: credentials.terminalId })]);
  });
});

describe("terminal events", () => {
  it("malformed payloads on every event get error acks, store nothing, and the link stays up", async () => {
    harness = await startTestServer();
    const credentials = await harness.enroll();
    const socket = harness.connectTerminal(credentials);
    await connected(socket);
    const bad: Array<[string, unknown]> = [
      ["terminal:status", null],
      ["terminal:status", { version: "", devices: [] }],
      ["terminal:status", { version: "1", devices: [{ device: "printer", status: "on fire" }] }],
      ["terminal:log", {}],
      ["terminal:log", { ...logEntry(), id: "not-a-uuid" }],
      ["terminal:log", { ...logEntry(), message: "x".repeat(10_000) }],
      ["terminal:log", "a string"],
      ["command:result", { id: randomUUID(), commandId: "c", status: "maybe" }],
      ["command:result", [1, 2, 3]],
      ["no:such:event", { id: randomUUID() }],
    ];
    for (const [event, payload] of bad) {
      const ack = await emitWithAck(socket, event, payload);
      expect(ack.ok, `${event} ${JSON.stringify(payload)?.slice(0, 60)}`).toBe(false);
      expect(ack.error?.code).toBe("invalid_payload");
    }
    // An acknowledged result for a command that does not exist is refused too, and stores nothing.
    const unknown = await emitWithAck(socket, "command:result", {
      id: randomUUID(),
      commandId: "nope",
      status: "succeeded",
    });
    expect(unknown.error?.code).toBe("not_found");
    // Events without an ack callback cannot be answered: ignored, not stored.
    socket.emit("terminal:log", logEntry());
    const db = harness.server.db;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(db.prepare("SELECT count(*) AS n FROM terminal_log").get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT count(*) AS n FROM terminal_inbox").get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT version FROM terminals").get()).toEqual({ version: null });
    expect(socket.connected).toBe(true);
    const good = await emitWithAck(socket, "terminal:status", {
      version: "0.1.0",
      devices: [{ device: "printer", status: "degraded", reason: "paper near end" }],
    });
    expect(good.ok).toBe(true);
  });

  it("a durable event sent twice (a lost ack) is stored once and answered the same way", async () => {
    harness = await startTestServer();
    const credentials = await harness.enroll();
    const socket = harness.connectTerminal(credentials);
    await connected(socket);
    const entry = logEntry();
    const first = await emitWithAck(socket, "terminal:log", entry);
    const second = await emitWithAck(socket, "terminal:log", entry);
    expect(first).toEqual({ ok: true, data: { id: entry.id } });
    expect(second).toEqual(first);
    expect(harness.server.db.prepare("SELECT count(*) AS n FROM terminal_log").get()).toEqual({ n: 1 });
    // Another terminal cannot reuse the id.
    const other = harness.connectTerminal(await harness.enroll());
    await connected(other);
    expect((await emitWithAck(other, "terminal:log", entry)).error?.code).toBe("conflict");
    const detail = await harness.api<{ log: Array<{ code: string; message: string }> }>(
      "GET",
      `/api/v1/terminals/${credentials.terminalId}`,
    );
    expect(detail.body.log).toEqual([
      expect.objectContaining({ code: "printer.paper_low", message: "纸将用完" }),
    ]);
  });

  it("status reports show in the terminal list: version and device health", async () => {
    harness = await startTestServer();
    const credentials = await harness.enroll();
    const socket = harness.connectTerminal(credentials);
    await connected(socket);
    await emitWithAck(socket, "terminal:status", {
      version: "1.2.3",
      devices: [{ device: "idCardReader", status: "ok" }],
    });
    const list = await harness.api<{ terminals: Array<{ version: string; devices: unknown[] }> }>(
      "GET",
      "/api/v1/terminals",
    );
    expect(list.body.terminals[0]).toMatchObject({
      version: "1.2.3",
      devices: [{ device: "idCardReader", status: "ok" }],
    });
  });
});

describe("persistent commands", () => {
  it("a command queued while the terminal is offline is delivered when it connects, and its outcome recorded", async () => {
    harness = await startTestServer();
    const credentials = await harness.enroll();
    const queued = await harness.api<{ id: string; state: string }>(
      "POST",
      `/api/v1/terminals/${credentials.terminalId}/commands`,
      { type: "reload" },
    );
    expect(queued.status).toBe(201);
    expect(queued.body.state).toBe("queued");

    const socket = harness.connectTerminal(credentials);
    const received = new Promise<{ commandId: string; type: string }>((resolve) =>
      socket.on("command", (command: { commandId: string; type: string }, ack: (a: unknown) => void) => {
        ack({ ok: true, data: null });
        resolve(command);
      }),
    );
    await connected(socket);
    const command = await received;
    expect(command).toMatchObject({ commandId: queued.body.id, type: "reload" });
    const stateOf = async () =>
      (
        await harness.api<{ commands: Array<{ id: string; state: string; detail: string | null }> }>(
          "GET",
          `/api/v1/terminals/${credentials.terminalId}/commands`,
        )
      ).body.commands[0];
    await eventually(async () => (await stateOf())?.state === "delivered");
    const result = await emitWithAck(socket, "command:result", {
      id: randomUUID(),
      commandId: command.commandId,
      status: "succeeded",
      detail: "reloaded",
    });
    expect(result.ok).toBe(true);
    expect(await stateOf()).toMatchObject({ state: "succeeded", detail: "reloaded" });
  });

  it("a command nobody received before its expiry is marked expired and never sent", async () => {
    harness = await startTestServer();
    const credentials = await harness.enroll();
    const queued = await harness.api<{ id: string }>(
      "POST",
      `/api/v1/terminals/${credentials.terminalId}/commands`,
      { type: "restart", ttlSeconds: 10 },
    );
    harness.server.db
      .prepare("UPDATE terminal_commands SET expires_at = ? WHERE id = ?")
      .run(new Date(Date.now() - 1000).toISOString(), queued.body.id);
    const socket = harness.connectTerminal(credentials);
    let received = false;
    socket.on("command", () => {
      received = true;
    });
    await connected(socket);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toBe(false);
    const list = await harness.api<{ commands: Array<{ state: string }> }>(
      "GET",
      `/api/v1/terminals/${credentials.terminalId}/commands`,
    );
    expect(list.body.commands[0]?.state).toBe("expired");
  });

  it("only an admin may queue commands, and not for a revoked terminal", async () => {
    harness = await startTestServer();
    const credentials = await harness.enroll();
    await harness.api("POST", "/api/v1/staff", {
      username: "disp",
      displayName: "调度员",
      password: "dispatcher-1",
      role: "dispatcher",
    });
    const login = await harness.api<{ token: string }>(
      "POST",
      "/api/v1/auth/login",
      { username: "disp", password: "dispatcher-1" },
      null,
    );
    expect(
      (
        await harness.api(
          "POST",
          `/api/v1/terminals/${credentials.terminalId}/commands`,
          { type: "reload" },
          login.body.token,
        )
      ).status,
    ).toBe(403);
    await harness.api("POST", `/api/v1/terminals/${credentials.terminalId}/revoke`);
    expect(
      (await harness.api("POST", `/api/v1/terminals/${credentials.terminalId}/commands`, { type: "reload" }))
        .status,
    ).toBe(409);
  });
});
