import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { idNumberCheckCharacter } from "@linli/hardware/id-card/id-number";
import { type Ack, newReceiptCode, PROTOCOL_VERSION } from "@linli/protocol";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { io, type Socket } from "socket.io-client";
import { seriousAxeFindings } from "../../../test-support/axe";
import { buildWhenStale } from "../../../test-support/build-ui";
import { api, adminToken as signInAdmin } from "../../../test-support/json-api";
import { type RunningServer, startServer as startServerOnly } from "../../server/test/harness";

export const ADMIN_PASSWORD = "admin-password-resident";

const residentDir = fileURLToPath(new URL("..", import.meta.url));
const distDir = join(residentDir, "dist");
const sourceRoots = [
  join(residentDir, "src"),
  join(residentDir, "vite.config.ts"),
  join(residentDir, "../protocol/src"),
];

/** Builds the resident pages from the current source unless their dist is already fresh. */
export function buildResidentPages(): Promise<void> {
  return buildWhenStale({ configFile: join(residentDir, "vite.config.ts"), distDir, sourceRoots });
}

export type { RunningServer };

/**
 * A real control server on a free loopback port with a fresh database (the seeded catalogue included);
 * texts go to `smsGatewayUrl` (a loopback stand-in) when given.
 */
export function startServer(options: { smsGatewayUrl?: string } = {}): Promise<RunningServer> {
  return startServerOnly({
    adminPassword: ADMIN_PASSWORD,
    smsGateway: options.smsGatewayUrl ? { url: options.smsGatewayUrl, token: undefined } : null,
  });
}

export { api };

/** The admin's session token (ADMIN_PASSWORD). */
export const adminToken = (base: string): Promise<string> => signInAdmin(base, ADMIN_PASSWORD);

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

export { seriousAxeFindings as seriousAxeViolations };

/** A phone: 360 × 740 with touch, in Chinese. */
export async function openPhonePage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
    locale: "zh-CN",
  });
  return { context, page: await context.newPage() };
}
