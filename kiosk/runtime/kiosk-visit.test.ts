/**
 * A resident's visit at a kiosk runtime, with real parts: a control server on port 0, the ID card
 * reader simulator on a socat pty, the receipt printer simulator on TCP, and the printed bytes decoded.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type PtySamVSimulator, startSamVSimulatorOnPty } from "@linli/hardware/id-card/sam-v-simulator";
import { sampleCards } from "@linli/hardware/id-card/sample-cards";
import type { PrintedDocument } from "@linli/hardware/printer/escpos-decoder";
import { EscPosPrinterSimulator } from "@linli/hardware/printer/escpos-simulator";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { eventually, startTestServer, type TestServer } from "../../control-server/server/test/harness";
import {
  closeSmsGateways,
  type LoopbackSmsGateway,
  startSmsGateway,
} from "../../control-server/server/test/sms-gateway";
import type { BridgeEvents, SubmittedApplication } from "../bridge/contract";
import { deviceFactories } from "./device-factories";
import { DeviceHost } from "./device-host";
import { terminalConfigSchema } from "./terminal-config";
import { TerminalRuntime } from "./terminal-runtime";

const log = pino({ level: "silent" });
const CARD = sampleCards.resident;
/** A PNG's signature and a bit more: what the document camera would hand over. */
const PNG = Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), Buffer.alloc(64, 7)]);

let harness: TestServer | null = null;
let reader: PtySamVSimulator | null = null;
let printer: EscPosPrinterSimulator | null = null;
const runtimes: TerminalRuntime[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const runtime of runtimes.splice(0)) await runtime.stop();
  await harness?.close();
  harness = null;
  await reader?.close();
  reader = null;
  await printer?.stop();
  printer = null;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  await closeSmsGateways();
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

async function startKiosk(options: { server: string; dataDir: string; enrol?: boolean; paperOut?: boolean }) {
  let enrollmentCode: string | undefined;
  if (options.enrol !== false) {
    const code = await harness!.api<{ code: string }>("POST", "/api/v1/terminals/enrollment-codes", {
      kind: "kiosk",
      communityId: "xiangbin",
      name: "湘滨 1号机",
    });
    enrollmentCode = code.body.code;
  }
  reader ??= await startSamVSimulatorOnPty();
  if (!printer) {
    printer = new EscPosPrinterSimulator();
    await printer.listenTcp("127.0.0.1", 0);
  }
  const config = terminalConfigSchema.parse({
    server: options.server,
    dataDir: options.dataDir,
    ...(enrollmentCode ? { enrollmentCode } : {}),
    devices: {
      idCardReader: { type: "sam-v", transport: "serial", path: reader.hostPath, pollIntervalMs: 100 },
      printer: {
        type: "escpos",
        transport: "tcp",
        host: "127.0.0.1",
        port: printerPort,
        statusIntervalMs: 200,
      },
    },
  });
  const runtime = new TerminalRuntime({
    config,
    kind: "kiosk",
    version: "9.9.9",
    log,
    devices: new DeviceHost(config.devices, deviceFactories, log, { dataDir: options.dataDir }),
    link: { ackTimeoutMs: 2000, backoff: { initialMs: 100, maxMs: 300, jitter: 0 } },
  });
  runtimes.push(runtime);
  const cards: Array<BridgeEvents["card"]> = [];
  runtime.on("card", (event) => cards.push(event));
  await runtime.start();
  const printerReady = options.paperOut ? "unavailable" : "ok";
  await eventually(
    () =>
      runtime
        .snapshot()
        .devices.every((device) => device.status === (device.device === "printer" ? printerReady : "ok")),
    10_000,
  );
  return { runtime, cards };
}
let printerPort = 0;

async function onlineKiosk(sms: LoopbackSmsGateway | null = null) {
  const serverDir = tempDir("linli-kiosk-server-");
  harness = await startTestServer({
    dataDir: serverDir,
    ...(sms ? { smsGateway: { url: sms.url, token: undefined } } : {}),
  });
  printer = new EscPosPrinterSimulator();
  printerPort = (await printer.listenTcp("127.0.0.1", 0)).port;
  const dataDir = tempDir("linli-kiosk-");
  const kiosk = await startKiosk({ server: harness.url, dataDir });
  await eventually(() => kiosk.runtime.snapshot().link.state === "online", 10_000);
  await eventually(() => kiosk.runtime.snapshot().content !== null, 10_000);
  return { ...kiosk, serverDir, dataDir };
}

/** The resident places the ID card and the kiosk signs them in. */
async function placeCard(kiosk: { cards: Array<BridgeEvents["card"]> }) {
  reader!.simulator.placeCard(CARD);
  await eventually(() => kiosk.cards.some((c) => c.type === "signed-in"), 10_000);
}

const textOf = (document: PrintedDocument) =>
  document.items.flatMap((item) => (item.kind === "text" ? [item.text] : [])).join("\n");

describe("a resident at the kiosk", () => {
  it("card in: signed in with the registry's name, the number masked; card out: resident and drafts wiped", async () => {
    const { runtime, cards } = await onlineKiosk();
    reader!.simulator.placeCard(CARD);
    await eventually(() => cards.some((c) => c.type === "signed-in"), 10_000);
    const resident = runtime.snapshot().resident!;
    expect(resident).toMatchObject({
      name: "李晓梅",
      idMasked: "430***********2428",
      source: "card",
      known: true,
    });
    expect(JSON.stringify(runtime.snapshot())).not.toContain(CARD.idNumber);

    const started = await runtime.call("application:start", { serviceCode: "residence-permit" });
    expect(started.ok).toBe(true);
    const receiptCode = started.ok ? started.data.receiptCode : "";
    expect(receiptCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const capture = (mimeType: string, bytes: Buffer) =>
      runtime.call("application:capture", {
        receiptCode,
        materialCode: "photo",
        fileName: "photo.png",
        mimeType: mimeType as "image/png",
        dataBase64: bytes.toString("base64"),
      });
    // A file whose bytes are not what its type says is refused, and nothing is committed.
    const pendingBefore = runtime.snapshot().outbox.pending;
    expect(await capture("application/pdf", PNG)).toMatchObject({ ok: false });
    expect(runtime.snapshot().outbox.pending).toBe(pendingBefore);
    expect(await capture("image/png", PNG)).toEqual({ ok: true, data: { materialCode: "photo" } });
    expect(runtime.snapshot().drafts).toEqual([
      { receiptCode, serviceCode: "residence-permit", provided: ["photo"] },
    ]);

    reader!.simulator.removeCard();
    await eventually(() => cards.at(-1)?.type === "removed", 10_000);
    expect(runtime.snapshot()).toMatchObject({ resident: null, drafts: [], submitted: [] });
    // The draft is gone with the resident: it can no longer be submitted.
    expect(await runtime.call("application:submit", { receiptCode, answers: {}, phone: null })).toMatchObject(
      {
        ok: false,
      },
    );
  });

  it("typed sign-in: a code texted to the registry's phone signs in with the registry's name and shows 我的办件", async () => {
    const sms = await startSmsGateway();
    const { runtime } = await onlineKiosk(sms);
    const wrongDigit = await runtime.call("resident:send-code", { idNumber: "430302198503122429" });
    expect(wrongDigit).toMatchObject({ ok: false, error: { code: "invalid_payload" } });
    // 赵秀英 is registered without a phone: the plain message, and no text.
    const noPhone = await runtime.call("resident:send-code", { idNumber: "430304195511031226" });
    expect(noPhone).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(sms.sent).toHaveLength(0);

    const sent = await runtime.call("resident:send-code", { idNumber: CARD.idNumber.toLowerCase() });
    expect(sent).toMatchObject({ ok: true, data: { phoneMasked: "138****1001" } });
    expect(sms.sent.map((text) => text.to)).toEqual(["13807321001"]);
    const code = sms.sent[0]!.text.match(/\d{6}/)![0];
    const wrongCode = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    const wrong = await runtime.call("resident:sign-in", { idNumber: CARD.idNumber, code: wrongCode });
    expect(wrong).toMatchObject({ ok: false, error: { code: "invalid_payload" } });
    expect(runtime.snapshot().resident).toBeNull();

    const right = await runtime.call("resident:sign-in", { idNumber: CARD.idNumber, code });
    expect(right).toMatchObject({
      ok: true,
      data: {
        name: "李晓梅",
        idMasked: "430***********2428",
        source: "typed",
        known: true,
        buildingId: "bld-xb-3",
      },
    });
    expect(JSON.stringify(runtime.snapshot())).not.toContain(CARD.idNumber);
    // Proven by the registry's phone, as good as the card: her applications are listed.
    const mine = await runtime.call("application:lookup", { mine: true });
    expect(mine.ok).toBe(true);
    expect((await runtime.call("session:end", null)).ok).toBe(true);
    expect(runtime.snapshot().resident).toBeNull();
  });

  it("an application submitted while the centre is down prints its receipt now and is delivered later under the same code", async () => {
    const { runtime, cards, serverDir } = await onlineKiosk();
    reader!.simulator.placeCard(CARD);
    await eventually(() => cards.some((c) => c.type === "signed-in"), 10_000);
    const started = await runtime.call("application:start", { serviceCode: "residence-permit" });
    const receiptCode = started.ok ? started.data.receiptCode : "";
    const url = harness!.url;
    await harness!.close();
    harness = null;
    await eventually(() => runtime.snapshot().link.state === "offline", 5000);

    const submitted = await runtime.call("application:submit", {
      receiptCode,
      answers: { renting: true, employed: false },
      phone: "13807321001",
    });
    expect(submitted.ok).toBe(true);
    const receipt = submitted.ok ? submitted.data : ({} as SubmittedApplication);
    expect(receipt).toMatchObject({ receiptCode, delivered: false, receipt: { outcome: "printed" } });
    expect(receipt.missing.map((m) => m.code)).toContain("tenancy-contract");
    expect(receipt.missing.map((m) => m.code)).not.toContain("property-certificate");
    expect(receipt.progressUrl).toMatch(new RegExp(`/r/${receiptCode}$`));

    // The printed bytes, decoded as the printer reads them (GB18030).
    await eventually(() => printer!.documents.length === 1, 5000);
    const document = printer!.documents[0]!;
    const text = textOf(document);
    expect(text).toContain(receiptCode);
    expect(text).toContain("李*梅");
    expect(text).not.toContain(CARD.idNumber);
    for (const material of receipt.missing) expect(text).toContain(material.name);
    expect(text).toContain("扫码");
    expect(
      document.items.filter((item) => item.kind === "qr").map((item) => item.kind === "qr" && item.data),
    ).toEqual([receipt.progressUrl]);
    expect(document.cut).toBeDefined();

    harness = await startTestServer({ dataDir: serverDir, port: Number(new URL(url).port) });
    await eventually(() => runtime.snapshot().submitted[0]?.delivered === true, 10_000);
    expect(runtime.snapshot().submitted[0]).toMatchObject({ receiptCode, status: "submitted" });
    const lookup = await runtime.call("application:lookup", { receiptCode });
    expect(lookup).toMatchObject({
      ok: true,
      data: [{ receiptCode, applicantName: "李*梅", status: "submitted" }],
    });
    const mine = await runtime.call("application:lookup", { mine: true });
    expect(mine.ok && mine.data.map((view) => view.receiptCode)).toContain(receiptCode);
  });

  it("a material uploaded from the phone reaches the kiosk's draft, and is not listed as missing on the receipt", async () => {
    const kiosk = await onlineKiosk();
    const { runtime } = kiosk;
    const uploads: Array<BridgeEvents["upload:received"]> = [];
    runtime.on("upload:received", (upload) => uploads.push(upload));
    await placeCard(kiosk);
    const started = await runtime.call("application:start", { serviceCode: "residence-permit" });
    const receiptCode = started.ok ? started.data.receiptCode : "";
    const answers = { renting: true, employed: false };
    const session = await runtime.call("application:phone-upload", { receiptCode, answers });
    expect(session.ok).toBe(true);
    const url = new URL(session.ok ? session.data.url : "http://invalid");
    const token = url.pathname.split("/").at(-1)!;
    const phone = await fetch(
      `${harness!.url}/api/v1/public/uploads/${token}/files?materialCode=tenancy-contract`,
      {
        method: "POST",
        headers: { "content-type": "image/png", "x-file-name": encodeURIComponent("租房合同.png") },
        body: PNG,
      },
    );
    expect(phone.status).toBe(201);
    await eventually(() => uploads.length === 1, 5000);
    expect(uploads[0]).toMatchObject({ receiptCode, materialCode: "tenancy-contract" });
    expect(runtime.snapshot().drafts).toEqual([
      { receiptCode, serviceCode: "residence-permit", provided: ["tenancy-contract"] },
    ]);
    const submitted = await runtime.call("application:submit", { receiptCode, answers, phone: null });
    const missing = submitted.ok ? submitted.data.missing.map((m) => m.code) : [];
    expect(missing).not.toContain("tenancy-contract");
    expect(missing.length).toBeGreaterThan(0);
    expect(runtime.snapshot().drafts).toEqual([]);
  });

  it("notices on a kiosk: delivered when they arrive, shown when the screen says so; only elder units confirm 'heard'", async () => {
    const { runtime } = await onlineKiosk();
    const published = await harness!.api<{ id: string }>("POST", "/api/v1/notices", {
      title: "社区疫苗接种通知",
      body: "本周六上午在社区服务中心接种流感疫苗，请携带身份证。",
      category: "community",
      priority: "normal",
      communityIds: ["xiangbin"],
      terminalKinds: ["kiosk"],
      requiresConfirmation: false,
    });
    const noticeId = published.body.id;
    await eventually(() => runtime.snapshot().notices.some((n) => n.notice.id === noticeId), 5000);
    type Receipts = { terminals: Array<{ deliveredAt: string | null; shownAt: string | null }> };
    const receipt = async () =>
      (await harness!.api<Receipts>("GET", `/api/v1/notices/${noticeId}/receipts`)).body.terminals[0]!;
    await eventually(async () => (await receipt()).deliveredAt !== null, 5000);
    expect((await receipt()).shownAt).toBeNull();
    expect(await runtime.call("notice:shown", { noticeId })).toEqual({ ok: true, data: { noticeId } });
    await eventually(async () => (await receipt()).shownAt !== null, 5000);
    expect(await runtime.call("notice:heard", { noticeId })).toMatchObject({ ok: false });
    await eventually(() => runtime.snapshot().outbox.pending === 0, 5000);
    expect(runtime.snapshot().outbox.rejected).toBe(0);
  });

  it("progress and rating: staff decide the application; the resident finds it with their card and rates it", async () => {
    const { runtime, cards } = await onlineKiosk();
    reader!.simulator.placeCard(CARD);
    await eventually(() => cards.some((c) => c.type === "signed-in"), 10_000);
    const started = await runtime.call("application:start", { serviceCode: "residence-permit" });
    const receiptCode = started.ok ? started.data.receiptCode : "";
    await runtime.call("application:submit", { receiptCode, answers: {}, phone: null });
    await eventually(() => runtime.snapshot().submitted[0]?.delivered === true, 5000);
    // Staff at the centre decide it: 受理, 批准, 办结.
    for (const status of ["accepted", "approved", "completed"]) {
      const moved = await harness!.api("POST", `/api/v1/applications/${receiptCode}/status`, {
        status,
        note: "",
      });
      expect(moved.status).toBe(200);
    }
    const mine = await runtime.call("application:lookup", { mine: true });
    const view = mine.ok ? mine.data.find((v) => v.receiptCode === receiptCode) : undefined;
    expect(view).toMatchObject({ status: "completed", rating: null });
    expect(view!.history.map((h) => h.status)).toEqual(["submitted", "accepted", "approved", "completed"]);
    expect(await runtime.call("application:rate", { receiptCode, score: 9, comment: "" })).toMatchObject({
      ok: false,
    });
    expect(await runtime.call("application:rate", { receiptCode, score: 5, comment: "很快，谢谢" })).toEqual({
      ok: true,
      data: { receiptCode },
    });
    await eventually(() => runtime.snapshot().outbox.pending === 0, 5000);
    const after = await runtime.call("application:lookup", {
      receiptCode: receiptCode.toLowerCase().replaceAll("-", " "),
    });
    expect(after).toMatchObject({ ok: true, data: [{ rating: { score: 5, comment: "很快，谢谢" } }] });
  });

  it("out of paper: the receipt is queued (the screen shows the QR) and prints once paper is loaded", async () => {
    const kiosk = await onlineKiosk();
    const { runtime } = kiosk;
    await placeCard(kiosk);
    const started = await runtime.call("application:start", { serviceCode: "residence-permit" });
    const receiptCode = started.ok ? started.data.receiptCode : "";
    printer!.paperOut();
    await eventually(
      () => runtime.snapshot().devices.find((d) => d.device === "printer")?.status === "unavailable",
      5000,
    );
    const submitted = await runtime.call("application:submit", { receiptCode, answers: {}, phone: null });
    expect(submitted).toMatchObject({
      ok: true,
      data: { receipt: { outcome: "queued", reason: "out of paper" } },
    });
    expect(printer!.documents).toHaveLength(0);
    printer!.loadPaper();
    await eventually(() => runtime.snapshot().submitted[0]?.receipt?.outcome === "printed", 10_000);
    await eventually(() => printer!.documents.length === 1, 5000);
    expect(textOf(printer!.documents[0]!)).toContain(receiptCode);
  });

  it("a receipt waiting for paper survives a restart of the kiosk and prints once paper is loaded", async () => {
    const kiosk = await onlineKiosk();
    const { runtime, dataDir } = kiosk;
    await placeCard(kiosk);
    const started = await runtime.call("application:start", { serviceCode: "birth-permit" });
    const receiptCode = started.ok ? started.data.receiptCode : "";
    printer!.paperOut();
    await eventually(
      () => runtime.snapshot().devices.find((d) => d.device === "printer")?.status === "unavailable",
      5000,
    );
    const submitted = await runtime.call("application:submit", { receiptCode, answers: {}, phone: null });
    expect(submitted).toMatchObject({ ok: true, data: { receipt: { outcome: "queued" } } });
    await runtime.stop();
    runtimes.splice(0);
    await startKiosk({ server: harness!.url, dataDir, enrol: false, paperOut: true });
    expect(printer!.documents).toHaveLength(0);
    printer!.loadPaper();
    await eventually(() => printer!.documents.length === 1, 10_000);
    expect(textOf(printer!.documents[0]!)).toContain(receiptCode);
  });

  it("content is cached: after a restart with the centre down the catalogue, notices and guides still show", async () => {
    const { runtime, dataDir } = await onlineKiosk();
    const content = runtime.snapshot().content!;
    expect(content.catalogue.map((s) => s.code)).toContain("residence-permit");
    expect(content.guides.length).toBeGreaterThan(0);
    const url = harness!.url;
    await runtime.stop();
    runtimes.splice(0);
    await harness!.close();
    harness = null;
    const again = await startKiosk({ server: url, dataDir, enrol: false });
    expect(again.runtime.snapshot().link.state).not.toBe("online");
    expect(again.runtime.snapshot().content).toEqual(content);
    // Without the centre: a phone upload or a look-up says so honestly.
    // Without the centre no code can be texted: typed sign-in says so; the card still works.
    expect(await again.runtime.call("resident:send-code", { idNumber: CARD.idNumber })).toMatchObject({
      ok: false,
      error: { code: "unavailable", message: expect.stringContaining("place the ID card") },
    });
    expect(
      await again.runtime.call("resident:sign-in", { idNumber: CARD.idNumber, code: "123456" }),
    ).toMatchObject({ ok: false, error: { code: "unavailable" } });
    await placeCard(again);
    expect(again.runtime.snapshot().resident).toMatchObject({ name: CARD.name, known: false });
    const started = await again.runtime.call("application:start", { serviceCode: "residence-permit" });
    const receiptCode = started.ok ? started.data.receiptCode : "";
    expect(await again.runtime.call("application:phone-upload", { receiptCode, answers: {} })).toMatchObject({
      ok: false,
      error: { code: "unavailable" },
    });
    expect(await again.runtime.call("application:lookup", { receiptCode })).toMatchObject({
      ok: false,
      error: { code: "unavailable" },
    });
  });
});
