import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import type { NoticeList, NoticeReceiptsView, StaffNotice } from "@linli/protocol";
import { io, type Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { connected, eventually, startTestServer, type TestServer } from "../../test/harness";

let harness: TestServer;
const extraSockets: Socket[] = [];
/** Data directories of servers restarted on the same file (the harness only removes its own). */
const keptDirs: string[] = [];
afterEach(async () => {
  for (const socket of extraSockets.splice(0)) socket.disconnect();
  await harness?.close();
  for (const dir of keptDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

type AckOf<T = unknown> = { ok: boolean; data?: T; error?: { code: string; message: string } };
const emitWithAck = <T>(socket: Socket, event: string, payload: unknown) =>
  socket.timeout(3000).emitWithAck(event, payload) as Promise<AckOf<T>>;

const waterCut = (overrides: Record<string, unknown> = {}) => ({
  title: "明日停水通知",
  body: "因管网维修，11 月 29 日 8:00 至 18:00 湘滨社区停水，请提前储水。",
  category: "water",
  priority: "important",
  communityIds: ["xiangbin"],
  terminalKinds: ["elder", "kiosk"],
  requiresConfirmation: true,
  ...overrides,
});

/** A linked terminal that records every `notices` list it is sent. */
interface LinkedTerminal {
  terminalId: string;
  token: string;
  socket: Socket;
  lists: NoticeList[];
  /** The titles of the latest list. */
  titles(): string[];
}

async function link(credentials: { terminalId: string; token: string }): Promise<LinkedTerminal> {
  const socket = harness.connectTerminal(credentials);
  const lists: NoticeList[] = [];
  socket.on("notices", (list: NoticeList) => lists.push(list));
  await connected(socket);
  // The list sent on connect.
  await eventually(() => lists.length > 0);
  return {
    ...credentials,
    socket,
    lists,
    titles: () => lists.at(-1)?.notices.map((n) => n.title) ?? [],
  };
}

async function enrolAndLink(kind: "kiosk" | "elder", communityId: string, name: string) {
  return link(await harness.enroll({ kind, communityId, name }));
}

const publish = (body: unknown, token?: string) =>
  harness.api<StaffNotice & { error?: { code: string } }>("POST", "/api/v1/notices", body, token);

const receipt = (noticeId: string, kind: "delivered" | "shown" | "heard", id = randomUUID()) => ({
  id,
  noticeId,
  kind,
  at: new Date().toISOString(),
});

async function signIn(role: string, username: string, communityId: string | null = null) {
  const password = `${username}-password-1`;
  const created = await harness.api("POST", "/api/v1/staff", {
    username,
    displayName: username,
    password,
    role,
    communityId,
  });
  expect(created.status).toBe(201);
  return (await harness.api<{ token: string }>("POST", "/api/v1/auth/login", { username, password }, null))
    .body.token;
}

const noticeCount = () =>
  (harness.server.db.prepare("SELECT count(*) AS n FROM notices").get() as { n: number }).n;

describe("notices reach the terminals they are meant for", () => {
  it("targets by community and kind, live and for a terminal that was offline when it was published", async () => {
    harness = await startTestServer();
    const elderXiangbin = await enrolAndLink("elder", "xiangbin", "湘滨 张爷爷家");
    const kioskXiangbin = await enrolAndLink("kiosk", "xiangbin", "湘滨 1 号机");
    const elderYanggao = await enrolAndLink("elder", "yanggao", "阳高 李奶奶家");
    const offline = await harness.enroll({ kind: "elder", communityId: "xiangbin", name: "湘滨 王奶奶家" });
    expect(elderXiangbin.titles()).toEqual([]);

    const published = await publish(waterCut({ terminalKinds: ["elder"] }));
    expect(published.status).toBe(201);
    expect(published.body.state).toBe("current");

    await eventually(() => elderXiangbin.titles().includes("明日停水通知"));
    const [shown] = elderXiangbin.lists.at(-1)!.notices;
    expect(shown).toEqual(
      expect.objectContaining({ id: published.body.id, category: "water", requiresConfirmation: true }),
    );
    // Not for kiosks, not for another community: they got nothing new.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(kioskXiangbin.lists).toHaveLength(1);
    expect(elderYanggao.lists).toHaveLength(1);

    const late = await link(offline);
    expect(late.titles()).toEqual(["明日停水通知"]);
  });

  it("a notice for every community reaches every community; the list is emergency, important, then newest", async () => {
    harness = await startTestServer();
    const kiosk = await enrolAndLink("kiosk", "quantang", "泉塘 1 号机");
    await publish(waterCut({ title: "旧的普通通知", priority: "normal", communityIds: [] }));
    await publish(waterCut({ title: "重要通知", priority: "important", communityIds: [] }));
    await publish(waterCut({ title: "新的普通通知", priority: "normal", communityIds: ["quantang"] }));
    await publish(
      waterCut({ title: "燃气泄漏紧急通知", priority: "emergency", category: "gas", communityIds: [] }),
    );
    await eventually(() => kiosk.titles().length === 4);
    expect(kiosk.titles()).toEqual(["燃气泄漏紧急通知", "重要通知", "新的普通通知", "旧的普通通知"]);
  });

  it("a scheduled notice appears when it starts and leaves when it ends, also after a restart", async () => {
    harness = await startTestServer();
    const { dataDir } = harness;
    keptDirs.push(dataDir);
    const credentials = await harness.enroll({ kind: "elder", communityId: "xiangbin" });
    const startsAt = new Date(Date.now() + 1500).toISOString();
    const endsAt = new Date(Date.now() + 3000).toISOString();
    const scheduled = await publish(waterCut({ title: "定时停电通知", category: "power", startsAt, endsAt }));
    expect(scheduled.body.state).toBe("scheduled");

    // The server restarts before the start: the schedule lives in the database.
    await harness.server.close();
    harness = await startTestServer({ dataDir });
    const unit = await link(credentials);
    expect(unit.titles()).toEqual([]);
    await eventually(() => unit.titles().includes("定时停电通知"), 4000);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(startsAt));
    await eventually(() => unit.titles().length === 0 && unit.lists.length >= 3, 4000);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(endsAt));
    const listed = await harness.api<{ notices: StaffNotice[] }>("GET", "/api/v1/notices");
    expect(listed.body.notices[0]!.state).toBe("ended");
  });

  it("a change reaches the terminals at once; a withdrawn notice leaves every screen and cannot be changed", async () => {
    harness = await startTestServer();
    const unit = await enrolAndLink("elder", "xiangbin", "湘滨 张爷爷家");
    const published = await publish(waterCut());
    await eventually(() => unit.titles().includes("明日停水通知"));

    const changed = await harness.api<StaffNotice>(
      "PUT",
      `/api/v1/notices/${published.body.id}`,
      waterCut({ title: "停水时间调整", priority: "emergency" }),
    );
    expect(changed.status).toBe(200);
    await eventually(() => unit.titles()[0] === "停水时间调整");
    expect(unit.lists.at(-1)!.notices[0]!.priority).toBe("emergency");

    const withdrawn = await harness.api<StaffNotice>("POST", `/api/v1/notices/${published.body.id}/withdraw`);
    expect(withdrawn.body.state).toBe("withdrawn");
    await eventually(() => unit.titles().length === 0);
    const again = await harness.api("PUT", `/api/v1/notices/${published.body.id}`, waterCut());
    expect(again.status).toBe(409);
    expect(unit.titles()).toEqual([]);

    const actions = harness.server.context.audit
      .list({ limit: 50 })
      .filter((entry) => entry.targetId === published.body.id)
      .map((entry) => [entry.action, entry.actorType]);
    expect(actions).toEqual([
      ["notice.withdraw", "staff"],
      ["notice.update", "staff"],
      ["notice.publish", "staff"],
    ]);
  });
});

describe("receipts", () => {
  it("are recorded once per terminal and step; unknown or foreign notices are refused; kiosks cannot hear", async () => {
    harness = await startTestServer();
    const unit = await enrolAndLink("elder", "xiangbin", "湘滨 张爷爷家");
    const kiosk = await enrolAndLink("kiosk", "xiangbin", "湘滨 1 号机");
    const notice = (await publish(waterCut())).body;
    const elsewhere = (await publish(waterCut({ title: "阳高通知", communityIds: ["yanggao"] }))).body;

    const first = receipt(notice.id, "delivered");
    expect(await emitWithAck(unit.socket, "notice:receipt", first)).toEqual({
      ok: true,
      data: { noticeId: notice.id },
    });
    // The same event again (a lost acknowledgement), and a second "delivered" with its own id.
    expect((await emitWithAck(unit.socket, "notice:receipt", first)).ok).toBe(true);
    const later = { ...receipt(notice.id, "delivered"), at: new Date(Date.now() + 60_000).toISOString() };
    expect((await emitWithAck(unit.socket, "notice:receipt", later)).ok).toBe(true);
    const rows = harness.server.db
      .prepare("SELECT terminal_id, delivered_at, shown_at, heard_at FROM notice_receipts")
      .all();
    expect(rows).toEqual([
      { terminal_id: unit.terminalId, delivered_at: first.at, shown_at: null, heard_at: null },
    ]);

    const unknown = await emitWithAck(unit.socket, "notice:receipt", receipt("no-such-notice", "shown"));
    expect(unknown.error?.code).toBe("not_found");
    const foreign = await emitWithAck(unit.socket, "notice:receipt", receipt(elsewhere.id, "shown"));
    expect(foreign.error?.code).toBe("not_found");
    const kioskHeard = await emitWithAck(kiosk.socket, "notice:receipt", receipt(notice.id, "heard"));
    expect(kioskHeard.error?.code).toBe("forbidden");
    const bad = await emitWithAck(unit.socket, "notice:receipt", {
      ...receipt(notice.id, "heard"),
      kind: "liked",
    });
    expect(bad.error?.code).toBe("invalid_payload");
    expect(harness.server.db.prepare("SELECT count(*) AS n FROM notice_receipts").get()).toEqual({ n: 1 });

    // "Heard" implies shown: the unit read it aloud.
    const heard = receipt(notice.id, "heard");
    expect((await emitWithAck(unit.socket, "notice:receipt", heard)).ok).toBe(true);
    const view = await harness.api<NoticeReceiptsView>("GET", `/api/v1/notices/${notice.id}/receipts`);
    const row = view.body.terminals.find((t) => t.terminalId === unit.terminalId)!;
    expect(row).toEqual(
      expect.objectContaining({ deliveredAt: first.at, shownAt: heard.at, heardAt: heard.at, kind: "elder" }),
    );
    expect(view.body.notice.counts).toEqual({ targeted: 2, delivered: 1, shown: 1, heard: 1, toCallBack: 0 });
  });

  it("the call-back list names exactly the elder households that did not confirm, and shrinks live", async () => {
    harness = await startTestServer();
    const households = [
      ["湘滨 张爷爷家", "张建国", "湘滨小区 3 栋 2 单元 501", "13812345678"],
      ["湘滨 王奶奶家", "王秀英", "湘滨小区 7 栋 1 单元 302", "13987654321"],
      ["湘滨 赵爷爷家", "赵德明", "湘滨小区 3 栋 1 单元 101", "13700001111"],
    ] as const;
    const units: LinkedTerminal[] = [];
    for (const [unitName, name, address, phone] of households) {
      const unit = await enrolAndLink("elder", "xiangbin", unitName);
      const elder = await harness.api("POST", "/api/v1/elders", {
        communityId: "xiangbin",
        name,
        address,
        terminalId: unit.terminalId,
        emergencyContacts: [{ name: `${name[0]}女儿`, relation: "女儿", phone }],
      });
      expect(elder.status).toBe(201);
      units.push(unit);
    }
    // A unit with no profile yet is still a household to call; a kiosk and another community are not.
    const bare = await enrolAndLink("elder", "xiangbin", "湘滨 未建档");
    await enrolAndLink("kiosk", "xiangbin", "湘滨 1 号机");
    await enrolAndLink("elder", "yanggao", "阳高 李奶奶家");
    const notice = (await publish(waterCut())).body;

    const consoleSocket = io(`${harness.url}/console`, {
      auth: { token: harness.adminToken },
      transports: ["websocket"],
    });
    extraSockets.push(consoleSocket);
    const pushed: Array<{ noticeId: string; terminalId: string }> = [];
    consoleSocket.on("notice:receipt", (event: { noticeId: string; terminalId: string }) =>
      pushed.push(event),
    );
    await connected(consoleSocket);

    for (const unit of [units[0]!, units[2]!]) {
      expect((await emitWithAck(unit.socket, "notice:receipt", receipt(notice.id, "heard"))).ok).toBe(true);
    }
    // Delivered and shown are not "heard": still to call.
    await emitWithAck(units[1]!.socket, "notice:receipt", receipt(notice.id, "shown"));
    await eventually(() => pushed.length === 3);
    expect(pushed).toContainEqual({ noticeId: notice.id, terminalId: units[0]!.terminalId });

    const view = await harness.api<NoticeReceiptsView>("GET", `/api/v1/notices/${notice.id}/receipts`);
    expect(view.body.callBack.map((r) => r.terminalId).sort()).toEqual(
      [units[1]!.terminalId, bare.terminalId].sort(),
    );
    const wang = view.body.callBack.find((r) => r.terminalId === units[1]!.terminalId)!;
    expect(wang.elder).toEqual(
      expect.objectContaining({
        name: "王秀英",
        address: "湘滨小区 7 栋 1 单元 302",
        contact: { name: "王女儿", relation: "女儿", phone: "13987654321" },
      }),
    );
    expect(view.body.terminals).toHaveLength(5);
    expect(view.body.notice.counts.toCallBack).toBe(2);

    // Roles that do not phone people see the number masked.
    const caseworker = await signIn("caseworker", "case.li");
    const masked = await harness.api<NoticeReceiptsView>(
      "GET",
      `/api/v1/notices/${notice.id}/receipts`,
      undefined,
      caseworker,
    );
    expect(
      masked.body.callBack.find((r) => r.terminalId === units[1]!.terminalId)!.elder!.contact!.phone,
    ).toBe("139****4321");

    // Staff phoned the household: the note shows, the household stays on the list until it confirms.
    const called = await harness.api<NoticeReceiptsView>(
      "POST",
      `/api/v1/notices/${notice.id}/call-backs/${units[1]!.terminalId}`,
      { note: "已电话告知女儿，会提前储水" },
    );
    expect(called.status).toBe(200);
    expect(called.body.callBack.find((r) => r.terminalId === units[1]!.terminalId)!.callBack).toEqual(
      expect.objectContaining({ note: "已电话告知女儿，会提前储水", by: "管理员" }),
    );
    await emitWithAck(units[1]!.socket, "notice:receipt", receipt(notice.id, "heard"));
    const after = await harness.api<NoticeReceiptsView>("GET", `/api/v1/notices/${notice.id}/receipts`);
    expect(after.body.callBack.map((r) => r.terminalId)).toEqual([bare.terminalId]);

    const reads = harness.server.context.audit.list({ action: "notice.receipts_read", limit: 10 });
    expect(reads.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(harness.server.context.audit.list({ limit: 100 }))).not.toContain("13987654321");
  });

  it("counts agree with the terminal list, also for terminals revoked or no longer targeted after a receipt", async () => {
    harness = await startTestServer();
    const stays = await enrolAndLink("elder", "xiangbin", "湘滨 张爷爷家");
    const revoked = await enrolAndLink("elder", "xiangbin", "湘滨 王奶奶家");
    const moved = await enrolAndLink("kiosk", "xiangbin", "湘滨 1 号机");
    await enrolAndLink("elder", "xiangbin", "湘滨 赵爷爷家");
    const notice = (await publish(waterCut())).body;
    await emitWithAck(stays.socket, "notice:receipt", receipt(notice.id, "heard"));
    await emitWithAck(revoked.socket, "notice:receipt", receipt(notice.id, "shown"));
    await emitWithAck(moved.socket, "notice:receipt", receipt(notice.id, "delivered"));
    expect((await harness.api("POST", `/api/v1/terminals/${revoked.terminalId}/revoke`)).status).toBe(200);
    // Kiosks are no longer targeted: the kiosk that had it still counts, with its receipt.
    await harness.api("PUT", `/api/v1/notices/${notice.id}`, waterCut({ terminalKinds: ["elder"] }));

    const view = await harness.api<NoticeReceiptsView>("GET", `/api/v1/notices/${notice.id}/receipts`);
    const rows = view.body.terminals;
    expect(rows.map((r) => r.name).sort()).toEqual(
      ["湘滨 1 号机", "湘滨 张爷爷家", "湘滨 王奶奶家", "湘滨 赵爷爷家"].sort(),
    );
    expect(view.body.notice.counts).toEqual({
      targeted: rows.length,
      delivered: rows.filter((r) => r.deliveredAt).length,
      shown: rows.filter((r) => r.shownAt).length,
      heard: rows.filter((r) => r.heardAt).length,
      toCallBack: view.body.callBack.length,
    });
    expect(view.body.notice.counts).toEqual({ targeted: 4, delivered: 3, shown: 2, heard: 1, toCallBack: 2 });
    const listed = await harness.api<{ notices: StaffNotice[] }>("GET", "/api/v1/notices");
    expect(listed.body.notices[0]!.counts).toEqual(view.body.notice.counts);
  });

  it("a notice that needs no confirmation has no call-back list", async () => {
    harness = await startTestServer();
    await enrolAndLink("elder", "xiangbin", "湘滨 张爷爷家");
    const notice = (await publish(waterCut({ requiresConfirmation: false }))).body;
    const view = await harness.api<NoticeReceiptsView>("GET", `/api/v1/notices/${notice.id}/receipts`);
    expect(view.body.terminals).toHaveLength(1);
    expect(view.body.callBack).toEqual([]);
  });
});

describe("the staff API", () => {
  it("bad input gets a clear error and changes nothing", async () => {
    harness = await startTestServer();
    const unit = await enrolAndLink("elder", "xiangbin", "湘滨 张爷爷家");
    const bad = [
      waterCut({ title: "" }),
      waterCut({ terminalKinds: [] }),
      waterCut({ priority: "urgent" }),
      waterCut({ startsAt: "2026-12-01T10:00:00+08:00", endsAt: "2026-12-01T09:00:00+08:00" }),
      waterCut({ startsAt: "tomorrow" }),
      waterCut({ body: "x".repeat(2001) }),
    ];
    for (const body of bad) {
      const response = await publish(body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.body.error?.code).toBe("invalid_payload");
    }
    const unknownCommunity = await publish(waterCut({ communityIds: ["atlantis"] }));
    expect(unknownCommunity.status).toBe(400);
    expect(noticeCount()).toBe(0);
    expect((await harness.api("POST", "/api/v1/notices/nope/withdraw")).status).toBe(404);
    expect((await harness.api("GET", "/api/v1/notices/nope/receipts")).status).toBe(404);
    expect((await harness.api("POST", "/api/v1/notices", waterCut(), null)).status).toBe(401);
    expect(unit.lists).toHaveLength(1);
  });

  it("community staff publish to their own community only and see only what concerns it", async () => {
    harness = await startTestServer();
    const staff = await signIn("community_staff", "xiangbin.li", "xiangbin");
    const dispatcher = await signIn("dispatcher", "dispatch.wu");
    expect((await publish(waterCut({ communityIds: [] }), staff)).status).toBe(403);
    expect((await publish(waterCut({ communityIds: ["yanggao"] }), staff)).status).toBe(403);
    expect((await publish(waterCut(), dispatcher)).status).toBe(403);
    expect(noticeCount()).toBe(0);

    const own = await publish(waterCut(), staff);
    expect(own.status).toBe(201);
    const county = (await publish(waterCut({ title: "全县通知", communityIds: [] }))).body;
    const other = (await publish(waterCut({ title: "阳高通知", communityIds: ["yanggao"] }))).body;
    const seen = await harness.api<{ notices: StaffNotice[] }>("GET", "/api/v1/notices", undefined, staff);
    expect(seen.body.notices.map((n) => n.title).sort()).toEqual(["全县通知", "明日停水通知"].sort());
    expect(
      (await harness.api("POST", `/api/v1/notices/${county.id}/withdraw`, undefined, staff)).status,
    ).toBe(403);
    expect((await harness.api("GET", `/api/v1/notices/${other.id}/receipts`, undefined, staff)).status).toBe(
      404,
    );
    expect(
      (await harness.api("POST", `/api/v1/notices/${own.body.id}/withdraw`, undefined, staff)).status,
    ).toBe(200);
  });
});
