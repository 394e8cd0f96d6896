import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROTOCOL_VERSION, type TerminalKind } from "@linli/protocol";
import { io, type Socket } from "socket.io-client";
import { type ControlServer, type ControlServerOptions, createControlServer } from "../src/app";

export const ADMIN_PASSWORD = "admin-password-for-tests";

export interface TestServer {
  server: ControlServer;
  url: string;
  dataDir: string;
  adminToken: string;
  /** HTTP call with JSON in and out; `token` defaults to the admin's. */
  api<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    token?: string | null,
  ): Promise<{ status: number; body: T }>;
  enroll(input?: {
    kind?: TerminalKind;
    communityId?: string;
    name?: string;
  }): Promise<{ terminalId: string; token: string }>;
  connectTerminal(auth: Record<string, unknown>): Socket;
  close(): Promise<void>;
}

export interface RunningServer {
  server: ControlServer;
  url: string;
  dataDir: string;
  /** Stops the server and removes its data directory (unless the caller gave it). */
  close(): Promise<void>;
}

/** A real control server on a free loopback port with a fresh SQLite file; nobody signed in. */
export async function startServer(overrides: Partial<ControlServerOptions> = {}): Promise<RunningServer> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), "linli-server-"));
  const server = await createControlServer({
    port: 0,
    host: "127.0.0.1",
    dataDir,
    adminPassword: ADMIN_PASSWORD,
    logLevel: "silent",
    supervisionMs: { kiosk: 20_000, elder: 20_000 },
    enrollmentCodeTtlMs: 3_600_000,
    alarmEscalationMs: 60_000,
    checkinHour: 10,
    timeZone: "Asia/Shanghai",
    smsGateway: null,
    ...overrides,
  });
  const { url } = await server.listen();
  return {
    server,
    url,
    dataDir,
    async close() {
      await server.close();
      if (!overrides.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A real control server on port 0 with a fresh SQLite file, signed in as the admin. */
export async function startTestServer(overrides: Partial<ControlServerOptions> = {}): Promise<TestServer> {
  const { server, url, dataDir, close } = await startServer(overrides);
  const sockets: Socket[] = [];

  async function api<T>(method: string, path: string, body?: unknown, token?: string | null) {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers["content-type"] = "application/json";
    const bearer = token === undefined ? harness.adminToken : token;
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    const response = await fetch(url + path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }

  const harness: TestServer = {
    server,
    url,
    dataDir,
    adminToken: "",
    api,
    async enroll(input = {}) {
      const code = await api<{ code: string }>("POST", "/api/v1/terminals/enrollment-codes", {
        kind: input.kind ?? "kiosk",
        communityId: input.communityId ?? "xiangbin",
        name: input.name ?? "测试终端",
      });
      const enrolled = await api<{ terminalId: string; token: string }>(
        "POST",
        "/api/v1/terminals/enroll",
        { code: code.body.code },
        null,
      );
      if (enrolled.status !== 201) throw new Error(`enrolment failed: ${JSON.stringify(enrolled.body)}`);
      return enrolled.body;
    },
    connectTerminal(auth) {
      const socket = io(`${url}/terminal`, {
        auth: { protocol: PROTOCOL_VERSION, ...auth },
        transports: ["websocket"],
        reconnection: false,
      });
      sockets.push(socket);
      return socket;
    },
    async close() {
      for (const socket of sockets) socket.disconnect();
      await close();
    },
  };
  const login = await api<{ token: string }>(
    "POST",
    "/api/v1/auth/login",
    { username: "admin", password: ADMIN_PASSWORD },
    null,
  );
  harness.adminToken = login.body.token;
  return harness;
}

/** Resolves on `connect`, rejects with the server's refusal on `connect_error`. */
export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (error) => reject(error));
  });
}

/** Polls until `check` returns a truthy value or the time is up. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 5000, stepMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
}
