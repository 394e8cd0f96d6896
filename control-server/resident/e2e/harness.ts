import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { idNumberCheckCharacter } from "@linli/hardware/id-card/id-number";
import { type Ack, newReceiptCode, PROTOCOL_VERSION } from "@linli/protocol";
import type { Page } from "playwright-core";
import { io, type Socket } from "socket.io-client";
import { build } from "vite";
import { type ControlServer, createControlServer } from "../../server/src/app";

export const ADMIN_PASSWORD = "admin-password-resident";

const residentDir = fileURLToPath(new URL("..", import.meta.url));
const distDir = join(residentDir, "dist");
const sourceRoots = [
  join(residentDir, "src"),
  join(residentDir, "vite.config.ts"),
  join(residentDir, "../protocol/src"),
];

/** Whether the dist was built after the last change to any of its sources (then it is left alone). */
function distIsFresh(): boolean {
  const built = statSync(join(distDir, "index.html"), { throwIfNoEntry: false })?.mtimeMs;
  if (built === undefined) return false;
  let newest = 0;
  const visit = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const root of sourceRoots) visit(root);
  return built >= newest;
}

/**
 * Builds the resident pages from the current source. Test files share one dist, which a build empties
 * first: builds take turns through a lock directory, and a fresh dist is not rebuilt.
 */
export async function buildResidentPages(): Promise<void> {
  const lock = join(
    tmpdir(),
    `linli-resident-build-${createHash("sha256").update(distDir).digest("hex").slice(0, 12)}`,
  );
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 60_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for the resident build lock ${lock}`);
      await sleep(100);
    }
  }
  try {
    if (distIsFresh()) return;
    await build({ configFile: join(residentDir, "vite.config.ts"), logLevel: "error" });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface RunningServer {
  server: ControlServer;
  url: string;
  close(): Promise<void>;
}

/** A real control server on a free loopback port with a fresh database (the seeded catalogue included). */
export async function startServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "linli-resident-e2e-"));
  const server = await createControlServer({
    port: 0,
    host: "127.0.0.1",
    dataDir,
    adminPassword: ADMIN_PASSWORD,
    logLevel: "silent",
    supervisionMs: { kiosk: 20_000, elder: 20_000 },
    enrollmentCodeTtlMs: 3_600_000,
    alarmEscalationMs: 60_000,
    smsGateway: null,
    checkinHour: 10,
    timeZone: "Asia/Shanghai",
  });
  const { url } = await server.listen();
  return {
    server,
    url,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** JSON over HTTP; answers status and body, never throws on an HTTP error. */
export async function api(
  base: string,
  path: string,
  options: { method?: string; token?: string; body?: unknown } = {},
  // biome-ignore lint/suspicious/noExplicitAny: a test helper; each caller knows the shape it asked for
): Promise<{ status: number; body: any }> {
  const response = await fetch(new URL(path, base), {
    method: options.method ?? (options.body === undefined ? "GET" : "POST"),
    headers: {
      ...(options.body === undefined ? {} : { "content-type": "application/json" }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.body === undefined ? null : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

export async function adminToken(base: string): Promise<string> {
  const { status, body } = await api(base, "/api/v1/auth/login", {
    body: { username: "admin", password: ADMIN_PASSWORD },
  });
  if (status !== 200) throw new Error(`admin sign-in failed: ${status}`);
  return body.token as string;
}

/** A valid 18-digit ID number (its check character computed), distinct per `serial`. */
export function idNumber(serial: number): string {
  const first17 = `43010219800101${String(serial).padStart(3, "0")}`;
  return first17 + idNumberCheckCharacter(first17);
}

/** A kiosk enrolled through the HTTP API with its real `/terminal` socket. */
export async function kiosk(base: string, token: string, name = "湘滨社区服务中心 1 号机"): Promise<Socket> {
  const code = await api(base, "/api/v1/terminals/enrollment-codes", {
    token,
    body: { kind: "kiosk", communityId: "xiangbin", name },
  });
  if (code.status !== 201) throw new Error(`enrolment code: ${code.status}`);
  const enrolled = await api(base, "/api/v1/terminals/enroll", { body: { code: code.body.code } });
  if (enrolled.status !== 201) throw new Error(`enrol: ${enrolled.status}`);
  const socket = io(new URL("/terminal", base).toString(), {
    auth: { ...enrolled.body, protocol: PROTOCOL_VERSION },
    transports: ["websocket"],
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return socket;
}

/** Emits and waits for the envelope; a refusal fails the test with the server's words. */
export async function ask<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  const ack = (await socket.timeout(5000).emitWithAck(event, payload)) as Ack<T>;
  if (!ack.ok) throw new Error(`${event} refused: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

/** An application submitted at the kiosk, with the receipt code the kiosk issued. */
export async function submitAtKiosk(
  socket: Socket,
  input: { serviceCode: string; answers: Record<string, boolean>; name: string; serial: number },
): Promise<string> {
  const receiptCode = newReceiptCode(
    (length) => new Uint8Array(Array.from({ length }, () => Math.floor(Math.random() * 256))),
  );
  await ask(socket, "application:submit", {
    id: randomUUID(),
    receiptCode,
    serviceCode: input.serviceCode,
    applicant: { idNumber: idNumber(input.serial), name: input.name, phone: "13800138000" },
    answers: input.answers,
    submittedAt: new Date().toISOString(),
  });
  return receiptCode;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** axe-core on the current page: serious and critical violations, one line each. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const axe = createRequire(import.meta.url)("axe-core") as { source: string };
  await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    const runner = (
      window as unknown as { axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await runner.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
