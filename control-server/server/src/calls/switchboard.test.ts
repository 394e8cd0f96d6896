import { randomUUID } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { connected, eventually, startTestServer, type TestServer } from "../../test/harness";

let harness: TestServer;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await harness?.close();
});

type Ack = { ok: boolean; data?: { callId: string }; error?: { code: string } };
const ask = (socket: Socket, event: string, payload: unknown) =>
  socket.timeout(3000).emitWithAck(event, payload) as Promise<Ack>;

/** A console signed in as a new staff member, recording everything the server tells it. */
async function consoleAs(role: string, username: string, communityId: string | null = null) {
  const password = `${username}-password-1`;
  await harness.api("POST", "/api/v1/staff", {
    username,
    displayName: username,
    password,
    role,
    communityId,
  });
  const { token } = (
    await harness.api<{ token: string }>("POST", "/api/v1/auth/login", { username, password }, null)
  ).body;
  const socket = io(`${harness.url}/console`, { auth: { token }, transports: ["websocket"] });
  sockets.push(socket);
  const heard: Array<[string, unknown]> = [];
  socket.onAny((event: string, payload: unknown) => heard.push([event, payload]));
  await connected(socket);
  return {
    socket,
    heard,
    events: (name: string) => heard.filter(([event]) => event === name).map(([, p]) => p),
  };
}

async function elderUnit() {
  const credentials = await harness.enroll({ kind: "elder", communityId: "xiangbin", name: "湘滨 王奶奶家" });
  await harness.api("POST", "/api/v1/elders", {
    communityId: "xiangbin",
    name: "王秀英",
    address: "湘滨社区 3 栋 101",
    terminalId: credentials.terminalId,
  });
  const socket = harness.connectTerminal(credentials);
  const heard: Array<[string, unknown]> = [];
  socket.onAny((event: string, payload: unknown) => heard.push([event, payload]));
  await connected(socket);
  return {
    socket,
    heard,
    terminalId: credentials.terminalId,
    events: (name: string) => heard.filter(([e]) => e === name).map(([, p]) => p),
  };
}

const offer = (callId: string) => ({
  callId,
  signal: { type: "description", description: { type: "offer", sdp: "v=0 fake offer" } },
});

describe("voice calls between a unit and the centre", () => {
  it("ring every console that may answer; the first to accept gets the call; signalling flows only between the pair", async () => {
    harness = await startTestServer();
    const a = await consoleAs("dispatcher", "dispatcher.a");
    const b = await consoleAs("community_staff", "xiangbin.b", "xiangbin");
    const other = await consoleAs("community_staff", "yanggao.c", "yanggao");
    const caseworker = await consoleAs("caseworker", "case.d");
    const unit = await elderUnit();

    const callId = randomUUID();
    expect(await ask(unit.socket, "call:request", { callId })).toEqual({ ok: true, data: { callId } });
    await eventually(() => a.events("call:ringing").length === 1 && b.events("call:ringing").length === 1);
    expect(a.events("call:ringing")[0]).toMatchObject({
      callId,
      terminal: { name: "湘滨 王奶奶家" },
      elder: { name: "王秀英" },
    });
    expect(other.events("call:ringing")).toHaveLength(0);
    expect(caseworker.events("call:ringing")).toHaveLength(0);

    expect((await ask(a.socket, "call:accept", { callId })).ok).toBe(true);
    expect((await ask(b.socket, "call:accept", { callId })).error?.code).toBe("conflict");
    await eventually(() => unit.events("call:accepted").length === 1 && b.events("call:taken").length === 1);
    expect(unit.events("call:accepted")[0]).toEqual({ callId, staffName: "dispatcher.a" });

    expect((await ask(a.socket, "call:signal", offer(callId))).ok).toBe(true);
    await eventually(() => unit.events("call:signal").length === 1);
    expect(unit.events("call:signal")[0]).toEqual(offer(callId));
    const answer = {
      callId,
      signal: { type: "description", description: { type: "answer", sdp: "v=0 fake answer" } },
    };
    expect((await ask(unit.socket, "call:signal", answer)).ok).toBe(true);
    await eventually(() => a.events("call:signal").length === 1);
    expect(b.events("call:signal")).toHaveLength(0);
    expect((await ask(b.socket, "call:signal", offer(callId))).error?.code).toBe("not_found");

    expect((await ask(unit.socket, "call:hangup", { callId })).ok).toBe(true);
    await eventually(() => a.events("call:ended").length === 1);
    expect(a.events("call:ended")[0]).toEqual({ callId, reason: "hung-up" });
    const audit = await harness.api<{ entries: Array<{ action: string }> }>(
      "GET",
      "/api/v1/audit?action=call.accept",
    );
    expect(audit.body.entries).toHaveLength(1);
  });

  it("a console calls a unit during an alarm; the unit's link dropping ends the call for the console", async () => {
    harness = await startTestServer();
    const a = await consoleAs("dispatcher", "dispatcher.a");
    const unit = await elderUnit();
    const dialled = await ask(a.socket, "call:dial", { terminalId: unit.terminalId });
    expect(dialled.ok).toBe(true);
    await eventually(() => unit.events("call:incoming").length === 1);
    expect(unit.events("call:incoming")[0]).toEqual({
      callId: dialled.data!.callId,
      staffName: "dispatcher.a",
    });
    unit.socket.disconnect();
    await eventually(() => a.events("call:ended").length === 1);
    expect(a.events("call:ended")[0]).toEqual({ callId: dialled.data!.callId, reason: "link-lost" });
    expect((await ask(a.socket, "call:dial", { terminalId: unit.terminalId })).error?.code).toBe(
      "unavailable",
    );
  });

  it("says plainly when nobody can answer, and refuses malformed signalling", async () => {
    harness = await startTestServer();
    const unit = await elderUnit();
    expect((await ask(unit.socket, "call:request", { callId: randomUUID() })).error?.code).toBe(
      "unavailable",
    );
    const a = await consoleAs("dispatcher", "dispatcher.a");
    const callId = randomUUID();
    await ask(unit.socket, "call:request", { callId });
    await ask(a.socket, "call:accept", { callId });
    for (const bad of [
      { callId },
      { callId, signal: { type: "description", description: { type: "pranswer", sdp: "x" } } },
      { callId: "nope", signal: offer(callId).signal },
    ]) {
      expect((await ask(unit.socket, "call:signal", bad)).error?.code).toBe("invalid_payload");
      expect((await ask(a.socket, "call:signal", bad)).error?.code).toBe("invalid_payload");
    }
  });
});
