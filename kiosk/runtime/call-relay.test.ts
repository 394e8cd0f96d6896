/** The unit's side of a voice call: the runtime rings the centre and relays signalling for its page. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { io } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import {
  connected,
  eventually,
  startTestServer,
  type TestServer,
} from "../../control-server/server/test/harness";
import type { BridgeEvents } from "../bridge/contract";
import { DeviceHost } from "./device-host";
import { terminalConfigSchema } from "./terminal-config";
import { TerminalRuntime } from "./terminal-runtime";

const log = pino({ level: "silent" });
let harness: TestServer;
let runtime: TerminalRuntime;
let dataDir: string;
afterEach(async () => {
  await runtime?.stop();
  await harness?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("voice call relay on the unit", () => {
  it("rings the centre, hears who answered, and relays signalling both ways", async () => {
    harness = await startTestServer();
    const code = await harness.api<{ code: string }>("POST", "/api/v1/terminals/enrollment-codes", {
      kind: "elder",
      communityId: "xiangbin",
      name: "湘滨 王奶奶家",
    });
    dataDir = mkdtempSync(join(tmpdir(), "linli-call-"));
    const config = terminalConfigSchema.parse({
      server: harness.url,
      enrollmentCode: code.body.code,
      dataDir,
    });
    runtime = new TerminalRuntime({
      config,
      kind: "elder",
      version: "1.0.0",
      log,
      devices: new DeviceHost({}, {}, log),
    });
    const calls: Array<BridgeEvents["call"]> = [];
    runtime.on("call", (event) => calls.push(event));
    await runtime.start();
    await eventually(() => runtime.snapshot().link.state === "online");

    const nobody = await runtime.call("call:request", null);
    expect(nobody.ok ? "ok" : nobody.error.code).toBe("unavailable");

    const console = io(`${harness.url}/console`, {
      auth: { token: harness.adminToken },
      transports: ["websocket"],
    });
    const signals: unknown[] = [];
    console.on("call:signal", (message: unknown) => signals.push(message));
    const ringing = new Promise<{ callId: string }>((resolve) => console.once("call:ringing", resolve));
    await connected(console);

    const requested = await runtime.call("call:request", null);
    expect(requested.ok).toBe(true);
    const { callId } = await ringing;
    expect(requested.ok && requested.data.callId).toBe(callId);
    await console.timeout(3000).emitWithAck("call:accept", { callId });
    await eventually(() => calls.some((c) => c.type === "accepted"));
    expect(calls[0]).toEqual({ type: "accepted", callId, staffName: "管理员" });

    const offer = { type: "description", description: { type: "offer", sdp: "v=0 offer" } };
    await console.timeout(3000).emitWithAck("call:signal", { callId, signal: offer });
    await eventually(() => calls.some((c) => c.type === "signal"));
    expect(calls.find((c) => c.type === "signal")).toEqual({ type: "signal", callId, signal: offer });
    const answer = { type: "description", description: { type: "answer", sdp: "v=0 answer" } } as const;
    expect((await runtime.call("call:signal", { callId, signal: answer })).ok).toBe(true);
    await eventually(() => signals.length === 1);

    await console.timeout(3000).emitWithAck("call:hangup", { callId });
    await eventually(() => calls.some((c) => c.type === "ended"));
    expect(calls.at(-1)).toEqual({ type: "ended", callId, reason: "hung-up" });
    console.disconnect();
  });
});
