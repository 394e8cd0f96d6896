import type { ApplicationView } from "@linli/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { eventually, startTestServer, type TestServer } from "../../test/harness";
import { closeSmsGateways, startSmsGateway } from "../../test/sms-gateway";
import { LI_XIAOMEI } from "./application-fixtures";

let harness: TestServer | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
  await closeSmsGateways();
});

async function file(applicant: { idNumber: string; name: string; phone: string | null }): Promise<string> {
  const created = await harness!.api<ApplicationView>("POST", "/api/v1/applications", {
    serviceCode: "residence-permit",
    applicant,
    answers: { renting: true, employed: false },
    communityId: "xiangbin",
  });
  expect(created.status).toBe(201);
  return created.body.receiptCode;
}

const step = (receiptCode: string, status: string, note = "") =>
  harness!.api<ApplicationView>("POST", `/api/v1/applications/${receiptCode}/status`, { status, note });

describe("texts to the resident", () => {
  it("tell them what to bring, that it is approved, and ask for a rating once done — with the progress link", async () => {
    const sms = await startSmsGateway();
    harness = await startTestServer({
      smsGateway: { url: sms.url, token: undefined },
      publicUrl: "https://linli.example.gov.cn",
    });
    const receiptCode = await file({ ...LI_XIAOMEI, phone: "13907311234" });
    expect((await step(receiptCode, "needs-materials", "租赁合同需要房东签字页，请补拍上传")).status).toBe(
      200,
    );
    await eventually(() => sms.sent.length === 1);
    expect(sms.sent[0]).toMatchObject({ to: "13907311234" });
    expect(sms.sent[0]!.text).toBe(
      `【邻里】您的居住证申请（回执码 ${receiptCode}）需要补充材料：租赁合同需要房东签字页，请补拍上传。详情 https://linli.example.gov.cn/r/${receiptCode}`,
    );
    // Accepted asks nothing of the resident: no text.
    expect((await step(receiptCode, "accepted")).status).toBe(200);
    expect((await step(receiptCode, "approved")).status).toBe(200);
    await eventually(() => sms.sent.length === 2);
    expect(sms.sent[1]!.text).toContain("已批准，请凭回执码到社区服务中心领取");
    expect((await step(receiptCode, "completed")).status).toBe(200);
    await eventually(() => sms.sent.length === 3);
    expect(sms.sent[2]!.text).toContain(`欢迎为这次办理打分：https://linli.example.gov.cn/r/${receiptCode}`);

    // No phone given and none in the registry: nothing is texted, and the change is made all the same.
    const silent = await file({ idNumber: "11010519491231002X", name: "钱多多", phone: null });
    expect((await step(silent, "rejected", "不符合本地居住半年的条件")).body.status).toBe("rejected");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sms.sent).toHaveLength(3);
  });

  it("a text the gateway cannot send does not undo or hold up the change", async () => {
    const sms = await startSmsGateway();
    sms.failing = true;
    harness = await startTestServer({ smsGateway: { url: sms.url, token: undefined } });
    const receiptCode = await file({ ...LI_XIAOMEI, phone: "13907311234" });
    const rejected = await step(receiptCode, "rejected", "材料不齐");
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe("rejected");
    const view = await harness.api<{ status: string }>("GET", `/api/v1/public/applications/${receiptCode}`);
    expect(view.body.status).toBe("rejected");
  });
});
