import {
  type ApplicationService,
  type ApplicationView,
  PROTOCOL_VERSION,
  type PublicApplicationView,
} from "@linli/protocol";
import { type Socket as ClientSocket, io } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { connected, eventually, startTestServer, type TestServer } from "../../test/harness";
import {
  countRows,
  emitWithAck,
  LI_XIAOMEI,
  materialPayload,
  pngFile,
  receiptCode,
  signIn,
  submitPayload,
} from "./application-fixtures";

let harness: TestServer;
const consoles: ClientSocket[] = [];
afterEach(async () => {
  for (const socket of consoles.splice(0)) socket.disconnect();
  await harness?.close();
});

async function kioskIn(communityId: string) {
  const socket = harness.connectTerminal(
    await harness.enroll({ communityId, name: `${communityId} 自助机` }),
  );
  await connected(socket);
  return socket;
}

/** A kiosk application of 李晓梅 (再生育证, remarried), with one PNG material. */
async function submitted(kiosk: ClientSocket) {
  const code = receiptCode();
  expect((await emitWithAck(kiosk, "application:submit", submitPayload(code))).ok).toBe(true);
  expect(
    (
      await emitWithAck(
        kiosk,
        "application:material",
        materialPayload(code, "divorce-certificate", pngFile(), "image/png"),
      )
    ).ok,
  ).toBe(true);
  return code;
}

const setStatus = (code: string, status: string, note = "", token?: string) =>
  harness.api<ApplicationView & { error?: { code: string; message: string } }>(
    "POST",
    `/api/v1/applications/${code}/status`,
    { status, note },
    token,
  );
const publicView = (code: string) =>
  harness.api<PublicApplicationView>("GET", `/api/v1/public/applications/${code}`, undefined, null);
const rate = (code: string, score: number, comment = "") =>
  harness.api<PublicApplicationView & { error?: { code: string } }>(
    "POST",
    `/api/v1/public/applications/${code}/rating`,
    { score, comment },
    null,
  );
const auditActions = () =>
  (
    harness.server.db.prepare("SELECT action FROM audit_log ORDER BY id").all() as Array<{ action: string }>
  ).map((row) => row.action);

describe("staff handle applications", () => {
  it("the whole life of an application: refusals, a correction request the resident reads, approval, collection", async () => {
    harness = await startTestServer();
    const kiosk = await kioskIn("xiangbin");
    const code = await submitted(kiosk);

    // Invalid transitions are refused and change nothing.
    const skip = await setStatus(code, "completed");
    expect(skip.status).toBe(409);
    expect(skip.body.error?.message).toMatch(/submitted can become accepted or needs-materials or rejected/);
    const silent = await setStatus(code, "needs-materials", "  ");
    expect(silent.status).toBe(400);
    expect(silent.body.error?.message).toMatch(/needs a note/);
    expect(
      (await harness.api("POST", `/api/v1/applications/${code}/status`, { status: "lost" })).status,
    ).toBe(400);
    expect((await publicView(code)).body.status).toBe("submitted");

    const correction = await setStatus(code, "needs-materials", "请补充户口簿首页复印件");
    expect(correction.status).toBe(200);
    expect(correction.body.status).toBe("needs-materials");
    expect(await rate(code, 5).then((r) => r.status)).toBe(409);

    expect((await setStatus(code, "accepted")).body.status).toBe("accepted");
    expect((await setStatus(code, "approved", "请于工作日到服务中心领取")).body.status).toBe("approved");
    expect((await setStatus(code, "accepted")).status).toBe(409);
    const done = await setStatus(code, "completed");
    expect(done.body.status).toBe("completed");
    expect(done.body.history.map((h) => [h.status, h.note])).toEqual([
      ["submitted", ""],
      ["needs-materials", "请补充户口簿首页复印件"],
      ["accepted", ""],
      ["approved", "请于工作日到服务中心领取"],
      ["completed", ""],
    ]);
    expect((await setStatus(code, "rejected", "too late")).status).toBe(409);

    // The resident's phone page shows the clerk's notes, a masked name, and no ID number or phone.
    const seen = await publicView(code);
    expect(seen.status).toBe(200);
    expect(seen.body.applicantName).toBe("李*梅");
    expect(seen.body.history[1]).toEqual({
      at: expect.any(String),
      status: "needs-materials",
      note: "请补充户口簿首页复印件",
    });
    const text = JSON.stringify(seen.body);
    expect(text).not.toContain(LI_XIAOMEI.idNumber);
    expect(text).not.toContain(LI_XIAOMEI.phone);
    expect(text).not.toContain("李晓梅");
    expect((await publicView(receiptCode())).status).toBe(404);

    // Rated once, when decided.
    const rated = await rate(code, 4, "办事快，态度好");
    expect(rated.status).toBe(200);
    expect(rated.body.rating).toEqual({ score: 4, comment: "办事快，态度好", ratedAt: expect.any(String) });
    expect((await rate(code, 1)).status).toBe(409);
    expect((await rate(code, 9)).status).toBe(400);
    const kioskRating = await emitWithAck(kiosk, "application:rate", {
      id: crypto.randomUUID(),
      receiptCode: code,
      score: 2,
      ratedAt: new Date().toISOString(),
    });
    expect(kioskRating.error?.code).toBe("conflict");
    expect(countRows(harness, "application_ratings")).toBe(1);
  });

  it("a kiosk rates a rejected application once; not one that is still open", async () => {
    harness = await startTestServer();
    const kiosk = await kioskIn("xiangbin");
    const code = await submitted(kiosk);
    const rating = (score: number) => ({
      id: crypto.randomUUID(),
      receiptCode: code,
      score,
      comment: "",
      ratedAt: new Date().toISOString(),
    });
    expect((await emitWithAck(kiosk, "application:rate", rating(3))).error?.code).toBe("conflict");
    await setStatus(code, "rejected", "申请人不符合再生育条件");
    const first = rating(2);
    expect(await emitWithAck(kiosk, "application:rate", first)).toEqual({
      ok: true,
      data: { receiptCode: code },
    });
    expect((await emitWithAck(kiosk, "application:rate", first)).ok).toBe(true);
    expect((await emitWithAck(kiosk, "application:rate", rating(5))).error?.code).toBe("conflict");
    expect((await publicView(code)).body.rating?.score).toBe(2);
  });

  it("lists newest first with filters; the file comes back with its type; reads and changes are audited", async () => {
    harness = await startTestServer();
    const kiosk = await kioskIn("xiangbin");
    const older = await submitted(kiosk);
    const newer = receiptCode();
    await emitWithAck(
      kiosk,
      "application:submit",
      submitPayload(newer, {
        serviceCode: "unemployment-registration",
        answers: { "had-job": true },
        applicant: { idNumber: "430302198802061514", name: "周志强", phone: null },
      }),
    );
    await setStatus(older, "accepted");

    const all = await harness.api<ApplicationView[]>("GET", "/api/v1/applications");
    expect(all.body.map((a) => a.receiptCode)).toEqual([newer, older]);
    // 周志强 gave no phone at the kiosk: the registry's is kept, shown in full to the admin.
    expect(all.body[0]?.applicant).toEqual({
      name: "周志强",
      idMasked: "430***********1514",
      phone: "15807324004",
      registered: true,
    });
    const accepted = await harness.api<ApplicationView[]>("GET", "/api/v1/applications?status=accepted");
    expect(accepted.body.map((a) => a.receiptCode)).toEqual([older]);
    for (const q of ["周", "失业", newer.toLowerCase().replace(/-/g, " ")]) {
      const found = await harness.api<ApplicationView[]>(
        "GET",
        `/api/v1/applications?q=${encodeURIComponent(q)}`,
      );
      expect(
        found.body.map((a) => a.receiptCode),
        q,
      ).toEqual([newer]);
    }
    // ID numbers are not searched: the query string would carry one into the request log.
    const byId = await harness.api<ApplicationView[]>("GET", "/api/v1/applications?q=430302198802061514");
    expect(byId.body).toEqual([]);

    const view = await harness.api<ApplicationView>("GET", `/api/v1/applications/${older}`);
    const file = view.body.files[0]!;
    const response = await fetch(`${harness.url}/api/v1/applications/${older}/files/${file.id}`, {
      headers: { authorization: `Bearer ${harness.adminToken}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(pngFile());
    expect((await fetch(`${harness.url}/api/v1/applications/${older}/files/${file.id}`)).status).toBe(401);

    const actions = auditActions();
    for (const action of [
      "application.submitted",
      "application.material_added",
      "application.status_changed",
      "application.list_read",
      "application.read",
      "application.file_read",
    ]) {
      expect(actions).toContain(action);
    }
    // Audit details never carry an ID number or a phone.
    const details = harness.server.db.prepare("SELECT detail FROM audit_log").all() as Array<{
      detail: string;
    }>;
    for (const { detail } of details) {
      expect(detail).not.toContain("430302198802061514");
      expect(detail).not.toContain("15807324004");
    }
  });

  it("community staff see and change only their own community's applications; dispatchers none", async () => {
    harness = await startTestServer();
    const xiangbin = await submitted(await kioskIn("xiangbin"));
    const yanggao = await submitted(await kioskIn("yanggao"));
    const clerk = await signIn(harness, "community_staff", "xiangbin.clerk", "xiangbin");

    const list = await harness.api<ApplicationView[]>("GET", "/api/v1/applications", undefined, clerk);
    expect(list.body.map((a) => a.receiptCode)).toEqual([xiangbin]);
    // Community staff see phone numbers masked.
    expect(list.body[0]?.applicant.phone).toBe("138****1001");
    expect((await harness.api("GET", `/api/v1/applications/${yanggao}`, undefined, clerk)).status).toBe(404);
    expect((await setStatus(yanggao, "accepted", "", clerk)).status).toBe(404);
    const foreignFile = (await harness.api<ApplicationView>("GET", `/api/v1/applications/${yanggao}`)).body
      .files[0]!;
    const fileResponse = await fetch(
      `${harness.url}/api/v1/applications/${yanggao}/files/${foreignFile.id}`,
      {
        headers: { authorization: `Bearer ${clerk}` },
      },
    );
    expect(fileResponse.status).toBe(404);
    expect((await setStatus(xiangbin, "accepted", "", clerk)).status).toBe(200);
    expect((await publicView(yanggao)).body.status).toBe("submitted");

    const dispatcher = await signIn(harness, "dispatcher", "county.dispatch", null);
    expect((await harness.api("GET", "/api/v1/applications", undefined, dispatcher)).status).toBe(403);
  });

  it("staff file a walk-in application; the server issues the receipt code; consoles hear every change", async () => {
    harness = await startTestServer();
    const clerk = await signIn(harness, "community_staff", "fdl.clerk", "fengdaoling");
    const other = await signIn(harness, "community_staff", "xb.clerk", "xiangbin");
    const heard = new Map<string, ApplicationView[]>();
    for (const [name, token] of [
      ["clerk", clerk],
      ["other", other],
    ] as const) {
      const socket = io(`${harness.url}/console`, {
        auth: { token, protocol: PROTOCOL_VERSION },
        transports: ["websocket"],
      });
      consoles.push(socket);
      heard.set(name, []);
      socket.on("application:changed", (view: ApplicationView) => heard.get(name)!.push(view));
      await connected(socket);
    }

    const created = await harness.api<ApplicationView>(
      "POST",
      "/api/v1/applications",
      {
        serviceCode: "only-child-certificate",
        applicant: { idNumber: "430304195511031226", name: "赵秀英", phone: null },
        answers: { remarried: false, adopted: true },
      },
      clerk,
    );
    expect(created.status).toBe(201);
    expect(created.body.receiptCode).toMatch(
      /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/,
    );
    expect(created.body).toMatchObject({
      channel: "console",
      terminal: null,
      community: { id: "fengdaoling" },
      status: "submitted",
    });
    expect(created.body.materials.map((m) => m.code)).toContain("adoption-certificate");
    await setStatus(created.body.receiptCode, "accepted", "", clerk);
    await eventually(() => heard.get("clerk")!.length === 2);
    expect(heard.get("clerk")!.map((v) => v.status)).toEqual(["submitted", "accepted"]);
    expect(heard.get("other")).toEqual([]);

    const badId = await harness.api(
      "POST",
      "/api/v1/applications",
      {
        serviceCode: "only-child-certificate",
        applicant: { idNumber: "430304195511031227", name: "赵秀英" },
        answers: {},
      },
      clerk,
    );
    expect(badId.status).toBe(400);
    // The admin has no community: an unregistered applicant needs one named.
    const nowhere = await harness.api("POST", "/api/v1/applications", {
      serviceCode: "unemployment-registration",
      applicant: { idNumber: "11010519491231002X", name: "钱多多" },
      answers: {},
    });
    expect(nowhere.status).toBe(400);
    expect(countRows(harness, "applications")).toBe(1);
  });
});

describe("the catalogue and the registry proposals", () => {
  it("only an admin edits the catalogue; a condition must name a question; kiosks are told to refetch", async () => {
    harness = await startTestServer();
    const kiosk = await kioskIn("quantang");
    let changes = 0;
    kiosk.on("content:changed", () => changes++);
    const services = await harness.api<ApplicationService[]>("GET", "/api/v1/application-services");
    const permit = services.body.find((s) => s.code === "residence-permit")!;

    const broken = {
      ...permit,
      materials: [
        ...permit.materials,
        { ...permit.materials[0]!, code: "pet-licence", when: { "has-dog": true } },
      ],
    };
    const refused = await harness.api<{ error: { message: string } }>(
      "PUT",
      "/api/v1/application-services/residence-permit",
      broken,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/unknown question has-dog/);

    const clerk = await signIn(harness, "community_staff", "qt.clerk", "quantang");
    const paused = { ...permit, active: false };
    expect(
      (await harness.api("PUT", "/api/v1/application-services/residence-permit", paused, clerk)).status,
    ).toBe(403);
    expect(changes).toBe(0);

    const saved = await harness.api<ApplicationService>(
      "PUT",
      "/api/v1/application-services/residence-permit",
      paused,
    );
    expect(saved.status).toBe(200);
    expect(saved.body.active).toBe(false);
    await eventually(() => changes === 1);
    const content = await emitWithAck<{ catalogue: ApplicationService[] }>(kiosk, "kiosk:content", null);
    expect(content.data?.catalogue.map((s) => s.code)).not.toContain("residence-permit");

    const added = await harness.api<ApplicationService>(
      "PUT",
      "/api/v1/application-services/elder-allowance",
      {
        ...permit,
        code: "elder-allowance",
        name: "高龄津贴",
        nameEn: "Old-age allowance",
      },
    );
    expect(added.status).toBe(200);
    const listed = await harness.api<ApplicationService[]>("GET", "/api/v1/application-services");
    expect(listed.body.map((s) => s.code)).toEqual([
      "residence-permit",
      "birth-permit",
      "unemployment-registration",
      "only-child-certificate",
      "elder-allowance",
    ]);
  });

  it("staff approve a proposed card holder into the registry, or reject one; ID numbers stay masked", async () => {
    harness = await startTestServer();
    const kiosk = await kioskIn("xiangbin");
    const newcomer = { idNumber: "11010519491231002X", name: "钱多多", source: "card" };
    const drifter = { idNumber: "430304199205172045", name: "刘方", source: "typed" };
    await emitWithAck(kiosk, "resident:identify", newcomer);
    await emitWithAck(kiosk, "resident:identify", drifter);

    const proposals = await harness.api<Array<{ id: string; name: string; idMasked: string }>>(
      "GET",
      "/api/v1/residents/proposals",
    );
    expect(proposals.body.map((p) => [p.name, p.idMasked]).sort()).toEqual([
      ["刘方", "430***********2045"],
      ["钱多多", "110***********002X"],
    ]);
    expect(JSON.stringify(proposals.body)).not.toContain("11010519491231002X");
    const yanggaoClerk = await signIn(harness, "community_staff", "yg.clerk", "yanggao");
    expect(
      (await harness.api<unknown[]>("GET", "/api/v1/residents/proposals", undefined, yanggaoClerk)).body,
    ).toEqual([]);

    const money = proposals.body.find((p) => p.name === "钱多多")!;
    const other = proposals.body.find((p) => p.name === "刘方")!;
    expect(
      (await harness.api("POST", `/api/v1/residents/proposals/${money.id}/approve`, undefined, yanggaoClerk))
        .status,
    ).toBe(404);
    expect((await harness.api("POST", `/api/v1/residents/proposals/${money.id}/approve`)).status).toBe(200);
    expect((await harness.api("POST", `/api/v1/residents/proposals/${money.id}/reject`)).status).toBe(409);
    expect((await harness.api("POST", `/api/v1/residents/proposals/${other.id}/reject`)).status).toBe(200);

    const again = await emitWithAck(kiosk, "resident:identify", newcomer);
    expect(again.data).toEqual({ known: true, name: "钱多多", buildingId: null });
    // Rejected: 刘芳's record keeps its name.
    const liu = await emitWithAck(kiosk, "resident:identify", { ...drifter, name: "刘芳" });
    expect(liu.data).toMatchObject({ known: true, name: "刘芳" });
    expect(auditActions()).toEqual(
      expect.arrayContaining([
        "resident.proposed",
        "resident.proposals_read",
        "resident.proposal_approved",
        "resident.proposal_rejected",
        "resident.identify",
      ]),
    );
    expect((await harness.api<unknown[]>("GET", "/api/v1/residents/proposals")).body).toEqual([]);
  });
});

describe("the staff queue", () => {
  it("lists every open application however old, and the 500 newest decided ones", async () => {
    harness = await startTestServer();
    const kiosk = await kioskIn("xiangbin");
    const forgotten = await submitted(kiosk);
    const db = harness.server.db;
    db.prepare(
      "UPDATE applications SET submitted_at = '2025-01-06T01:00:00.000Z' WHERE receipt_code = ?",
    ).run(forgotten);
    // 520 decided applications, all newer than the forgotten one.
    const columns = (db.prepare("PRAGMA table_info(applications)").all() as Array<{ name: string }>).map(
      (c) => c.name,
    );
    const copied = columns.map((name) =>
      name === "receipt_code"
        ? "printf('D%03d-0000-0000', n)"
        : name === "submit_event_id"
          ? "NULL"
          : name === "status"
            ? "'completed'"
            : name === "submitted_at"
              ? "strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || n || ' minutes')"
              : name,
    );
    db.prepare(
      `WITH RECURSIVE counter(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM counter WHERE n < 520)
       INSERT INTO applications (${columns.join(", ")})
       SELECT ${copied.join(", ")} FROM applications, counter WHERE receipt_code = ?`,
    ).run(forgotten);

    const queue = await harness.api<ApplicationView[]>("GET", "/api/v1/applications");
    expect(queue.body.filter((a) => a.status === "completed")).toHaveLength(500);
    expect(queue.body.at(-1)?.receiptCode).toBe(forgotten);
    expect(queue.body[0]?.receiptCode).toBe("D520-0000-0000");
    const waiting = await harness.api<ApplicationView[]>("GET", "/api/v1/applications?status=submitted");
    expect(waiting.body.map((a) => a.receiptCode)).toEqual([forgotten]);
  });
});
