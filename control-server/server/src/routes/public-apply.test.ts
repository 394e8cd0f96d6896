import { Writable } from "node:stream";
import { idNumberCheckCharacter } from "@linli/hardware/id-card/id-number";
import {
  type ApplicationView,
  PROTOCOL_VERSION,
  type PublicApplicationView,
  type PublicServices,
  type UploadPage,
} from "@linli/protocol";
import pino from "pino";
import { type Socket as ClientSocket, io } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { connected, eventually, startTestServer, type TestServer } from "../../test/harness";
import { closeSmsGateways, startSmsGateway } from "../../test/sms-gateway";
import { LI_XIAOMEI, pngFile } from "../applications/application-fixtures";

let harness: TestServer | null = null;
const consoles: ClientSocket[] = [];

afterEach(async () => {
  for (const socket of consoles.splice(0)) socket.disconnect();
  await harness?.close();
  harness = null;
  await closeSmsGateways();
});

/** A server with an SMS gateway, its log lines kept for inspection. */
async function startWithSms() {
  const sms = await startSmsGateway();
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
  harness = await startTestServer({ smsGateway: { url: sms.url, token: undefined }, logger });
  return { server: harness, sms, logLines };
}

type ErrorBody = {
  error: { code: string; message: string; problem?: string; triesLeft?: number; retryAfter?: number };
};
const askCode = (phone: string) =>
  harness!.api<{ expiresAt: string; resendAfter: string } & ErrorBody>(
    "POST",
    "/api/v1/public/verification-codes",
    { phone },
    null,
  );
const apply = (body: Record<string, unknown>) =>
  harness!.api<{ receiptCode: string; uploadUrl: string } & ErrorBody>(
    "POST",
    "/api/v1/public/applications",
    body,
    null,
  );
const codeIn = (text: string) => text.match(/\d{6}/)![0];
const application = (code: string, overrides: Record<string, unknown> = {}) => ({
  communityId: "xiangbin",
  serviceCode: "birth-permit",
  answers: { remarried: true },
  applicant: LI_XIAOMEI,
  code,
  ...overrides,
});
/** A valid ID number nobody in the registry holds. */
const newcomerId = (() => {
  const first17 = "43030219900101123";
  return first17 + idNumberCheckCharacter(first17);
})();

describe("residents apply from their phone with a text-message code", () => {
  it("the whole flow: catalogue, code by text, application with a receipt code, upload, staff list, progress page", async () => {
    const { server, sms, logLines } = await startWithSms();
    const staffConsole = io(`${server.url}/console`, {
      auth: { token: server.adminToken, protocol: PROTOCOL_VERSION },
      transports: ["websocket"],
    });
    consoles.push(staffConsole);
    const heard: ApplicationView[] = [];
    staffConsole.on("application:changed", (view: ApplicationView) => heard.push(view));
    await connected(staffConsole);

    const catalogue = await server.api<PublicServices>("GET", "/api/v1/public/services", undefined, null);
    expect(catalogue.status).toBe(200);
    expect(catalogue.body.phoneApplications).toBe(true);
    expect(catalogue.body.communities.map((c) => c.id)).toContain("xiangbin");
    expect(catalogue.body.services.map((s) => s.code)).toContain("birth-permit");
    expect(catalogue.body.services.every((s) => s.active)).toBe(true);

    const sent = await askCode(LI_XIAOMEI.phone);
    expect(sent.status).toBe(202);
    const minutesValid = (Date.parse(sent.body.expiresAt) - Date.now()) / 60_000;
    expect(minutesValid).toBeGreaterThan(9.9);
    expect(minutesValid).toBeLessThanOrEqual(10);
    await eventually(() => sms.sent.length === 1);
    expect(sms.sent[0]!.to).toBe(LI_XIAOMEI.phone);
    const code = codeIn(sms.sent[0]!.text);

    const created = await apply(application(code));
    expect(created.status).toBe(201);
    const { receiptCode, uploadUrl } = created.body;
    expect(receiptCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(uploadUrl).toMatch(new RegExp(`^${server.url}/r/upload/[\\w-]+$`));
    await eventually(() => heard.some((view) => view.receiptCode === receiptCode));
    expect(heard.find((view) => view.receiptCode === receiptCode)!.channel).toBe("phone");

    // The same code does not make a second application.
    const again = await apply(application(code));
    expect(again.status).toBe(400);
    expect(again.body.error.problem).toBe("code-used");

    // The upload session lists the remarried couple's papers; a file sent there arrives.
    const token = uploadUrl.split("/").at(-1)!;
    const page = await server.api<UploadPage>("GET", `/api/v1/public/uploads/${token}`, undefined, null);
    expect(page.body.receiptCode).toBe(receiptCode);
    expect(page.body.materials.map((m) => m.code)).toEqual(
      expect.arrayContaining(["divorce-certificate", "remarriage-certificate"]),
    );
    expect(page.body.materials.map((m) => m.code)).not.toContain("marriage-certificate");
    const upload = await fetch(
      `${server.url}/api/v1/public/uploads/${token}/files?materialCode=divorce-certificate`,
      {
        method: "POST",
        headers: { "content-type": "image/png", "x-file-name": "divorce.png" },
        body: new Uint8Array(pngFile()),
      },
    );
    expect(upload.status).toBe(201);

    const progress = await server.api<PublicApplicationView>(
      "GET",
      `/api/v1/public/applications/${receiptCode}`,
      undefined,
      null,
    );
    expect(progress.status).toBe(200);
    expect(progress.body.applicantName).toBe("李*梅");
    expect(progress.body.status).toBe("submitted");
    expect(progress.body.materials.find((m) => m.code === "divorce-certificate")!.provided).toBe(true);

    const list = await server.api<ApplicationView[] | { applications: ApplicationView[] }>(
      "GET",
      `/api/v1/applications?q=${receiptCode}`,
    );
    const views = Array.isArray(list.body) ? list.body : list.body.applications;
    expect(views).toHaveLength(1);
    expect(views[0]!.channel).toBe("phone");
    expect(views[0]!.terminal).toBeNull();
    expect(views[0]!.applicant.registered).toBe(true);
    expect(views[0]!.answers).toEqual({ remarried: true });

    // Neither the code nor the phone number nor the ID number is written anywhere in clear.
    const audit = JSON.stringify(server.server.db.prepare("SELECT * FROM audit_log").all());
    expect(audit).toContain("application.submitted");
    expect(audit).toContain("phone_verification.sent");
    expect(audit).toContain("138****1001");
    for (const secret of [code, LI_XIAOMEI.phone, LI_XIAOMEI.idNumber]) {
      expect(audit).not.toContain(secret);
      expect(logLines.join("")).not.toContain(secret);
    }
    expect(logLines.join("")).toContain("verification code sent");
    // Only a salted hash of the code is kept.
    const stored = JSON.stringify(server.server.db.prepare("SELECT * FROM phone_verification_codes").all());
    expect(stored).not.toContain(`"${code}"`);
  });

  it("an unknown resident's application stands, and the holder is proposed for staff review", async () => {
    const { server, sms } = await startWithSms();
    await askCode("13912345678");
    await eventually(() => sms.sent.length === 1);
    const created = await apply(
      application(codeIn(sms.sent[0]!.text), {
        serviceCode: "residence-permit",
        answers: { renting: true },
        applicant: { idNumber: newcomerId, name: "赵新来", phone: "13912345678" },
      }),
    );
    expect(created.status).toBe(201);
    const proposals = server.server.db
      .prepare("SELECT name, source, community_id, terminal_id FROM resident_proposals WHERE id_number = ?")
      .all(newcomerId);
    expect(proposals).toEqual([
      { name: "赵新来", source: "typed", community_id: "xiangbin", terminal_id: null },
    ]);
    const view = await server.api<ApplicationView>("GET", `/api/v1/applications/${created.body.receiptCode}`);
    expect(view.body.applicant.registered).toBe(false);
  });

  it("wrong codes are counted and the fifth kills the code; an expired code and another phone's code are refused", async () => {
    const { server, sms } = await startWithSms();
    await askCode(LI_XIAOMEI.phone);
    await eventually(() => sms.sent.length === 1);
    const right = codeIn(sms.sent[0]!.text);
    const wrong = right === "000000" ? "111111" : "000000";

    for (let attempt = 1; attempt <= 4; attempt++) {
      const refused = await apply(application(wrong));
      expect(refused.status).toBe(400);
      expect(refused.body.error.problem).toBe("wrong-code");
      expect(refused.body.error.message).toContain(`${5 - attempt} tr`);
      expect(refused.body.error.triesLeft).toBe(5 - attempt);
    }
    const fifth = await apply(application(wrong));
    expect(fifth.body.error.problem).toBe("code-locked");
    // Even the right code no longer counts.
    const late = await apply(application(right));
    expect(late.status).toBe(400);
    expect(late.body.error.problem).toBe("code-locked");
    expect(server.server.db.prepare("SELECT count(*) AS n FROM applications").get()).toEqual({ n: 0 });

    // A code texted to one phone does not prove another.
    await askCode("13912345678");
    await eventually(() => sms.sent.length === 2);
    const otherPhone = await apply(application(codeIn(sms.sent[1]!.text)));
    expect(otherPhone.status).toBe(400);
    expect(otherPhone.body.error.problem).toBe("code-locked");
    const noCodeYet = await apply(
      application(codeIn(sms.sent[1]!.text), { applicant: { ...LI_XIAOMEI, phone: "13700000000" } }),
    );
    expect(noCodeYet.body.error.problem).toBe("no-code");

    // Ten minutes later the code is dead (time moved on in the database).
    server.server.db
      .prepare("UPDATE phone_verification_codes SET expires_at = ? WHERE phone = ?")
      .run(new Date(Date.now() - 1000).toISOString(), "13912345678");
    const expired = await apply(
      application(codeIn(sms.sent[1]!.text), { applicant: { ...LI_XIAOMEI, phone: "13912345678" } }),
    );
    expect(expired.status).toBe(400);
    expect(expired.body.error).toMatchObject({ code: "expired", problem: "code-expired" });
    expect(server.server.db.prepare("SELECT count(*) AS n FROM applications").get()).toEqual({ n: 0 });
  });

  it("texts are rate-limited: one per phone per minute, five per hour, and a cap per address", async () => {
    const { server, sms } = await startWithSms();
    expect((await askCode(LI_XIAOMEI.phone)).status).toBe(202);
    const tooSoon = await askCode(LI_XIAOMEI.phone);
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.body.error.problem).toBe("too-soon");
    expect(tooSoon.body.error.retryAfter).toBeGreaterThan(55);
    expect(tooSoon.body.error.retryAfter).toBeLessThanOrEqual(60);
    await eventually(() => sms.sent.length === 1);

    // Each minute another text, until five in the hour.
    const backdate = () =>
      server.server.db
        .prepare(
          "UPDATE phone_verification_codes SET sent_at = strftime('%Y-%m-%dT%H:%M:%fZ', sent_at, '-61 seconds')",
        )
        .run();
    for (let text = 2; text <= 5; text++) {
      backdate();
      expect((await askCode(LI_XIAOMEI.phone)).status).toBe(202);
    }
    backdate();
    const sixth = await askCode(LI_XIAOMEI.phone);
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.problem).toBe("too-many-texts");
    await eventually(() => sms.sent.length === 5);

    // One address asking for codes for many phones is stopped at 20 an hour.
    for (let phone = 0; phone < 15; phone++)
      expect((await askCode(`1360000${1000 + phone}`)).status).toBe(202);
    const flood = await askCode("13600009999");
    expect(flood.status).toBe(429);
    expect(flood.body.error.problem).toBe("too-many-texts");
  });

  it("bad input is refused with what is wrong, and changes nothing", async () => {
    const { server, sms } = await startWithSms();
    await askCode(LI_XIAOMEI.phone);
    await eventually(() => sms.sent.length === 1);
    const code = codeIn(sms.sent[0]!.text);

    const badDigit = await apply(
      application(code, { applicant: { ...LI_XIAOMEI, idNumber: "430302198503122429" } }),
    );
    expect(badDigit.status).toBe(400);
    expect(badDigit.body.error.message).toContain("check digit");
    const unknownService = await apply(application(code, { serviceCode: "flying-licence" }));
    expect(unknownService.status).toBe(400);
    expect(unknownService.body.error.message).toContain("flying-licence");
    const unknownQuestion = await apply(application(code, { answers: { "owns-boat": true } }));
    expect(unknownQuestion.status).toBe(400);
    expect(unknownQuestion.body.error.message).toContain("owns-boat");
    const unknownCommunity = await apply(application(code, { communityId: "atlantis" }));
    expect(unknownCommunity.status).toBe(400);
    const badPhone = await askCode("12345");
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.error.code).toBe("invalid_payload");

    // None of these used a try: the code still works.
    expect(server.server.db.prepare("SELECT count(*) AS n FROM applications").get()).toEqual({ n: 0 });
    expect((await apply(application(code))).status).toBe(201);
  });

  it("a text the gateway fails to send is reported (503) and does not hold up the next try", async () => {
    const sms = await startSmsGateway();
    sms.failing = true;
    harness = await startTestServer({ smsGateway: { url: sms.url, token: undefined } });
    const failed = await askCode(LI_XIAOMEI.phone);
    expect(failed.status).toBe(503);
    expect(failed.body.error).toMatchObject({ code: "unavailable", problem: "sms-failed" });
    sms.failing = false;
    expect((await askCode(LI_XIAOMEI.phone)).status).toBe(202);
    expect(sms.sent).toHaveLength(1);
  });

  it("the three endpoints are in the OpenAPI document under the public tag", async () => {
    harness = await startTestServer();
    const openapi = await harness.api<{ paths: Record<string, Record<string, { tags?: string[] }>> }>(
      "GET",
      "/api/v1/openapi.json",
      undefined,
      null,
    );
    expect(openapi.status).toBe(200);
    expect(openapi.body.paths["/api/v1/public/services"]?.get?.tags).toEqual(["public"]);
    expect(openapi.body.paths["/api/v1/public/verification-codes"]?.post?.tags).toEqual(["public"]);
    expect(openapi.body.paths["/api/v1/public/applications"]?.post?.tags).toEqual(["public"]);
  });

  it("without an SMS gateway the phone cannot apply: 503 with a clear message", async () => {
    harness = await startTestServer();
    const catalogue = await harness.api<PublicServices>("GET", "/api/v1/public/services", undefined, null);
    expect(catalogue.body.phoneApplications).toBe(false);
    const asked = await askCode(LI_XIAOMEI.phone);
    expect(asked.status).toBe(503);
    expect(asked.body.error).toMatchObject({ code: "unavailable", problem: "no-sms-gateway" });
    expect(asked.body.error.message).toContain("kiosk");
    const applied = await apply(application("123456"));
    expect(applied.status).toBe(503);
    expect(harness.server.db.prepare("SELECT count(*) AS n FROM applications").get()).toEqual({ n: 0 });
  });
});
