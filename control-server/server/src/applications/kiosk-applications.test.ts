import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type ApplicationView,
  MAX_MATERIAL_BYTES,
  type PublicApplicationView,
  type ResidentIdentity,
  type UploadPage,
  type UploadReceived,
  type UploadSession,
} from "@linli/protocol";
import type { Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { connected, eventually, startTestServer, type TestServer } from "../../test/harness";
import {
  countRows,
  emitWithAck,
  jpegFile,
  LI_XIAOMEI,
  materialPayload,
  pdfFile,
  pngFile,
  receiptCode,
  submitPayload,
} from "./application-fixtures";

let harness: TestServer;
afterEach(async () => harness?.close());

async function linkedKiosk(communityId = "xiangbin", kind: "kiosk" | "elder" = "kiosk") {
  const enrolled = await harness.enroll({ kind, communityId, name: `${communityId} 自助机` });
  const socket = harness.connectTerminal(enrolled);
  await connected(socket);
  return { socket, terminalId: enrolled.terminalId };
}

const staffView = async (code: string) =>
  (await harness.api<ApplicationView>("GET", `/api/v1/applications/${code}`)).body;
const materialFiles = (code: string) => {
  const dir = join(harness.dataDir, "materials", code);
  return existsSync(dir) ? readdirSync(dir) : [];
};

describe("kiosk applications over the terminal link", () => {
  it("a kiosk submits an application with materials sent before and after the submit event", async () => {
    harness = await startTestServer();
    const { socket, terminalId } = await linkedKiosk();
    const code = receiptCode();
    const divorce = pngFile();
    // The kiosk outbox may deliver a material before its application.
    const early = await emitWithAck(
      socket,
      "application:material",
      materialPayload(code, "divorce-certificate", divorce, "image/png"),
    );
    expect(early).toEqual({ ok: true, data: { receiptCode: code, materialCode: "divorce-certificate" } });

    const submitted = await emitWithAck(socket, "application:submit", submitPayload(code));
    expect(submitted).toEqual({ ok: true, data: { receiptCode: code, status: "submitted" } });

    const late = await emitWithAck(
      socket,
      "application:material",
      materialPayload(code, "remarriage-certificate", pdfFile(), "application/pdf"),
    );
    expect(late.ok).toBe(true);

    const view = await staffView(code);
    expect(view).toMatchObject({
      receiptCode: code,
      status: "submitted",
      channel: "kiosk",
      community: { id: "xiangbin", name: "湘滨社区" },
      terminal: { id: terminalId, name: "xiangbin 自助机" },
      applicant: { name: "李晓梅", idMasked: "430***********2428", registered: true },
      answers: { remarried: true, "non-local": false },
    });
    expect(view.service.name).toBe("再生育证（准生证）");
    // The checklist follows the answers: remarried adds the divorce and remarriage papers, not 结婚证.
    const checklist = Object.fromEntries(view.materials.map((m) => [m.code, m.provided]));
    expect(checklist).toEqual({
      "id-card": false,
      "household-register": false,
      "divorce-certificate": true,
      "remarriage-certificate": true,
      "birth-certificates": false,
    });
    expect(view.files.map((f) => [f.materialCode, f.mimeType, f.source])).toEqual([
      ["divorce-certificate", "image/png", "kiosk"],
      ["remarriage-certificate", "application/pdf", "kiosk"],
    ]);
    expect(view.history).toEqual([{ at: expect.any(String), status: "submitted", note: "" }]);
    // 20 working days: at least four weeks later.
    expect(Date.parse(view.targetAt) - Date.parse(view.submittedAt)).toBeGreaterThanOrEqual(
      26 * 24 * 3600_000,
    );

    // The files are on disk under the data directory, byte for byte.
    expect(materialFiles(code)).toHaveLength(2);
    const pngId = view.files[0]!.id;
    expect(readFileSync(join(harness.dataDir, "materials", code, `${pngId}.png`))).toEqual(divorce);
  });

  it("a resent event is stored once; a receipt code another event used is a conflict", async () => {
    harness = await startTestServer();
    const { socket } = await linkedKiosk();
    const code = receiptCode();
    const submit = submitPayload(code);
    const material = materialPayload(code, "id-card", jpegFile(), "image/jpeg");
    for (let round = 0; round < 3; round++) {
      expect((await emitWithAck(socket, "application:submit", submit)).ok).toBe(true);
      expect((await emitWithAck(socket, "application:material", material)).ok).toBe(true);
    }
    expect(countRows(harness, "applications")).toBe(1);
    expect(countRows(harness, "application_files")).toBe(1);
    expect(countRows(harness, "application_history")).toBe(1);
    expect(materialFiles(code)).toHaveLength(1);

    const reused = await emitWithAck(socket, "application:submit", submitPayload(code));
    expect(reused.error?.code).toBe("conflict");
    expect(countRows(harness, "applications")).toBe(1);
  });

  it("bad payloads are refused with a clear error and change nothing", async () => {
    harness = await startTestServer();
    const { socket } = await linkedKiosk();
    const code = receiptCode();
    const before = () =>
      ["applications", "application_files", "application_history"].map((t) => countRows(harness, t));
    const start = before();

    const refusals: Array<[string, unknown, RegExp]> = [
      [
        "application:submit",
        submitPayload(code, { applicant: { ...LI_XIAOMEI, idNumber: "430302198503122429" } }),
        /check digit/,
      ],
      ["application:submit", submitPayload(code, { serviceCode: "no-such-service" }), /no service/],
      ["application:submit", { ...submitPayload(code), receiptCode: "K7M2-9QXD" }, /receiptCode/],
      [
        "application:material",
        materialPayload(code, "id-card", pngFile(), "application/pdf"),
        /a PNG image, not application\/pdf/,
      ],
      [
        "application:material",
        materialPayload(code, "id-card", Buffer.from("just text, not a scan"), "image/jpeg"),
        /not a JPEG or PNG image or a PDF/,
      ],
      [
        "application:material",
        materialPayload(code, "id-card", jpegFile(MAX_MATERIAL_BYTES + 1), "image/jpeg"),
        /larger than 5 MB|dataBase64/,
      ],
    ];
    for (const [event, payload, message] of refusals) {
      const answer = await emitWithAck(socket, event, payload);
      expect(answer.ok, `${event} ${message}`).toBe(false);
      expect(answer.error?.code).toBe("invalid_payload");
      expect(answer.error?.message).toMatch(message);
    }
    expect(before()).toEqual(start);
    expect(materialFiles(code)).toEqual([]);

    // A withdrawn service is not offered any more…
    harness.server.db
      .prepare("UPDATE application_services SET active = 0, updated_at = ? WHERE code = 'birth-permit'")
      .run(new Date(Date.now() - 60_000).toISOString());
    const inactive = await emitWithAck(socket, "application:submit", submitPayload(code));
    expect(inactive.error?.message).toMatch(/no service birth-permit is offered/);
    expect(before()).toEqual(start);
    // …but what a resident applied for while it was offered, at a kiosk that was offline, still stands.
    const offline = receiptCode();
    const earlier = submitPayload(offline, { submittedAt: new Date(Date.now() - 3600_000).toISOString() });
    expect((await emitWithAck(socket, "application:submit", earlier)).ok).toBe(true);
    // …and so does one filled in from a catalogue the kiosk cached before a question was dropped.
    harness.server.db.prepare("UPDATE application_services SET active = 1").run();
    const cached = receiptCode();
    const outdated = submitPayload(cached, { answers: { remarried: true, "owned-a-boat": true } });
    expect((await emitWithAck(socket, "application:submit", outdated)).ok).toBe(true);
    const kept = harness.server.db
      .prepare("SELECT answers FROM applications WHERE receipt_code = ?")
      .get(cached) as { answers: string };
    expect(JSON.parse(kept.answers)).toEqual({ remarried: true });

    // The link survived all of it.
    expect((await emitWithAck(socket, "application:submit", submitPayload(code))).ok).toBe(true);
    // Once the application is here, a material its service does not ask for is refused.
    const files = countRows(harness, "application_files");
    const foreign = await emitWithAck(
      socket,
      "application:material",
      materialPayload(code, "tenancy-contract", pngFile(), "image/png"),
    );
    expect(foreign.error).toEqual({
      code: "invalid_payload",
      message: "再生育证（准生证） has no material tenancy-contract",
    });
    expect(countRows(harness, "application_files")).toBe(files);
  });

  it("a material exactly at the size limit travels over the link and is kept", async () => {
    harness = await startTestServer();
    const { socket } = await linkedKiosk();
    const code = receiptCode();
    const answer = await emitWithAck(
      socket,
      "application:material",
      materialPayload(code, "id-card", jpegFile(MAX_MATERIAL_BYTES), "image/jpeg"),
    );
    expect(answer.ok).toBe(true);
    expect(
      harness.server.db.prepare("SELECT size FROM application_files WHERE receipt_code = ?").get(code),
    ).toEqual({ size: MAX_MATERIAL_BYTES });
  });

  it("only kiosks take applications", async () => {
    harness = await startTestServer();
    const { socket } = await linkedKiosk("fengdaoling", "elder");
    const answer = await emitWithAck(socket, "application:submit", submitPayload(receiptCode()));
    expect(answer.error?.code).toBe("forbidden");
    expect(countRows(harness, "applications")).toBe(0);
  });
});

describe("residents at the kiosk", () => {
  it("a known card holder is greeted with their building; an unknown one is proposed for review once", async () => {
    harness = await startTestServer();
    const { socket, terminalId } = await linkedKiosk();
    const known = await emitWithAck<ResidentIdentity>(socket, "resident:identify", {
      ...LI_XIAOMEI,
      source: "card",
    });
    expect(known).toEqual({ ok: true, data: { known: true, name: "李晓梅", buildingId: "bld-xb-3" } });

    const stranger = { idNumber: "11010519491231002X", name: "钱多多", source: "typed" };
    for (let time = 0; time < 2; time++) {
      const unknown = await emitWithAck<ResidentIdentity>(socket, "resident:identify", stranger);
      expect(unknown).toEqual({ ok: true, data: { known: false, name: "钱多多", buildingId: null } });
    }
    const proposals = harness.server.db
      .prepare("SELECT name, source, community_id, terminal_id, status, seen_count FROM resident_proposals")
      .all();
    expect(proposals).toEqual([
      {
        name: "钱多多",
        source: "typed",
        community_id: "xiangbin",
        terminal_id: terminalId,
        status: "pending",
        seen_count: 2,
      },
    ]);

    // A known number with another name is no match: proposed, not greeted as someone else.
    const mismatch = await emitWithAck<ResidentIdentity>(socket, "resident:identify", {
      idNumber: LI_XIAOMEI.idNumber,
      name: "李小梅",
      source: "card",
    });
    expect(mismatch.data).toEqual({ known: false, name: "李小梅", buildingId: null });
    expect(countRows(harness, "resident_proposals")).toBe(2);

    const bad = await emitWithAck(socket, "resident:identify", {
      ...stranger,
      idNumber: "110105194912310021",
    });
    expect(bad.error).toEqual({ code: "invalid_payload", message: expect.stringMatching(/check digit/) });
    expect(countRows(harness, "resident_proposals")).toBe(2);
  });

  it("looks up applications by receipt code or by ID number, without the ID number or phone", async () => {
    harness = await startTestServer();
    const { socket } = await linkedKiosk();
    const [first, second] = [receiptCode(), receiptCode()];
    await emitWithAck(
      socket,
      "application:submit",
      submitPayload(first, { submittedAt: "2026-11-02T09:00:00+08:00" }),
    );
    await emitWithAck(
      socket,
      "application:submit",
      submitPayload(second, {
        serviceCode: "residence-permit",
        answers: { renting: true },
        submittedAt: "2026-11-20T09:00:00+08:00",
      }),
    );
    const byCode = await emitWithAck<PublicApplicationView[]>(socket, "application:lookup", {
      receiptCode: first,
    });
    expect(byCode.data?.map((v) => v.receiptCode)).toEqual([first]);
    const byId = await emitWithAck<PublicApplicationView[]>(socket, "application:lookup", {
      idNumber: LI_XIAOMEI.idNumber,
    });
    expect(byId.data?.map((v) => v.receiptCode)).toEqual([second, first]);
    expect(byId.data?.[0]?.applicantName).toBe("李*梅");
    expect(byId.data?.[0]?.materials.map((m) => m.code)).toContain("tenancy-contract");
    const text = JSON.stringify(byId.data);
    expect(text).not.toContain(LI_XIAOMEI.idNumber);
    expect(text).not.toContain(LI_XIAOMEI.phone);
    expect(text).not.toContain("李晓梅");

    const none = await emitWithAck<PublicApplicationView[]>(socket, "application:lookup", {
      receiptCode: receiptCode(),
    });
    expect(none).toEqual({ ok: true, data: [] });
  });
});

describe("phone uploads through the kiosk's QR session", () => {
  async function openSession(socket: Socket, code: string) {
    const answer = await emitWithAck<UploadSession>(socket, "upload:session", {
      receiptCode: code,
      serviceCode: "residence-permit",
      answers: { renting: true, employed: false },
    });
    expect(answer.ok).toBe(true);
    const url = new URL(answer.data!.url);
    const token = url.pathname.split("/").at(-1)!;
    return { ...answer.data!, url, token };
  }

  const upload = (token: string, materialCode: string, body: Buffer, type: string, name = "租房合同.png") =>
    fetch(`${harness.url}/api/v1/public/uploads/${token}/files?materialCode=${materialCode}`, {
      method: "POST",
      headers: { "content-type": type, "x-file-name": encodeURIComponent(name) },
      body,
    });

  it("a phone uploads a material; the kiosk that opened the session hears of it", async () => {
    harness = await startTestServer();
    const { socket } = await linkedKiosk();
    const received: UploadReceived[] = [];
    socket.on("upload:received", (upload: UploadReceived) => received.push(upload));
    const code = receiptCode();
    const session = await openSession(socket, code);
    expect(session.url.origin + session.url.pathname).toBe(`${harness.url}/r/upload/${session.token}`);
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const expiresIn = Date.parse(session.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(29 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(30 * 60_000);
    // Only the token's hash is kept.
    const stored = harness.server.db.prepare("SELECT token_hash FROM upload_sessions").all() as Array<{
      token_hash: string;
    }>;
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(session.token);

    const page = await harness.api<UploadPage>(
      "GET",
      `/api/v1/public/uploads/${session.token}`,
      undefined,
      null,
    );
    expect(page.status).toBe(200);
    expect(page.body.receiptCode).toBe(code);
    expect(page.body.materials.map((m) => [m.code, m.provided])).toEqual([
      ["id-card", false],
      ["photo", false],
      ["tenancy-contract", false],
    ]);

    const contract = pngFile(16, 16);
    const response = await upload(session.token, "tenancy-contract", contract, "image/png");
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      materialCode: "tenancy-contract",
      fileName: "租房合同.png",
      size: contract.length,
    });
    await eventually(() => received.length === 1);
    expect(received[0]).toEqual({
      receiptCode: code,
      materialCode: "tenancy-contract",
      fileName: "租房合同.png",
      at: expect.any(String),
    });
    const after = await harness.api<UploadPage>(
      "GET",
      `/api/v1/public/uploads/${session.token}`,
      undefined,
      null,
    );
    expect(after.body.materials.find((m) => m.code === "tenancy-contract")?.provided).toBe(true);

    // The application submitted afterwards finds the phone's file with it.
    const submitted = await emitWithAck(
      socket,
      "application:submit",
      submitPayload(code, { serviceCode: "residence-permit", answers: { renting: true, employed: false } }),
    );
    expect(submitted.ok).toBe(true);
    const view = await staffView(code);
    expect(view.files).toEqual([
      expect.objectContaining({ materialCode: "tenancy-contract", source: "phone" }),
    ]);
  });

  it("the QR link names LINLI_PUBLIC_URL when it is set", async () => {
    harness = await startTestServer({ publicUrl: "https://linli.example.gov.cn" });
    const { socket } = await linkedKiosk();
    const session = await openSession(socket, receiptCode());
    expect(session.url.href).toBe(`https://linli.example.gov.cn/r/upload/${session.token}`);
  });

  it("refuses a disguised file, an oversize file, a material the service does not have, and an unknown or expired link", async () => {
    harness = await startTestServer();
    const { socket } = await linkedKiosk();
    const session = await openSession(socket, receiptCode());

    const disguised = await upload(session.token, "id-card", pngFile(), "application/pdf", "scan.pdf");
    expect(disguised.status).toBe(400);
    expect(((await disguised.json()) as { error: { message: string } }).error.message).toMatch(/PNG/);
    const oversize = await upload(session.token, "id-card", jpegFile(MAX_MATERIAL_BYTES + 1), "image/jpeg");
    expect(oversize.status).toBe(413);
    const foreign = await upload(session.token, "diploma", pngFile(), "image/png");
    expect(foreign.status).toBe(400);
    const wrongType = await upload(session.token, "id-card", Buffer.from("hello"), "text/plain");
    expect(wrongType.status).toBe(400);
    expect(countRows(harness, "application_files")).toBe(0);

    const unknown = await harness.api(
      "GET",
      "/api/v1/public/uploads/AAAAAAAAAAAAAAAAAAAAAA",
      undefined,
      null,
    );
    expect(unknown.status).toBe(404);
    expect((await upload("AAAAAAAAAAAAAAAAAAAAAA", "id-card", pngFile(), "image/png")).status).toBe(404);

    // Half an hour later the link is dead.
    harness.server.db
      .prepare("UPDATE upload_sessions SET expires_at = ?")
      .run(new Date(Date.now() - 1000).toISOString());
    const expired = await harness.api<{ error: { code: string } }>(
      "GET",
      `/api/v1/public/uploads/${session.token}`,
      undefined,
      null,
    );
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe("expired");
    expect((await upload(session.token, "id-card", pngFile(), "image/png")).status).toBe(410);
    expect(countRows(harness, "application_files")).toBe(0);
  });
});

describe("abandoned applications", () => {
  it("materials of an application never submitted are deleted after three days; submitted ones stay", async () => {
    harness = await startTestServer();
    const { socket } = await linkedKiosk();
    const [abandoned, kept] = [receiptCode(), receiptCode()];
    for (const code of [abandoned, kept]) {
      const sent = await emitWithAck(
        socket,
        "application:material",
        materialPayload(code, "id-card", pngFile(), "image/png"),
      );
      expect(sent.ok).toBe(true);
    }
    expect((await emitWithAck(socket, "application:submit", submitPayload(kept))).ok).toBe(true);
    const office = harness.server.context.applicationOffice;

    office.purgeAbandoned(new Date(Date.now() + 2 * 24 * 3600_000));
    expect(materialFiles(abandoned)).toHaveLength(1);
    // The next run is at least ten minutes later.
    office.purgeAbandoned(new Date(Date.now() + 3 * 24 * 3600_000 + 3600_000));
    expect(materialFiles(abandoned)).toEqual([]);
    expect(materialFiles(kept)).toHaveLength(1);
    expect(harness.server.db.prepare("SELECT receipt_code FROM application_files").all()).toEqual([
      { receipt_code: kept },
    ]);
    expect(
      harness.server.db
        .prepare("SELECT detail FROM audit_log WHERE action = 'application.abandoned_purged'")
        .get(),
    ).toEqual({ detail: JSON.stringify({ files: 1, uploadSessions: 0 }) });
  });
});
