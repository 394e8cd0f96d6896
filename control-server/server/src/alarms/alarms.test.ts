import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AlarmUpdate, AlarmView } from "@linli/protocol";
import { io, type Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { connected, eventually, startTestServer, type TestServer } from "../../test/harness";
import { closeSmsGateways, startSmsGateway } from "../../test/sms-gateway";

const servers: TestServer[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  await closeSmsGateways();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(overrides: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const server = await startTestServer(overrides);
  servers.push(server);
  return server;
}

/** An elder unit linked to the server, with a profile of the elder who lives with it. */
async function elderUnit(server: TestServer) {
  const credentials = await server.enroll({ kind: "elder", communityId: "xiangbin", name: "湘滨 王奶奶家" });
  const profile = await server.api<{ id: string }>("POST", "/api/v1/elders", {
    communityId: "xiangbin",
    name: "王秀英",
    address: "湘滨社区 3 栋 2 单元 101",
    livingSituation: "独居",
    conditions: ["高血压", "糖尿病"],
    medicationNotes: "每日早晚服降压药",
    keyHolder: { name: "李桂兰", relation: "邻居", phone: "13907321234" },
    emergencyContacts: [
      { name: "王强", relation: "儿子", phone: "13812345678" },
      { name: "王丽", relation: "女儿", phone: "13987654321" },
    ],
    terminalId: credentials.terminalId,
  });
  expect(profile.status).toBe(201);
  const socket = server.connectTerminal(credentials);
  const updates: AlarmUpdate[] = [];
  socket.on("alarm:update", (update: AlarmUpdate) => updates.push(update));
  await connected(socket);
  return { socket, updates, terminalId: credentials.terminalId };
}

function consoleFor(server: TestServer, token: string) {
  const raised: AlarmView[] = [];
  const updated: AlarmView[] = [];
  const socket = io(`${server.url}/console`, { auth: { token }, transports: ["websocket"] });
  socket.on("alarm:raised", (alarm: AlarmView) => raised.push(alarm));
  socket.on("alarm:updated", (alarm: AlarmView) => updated.push(alarm));
  return { socket, raised, updated, ready: connected(socket) };
}

async function signIn(server: TestServer, role: string, username: string, communityId: string | null = null) {
  const password = `${username}-password-1`;
  await server.api("POST", "/api/v1/staff", {
    username,
    displayName: username === "wang.fang" ? "王芳" : username,
    password,
    role,
    communityId,
  });
  return (await server.api<{ token: string }>("POST", "/api/v1/auth/login", { username, password }, null))
    .body.token;
}

const sos = (id = randomUUID()) => ({
  id,
  kind: "sos",
  raisedAt: new Date().toISOString(),
  source: "pendant",
});
const emit = (socket: Socket, event: string, payload: unknown) =>
  socket.timeout(3000).emitWithAck(event, payload) as Promise<{
    ok: boolean;
    data?: { alarmId: string; status?: string };
    error?: { code: string };
  }>;

describe("SOS alarms", () => {
  it("reach every console with the elder's profile; a dispatcher sees phones, a caseworker does not; the elder hears who took it", async () => {
    const server = await start();
    const unit = await elderUnit(server);
    const dispatcher = consoleFor(server, await signIn(server, "dispatcher", "wang.fang"));
    const caseworker = consoleFor(server, await signIn(server, "caseworker", "zhao.min"));
    await Promise.all([dispatcher.ready, caseworker.ready]);

    const raise = sos();
    const sentAt = Date.now();
    const first = await emit(unit.socket, "alarm:raise", raise);
    expect(first.ok).toBe(true);
    await eventually(() => dispatcher.raised.length === 1 && caseworker.raised.length === 1);
    expect(Date.now() - sentAt).toBeLessThan(1000);
    const seen = dispatcher.raised[0]!;
    expect(seen).toMatchObject({
      id: first.data!.alarmId,
      status: "open",
      source: "pendant",
      terminal: { name: "湘滨 王奶奶家" },
      community: { id: "xiangbin", name: "湘滨社区" },
      elder: { name: "王秀英", address: "湘滨社区 3 栋 2 单元 101", conditions: ["高血压", "糖尿病"] },
    });
    expect(seen.elder!.emergencyContacts.map((c) => c.phone)).toEqual(["13812345678", "13987654321"]);
    expect(caseworker.raised[0]!.elder!.emergencyContacts.map((c) => c.phone)).toEqual([
      "138****5678",
      "139****4321",
    ]);
    expect(caseworker.raised[0]!.elder!.keyHolder?.phone).toBe("139****1234");

    // The same event again (a lost ack) is the same alarm; nothing new is created or announced.
    const again = await emit(unit.socket, "alarm:raise", raise);
    expect(again.data).toEqual(first.data);
    const open = await server.api<{ alarms: AlarmView[] }>("GET", "/api/v1/alarms?status=open");
    expect(open.body.alarms).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(dispatcher.raised).toHaveLength(1);

    const dispatcherToken = (
      await server.api<{ token: string }>(
        "POST",
        "/api/v1/auth/login",
        { username: "wang.fang", password: "wang.fang-password-1" },
        null,
      )
    ).body.token;
    const ack = await server.api<AlarmView>(
      "POST",
      `/api/v1/alarms/${first.data!.alarmId}/ack`,
      undefined,
      dispatcherToken,
    );
    expect(ack.body).toMatchObject({ status: "acknowledged", acknowledgedBy: "王芳" });
    await eventually(() => unit.updates.some((u) => u.status === "acknowledged"));
    expect(unit.updates.at(-1)).toMatchObject({
      raiseId: raise.id,
      status: "acknowledged",
      acknowledgedBy: "王芳",
    });
    expect(
      (await server.api<{ alarms: AlarmView[] }>("GET", "/api/v1/alarms?status=open")).body.alarms,
    ).toHaveLength(0);

    const resolved = await server.api<AlarmView>(
      "POST",
      `/api/v1/alarms/${first.data!.alarmId}/resolve`,
      { note: "网格员上门，老人摔倒无大碍" },
      dispatcherToken,
    );
    expect(resolved.body.status).toBe("resolved");
    expect(resolved.body.events.map((e) => e.type)).toEqual(["raised", "acknowledged", "resolved"]);
    await eventually(() => unit.updates.at(-1)?.status === "resolved");
    // A caseworker may read alarms but not take them.
    const caseworkerToken = (
      await server.api<{ token: string }>(
        "POST",
        "/api/v1/auth/login",
        { username: "zhao.min", password: "zhao.min-password-1" },
        null,
      )
    ).body.token;
    expect(
      (await server.api("POST", `/api/v1/alarms/${first.data!.alarmId}/ack`, undefined, caseworkerToken))
        .status,
    ).toBe(403);
    const audit = await server.api<{ entries: Array<{ action: string }> }>("GET", "/api/v1/audit?limit=50");
    expect(audit.body.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(["alarm.acknowledge", "alarm.resolve", "elder.contacts_read", "elder.create"]),
    );
    dispatcher.socket.disconnect();
    caseworker.socket.disconnect();
  });

  it("escalates when nobody acknowledges in time and texts the emergency contacts in order, until someone does", async () => {
    const sms = await startSmsGateway();
    const server = await start({ alarmEscalationMs: 400, smsGateway: { url: sms.url, token: "sms-secret" } });
    const unit = await elderUnit(server);
    const { data } = await emit(unit.socket, "alarm:raise", sos());
    await eventually(() => sms.sent.length === 2, 5000);
    expect(sms.sent.map((m) => m.to)).toEqual(["13812345678", "13987654321"]);
    expect(sms.sent[0]!.text).toMatch(/王秀英.*紧急呼叫/);
    expect(sms.sent[0]!.auth).toBe("Bearer sms-secret");
    await server.api("POST", `/api/v1/alarms/${data!.alarmId}/ack`);
    const level = (await server.api<AlarmView>("GET", `/api/v1/alarms/${data!.alarmId}`)).body
      .escalationLevel;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = (await server.api<AlarmView>("GET", `/api/v1/alarms/${data!.alarmId}`)).body;
    expect(after.escalationLevel).toBe(level);
    expect(after.events.filter((e) => e.type === "contact-notified").map((e) => e.note)).toEqual([
      "已短信通知紧急联系人 王强（儿子）",
      "已短信通知紧急联系人 王丽（女儿）",
    ]);
    expect(unit.updates.at(-1)?.escalationLevel).toBe(level);
  });

  it("says so in the history when no SMS gateway is configured, so staff phone the contacts", async () => {
    const server = await start({ alarmEscalationMs: 300 });
    const unit = await elderUnit(server);
    const { data } = await emit(unit.socket, "alarm:raise", sos());
    await eventually(async () => {
      const alarm = (await server.api<AlarmView>("GET", `/api/v1/alarms/${data!.alarmId}`)).body;
      return alarm.events.some((e) => e.type === "contact-notified");
    }, 5000);
    const alarm = (await server.api<AlarmView>("GET", `/api/v1/alarms/${data!.alarmId}`)).body;
    expect(alarm.events.find((e) => e.type === "contact-notified")?.note).toMatch(
      /未能短信通知紧急联系人 王强.*请电话联系/,
    );
  });

  it("escalation timers survive a restart of the server", async () => {
    const sms = await startSmsGateway();
    const dataDir = mkdtempSync(join(tmpdir(), "linli-escalation-"));
    dirs.push(dataDir);
    const first = await start({
      dataDir,
      alarmEscalationMs: 1500,
      smsGateway: { url: sms.url, token: undefined },
    });
    const unit = await elderUnit(first);
    await emit(unit.socket, "alarm:raise", sos());
    await first.close();
    servers.splice(servers.indexOf(first), 1);
    expect(sms.sent).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    await start({ dataDir, alarmEscalationMs: 1500, smsGateway: { url: sms.url, token: undefined } });
    await eventually(() => sms.sent.length === 1, 3000);
    expect(sms.sent[0]!.to).toBe("13812345678");
  });

  it("records the elder's false alarm, never deletes it, and stops escalation", async () => {
    const server = await start({ alarmEscalationMs: 500 });
    const unit = await elderUnit(server);
    const raise = sos();
    const { data } = await emit(unit.socket, "alarm:raise", raise);
    const cancel = await emit(unit.socket, "alarm:cancel", {
      id: randomUUID(),
      raiseId: raise.id,
      cancelledAt: new Date().toISOString(),
    });
    expect(cancel.data).toEqual({ alarmId: data!.alarmId, status: "cancelled" });
    await new Promise((resolve) => setTimeout(resolve, 800));
    const alarm = (await server.api<AlarmView>("GET", `/api/v1/alarms/${data!.alarmId}`)).body;
    expect(alarm).toMatchObject({ status: "cancelled", escalationLevel: 0, cancelledAt: expect.any(String) });
    expect(alarm.events.map((e) => e.type)).toEqual(["raised", "cancelled"]);
    const unknown = await emit(unit.socket, "alarm:cancel", {
      id: randomUUID(),
      raiseId: randomUUID(),
      cancelledAt: new Date().toISOString(),
    });
    expect(unknown.error?.code).toBe("unavailable");
  });

  it("refuses malformed alarms and stores nothing", async () => {
    const server = await start();
    const unit = await elderUnit(server);
    for (const payload of [
      { ...sos(), kind: "fire" },
      { ...sos(), raisedAt: "yesterday" },
      { kind: "sos" },
      null,
    ]) {
      const ack = await emit(unit.socket, "alarm:raise", payload);
      expect(ack.error?.code).toBe("invalid_payload");
    }
    expect(server.server.db.prepare("SELECT count(*) AS n FROM alarms").get()).toEqual({ n: 0 });
  });
});

describe("elder profiles", () => {
  it("masks phone numbers for roles that do not call, and refuses a unit that is not an elder unit", async () => {
    const server = await start();
    const unit = await elderUnit(server);
    const kiosk = await server.enroll({ kind: "kiosk" });
    const bad = await server.api<{ error: { message: string } }>("POST", "/api/v1/elders", {
      communityId: "xiangbin",
      name: "张三",
      address: "湘滨社区 1 栋",
      terminalId: kiosk.terminalId,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/elder unit/);
    const taken = await server.api("POST", "/api/v1/elders", {
      communityId: "xiangbin",
      name: "李四",
      address: "湘滨社区 2 栋",
      terminalId: unit.terminalId,
    });
    expect(taken.status).toBe(400);
    const token = await signIn(server, "community_staff", "xiangbin.li", "xiangbin");
    const list = await server.api<{ elders: Array<{ emergencyContacts: Array<{ phone: string }> }> }>(
      "GET",
      "/api/v1/elders",
      undefined,
      token,
    );
    expect(list.body.elders[0]!.emergencyContacts[0]!.phone).toBe("138****5678");
    const other = await signIn(server, "community_staff", "yanggao.wu", "yanggao");
    expect(
      (await server.api<{ elders: unknown[] }>("GET", "/api/v1/elders", undefined, other)).body.elders,
    ).toEqual([]);
  });
});
