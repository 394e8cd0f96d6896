import { Writable } from "node:stream";
import { idNumberCheckCharacter } from "@linli/hardware/id-card/id-number";
import type { ResidentCodeSent, ResidentIdentity } from "@linli/protocol";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { connected, startTestServer, type TestServer } from "../../test/harness";
import { closeSmsGateways, type LoopbackSmsGateway, startSmsGateway } from "../../test/sms-gateway";
import { emitWithAck, LI_XIAOMEI } from "./application-fixtures";

let harness: TestServer | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
  await closeSmsGateways();
});

/** 赵秀英 is in the seeded registry without a phone. */
const ZHAO_XIUYING_ID = "430304195511031226";
/** A valid ID number nobody in the registry holds. */
const newcomerId = (() => {
  const first17 = "43030219900101123";
  return first17 + idNumberCheckCharacter(first17);
})();
const NO_PHONE = "没有登记手机号，请放置身份证，或到服务台办理";
const codeIn = (text: string) => text.match(/\d{6}/)![0];

/** A server with a loopback SMS gateway and a kiosk linked to it; log lines kept for inspection. */
async function kioskWithSms(options: { sms?: boolean; kind?: "kiosk" | "elder" } = {}) {
  const sms: LoopbackSmsGateway | null = options.sms === false ? null : await startSmsGateway();
  const logLines: string[] = [];
  const logger = pino(
    { level: "debug" },
    new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    }),
  );
  harness = await startTestServer({
    ...(sms ? { smsGateway: { url: sms.url, token: undefined } } : {}),
    logger,
  });
  const enrolled = await harness.enroll({ kind: options.kind ?? "kiosk", communityId: "xiangbin" });
  const kiosk = harness.connectTerminal(enrolled);
  await connected(kiosk);
  const sendCode = (idNumber: string) =>
    emitWithAck<ResidentCodeSent>(kiosk, "resident:send-code", { idNumber });
  const verify = (idNumber: string, code: string) =>
    emitWithAck<ResidentIdentity>(kiosk, "resident:verify", { idNumber, code });
  const audit = () =>
    harness!.server.db.prepare("SELECT action, detail FROM audit_log ORDER BY id").all() as Array<{
      action: string;
      detail: string;
    }>;
  return { sms, logLines, kiosk, sendCode, verify, audit, terminalId: enrolled.terminalId };
}

const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("kiosk sign-in by typed ID number and a text-message code", () => {
  it("texts a code to the registry's phone; the right code signs the resident in with the registry's name", async () => {
    const { sms, logLines, sendCode, verify, audit } = await kioskWithSms();
    const sent = await sendCode(LI_XIAOMEI.idNumber);
    expect(sent.ok).toBe(true);
    expect(sent.data!.phoneMasked).toBe("138****1001");
    const resendWait = Date.parse(sent.data!.resendAfter) - Date.now();
    expect(resendWait).toBeGreaterThan(55_000);
    expect(resendWait).toBeLessThanOrEqual(60_000);
    expect(Date.parse(sent.data!.expiresAt)).toBeGreaterThan(Date.parse(sent.data!.resendAfter));
    expect(sms!.sent).toHaveLength(1);
    expect(sms!.sent[0]!.to).toBe(LI_XIAOMEI.phone);
    const code = codeIn(sms!.sent[0]!.text);

    const wrong = await verify(LI_XIAOMEI.idNumber, wrongCode(code));
    expect(wrong).toMatchObject({ ok: false, error: { code: "invalid_payload" } });
    expect(wrong.error!.message).toContain("4 tries left");

    const identity = await verify(LI_XIAOMEI.idNumber, code);
    expect(identity).toEqual({ ok: true, data: { known: true, name: "李晓梅", buildingId: "bld-xb-3" } });
    // A code signs in once.
    const again = await verify(LI_XIAOMEI.idNumber, code);
    expect(again).toMatchObject({ ok: false, error: { code: "expired" } });

    const actions = audit().map((row) => row.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "resident.code_requested",
        "phone_verification.sent",
        "resident.code_refused",
        "resident.identify",
      ]),
    );
    const identified = audit().find((row) => row.action === "resident.identify")!;
    expect(JSON.parse(identified.detail)).toMatchObject({
      known: true,
      source: "typed",
      phone: "138****1001",
    });
    // Neither the code, nor the phone, nor the ID number in clear, in the audit log or the server's log.
    const everything = [...audit().map((row) => row.detail), ...logLines].join("\n");
    expect(everything).not.toContain(code);
    expect(everything).not.toContain(LI_XIAOMEI.phone);
    expect(everything).not.toContain(LI_XIAOMEI.idNumber);
  });

  it("says the same plain thing for a resident without a phone on record and for an unknown number, and texts nobody", async () => {
    const { sms, sendCode, verify } = await kioskWithSms();
    const noPhone = await sendCode(ZHAO_XIUYING_ID);
    const unknown = await sendCode(newcomerId);
    expect(noPhone).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(noPhone.error!.message).toContain(NO_PHONE);
    expect(unknown).toEqual(noPhone);
    expect(await verify(newcomerId, "123456")).toEqual(noPhone);
    expect(sms!.sent).toHaveLength(0);
  });

  it("refuses a second text within a minute, and a code after five wrong tries", async () => {
    const { sms, sendCode, verify } = await kioskWithSms();
    expect((await sendCode(LI_XIAOMEI.idNumber)).ok).toBe(true);
    const tooSoon = await sendCode(LI_XIAOMEI.idNumber);
    expect(tooSoon).toMatchObject({ ok: false, error: { code: "unavailable" } });
    expect(tooSoon.error!.message).toMatch(/try again in \d+ s/);
    expect(sms!.sent).toHaveLength(1);

    const code = codeIn(sms!.sent[0]!.text);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await verify(LI_XIAOMEI.idNumber, wrongCode(code)));
    expect(answers.slice(0, 4).map((answer) => answer.error?.code)).toEqual(Array(4).fill("invalid_payload"));
    expect(answers[4]).toMatchObject({ ok: false, error: { code: "forbidden" } });
    // The right code no longer helps: a new one must be asked for.
    expect(await verify(LI_XIAOMEI.idNumber, code)).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
  });

  it("refuses an expired code", async () => {
    const { sms, sendCode, verify } = await kioskWithSms();
    await sendCode(LI_XIAOMEI.idNumber);
    const code = codeIn(sms!.sent[0]!.text);
    harness!.server.db
      .prepare("UPDATE phone_verification_codes SET expires_at = ?")
      .run(new Date(Date.now() - 1000).toISOString());
    const expired = await verify(LI_XIAOMEI.idNumber, code);
    expect(expired).toMatchObject({ ok: false, error: { code: "expired" } });
    expect(expired.error!.message).toContain("expired");
  });

  it("without an SMS gateway, says typed sign-in is not available here", async () => {
    const { sendCode } = await kioskWithSms({ sms: false });
    expect(await sendCode(LI_XIAOMEI.idNumber)).toMatchObject({ ok: false, error: { code: "unavailable" } });
  });

  it("refuses elder units", async () => {
    const elder = await kioskWithSms({ kind: "elder" });
    expect(await elder.sendCode(LI_XIAOMEI.idNumber)).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await elder.verify(LI_XIAOMEI.idNumber, "123456")).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(elder.sms!.sent).toHaveLength(0);
  });

  it("refuses bad ID numbers and malformed payloads, texting nobody", async () => {
    const kiosk = await kioskWithSms();
    const badCheckDigit = `${LI_XIAOMEI.idNumber.slice(0, 17)}${LI_XIAOMEI.idNumber.endsWith("9") ? "0" : "9"}`;
    expect(await kiosk.sendCode(badCheckDigit)).toMatchObject({
      ok: false,
      error: { code: "invalid_payload" },
    });
    expect(
      await emitWithAck(kiosk.kiosk, "resident:send-code", {
        idNumber: Number(LI_XIAOMEI.idNumber.slice(0, 12)),
      }),
    ).toMatchObject({ ok: false, error: { code: "invalid_payload" } });
    expect(await kiosk.verify(LI_XIAOMEI.idNumber, "12345")).toMatchObject({
      ok: false,
      error: { code: "invalid_payload" },
    });
    expect(kiosk.sms!.sent).toHaveLength(0);
  });
});
