import { describe, expect, it } from "vitest";
import type { ElderServiceState } from "../../kiosk/bridge/contract";
import { translator } from "../../kiosk/ui/shared/i18n";
import { describeService, doneKey, focusService, summarizeServices } from "./service-words";

const zh = translator("zh-CN");
const en = translator("en");

const request = (state: Partial<ElderServiceState>): ElderServiceState => ({
  requestEventId: "r1",
  serviceCode: "meals",
  serviceName: null,
  status: "sending",
  providerName: null,
  rating: null,
  requestedAt: "2026-11-28T02:00:00.000Z",
  at: "2026-11-28T02:00:00.000Z",
  ...state,
});

const none = new Set<string>();
const context = { online: true, ratedHere: none, othersActive: 0 };

describe("a service request in an elder's words", () => {
  it("says each step plainly, naming the provider once one is sent", () => {
    const title = (state: Partial<ElderServiceState>) => describeService(request(state), zh, context)?.title;
    expect(title({ status: "sending" })).toBe("已为您预约助餐送餐，正在等待社区受理");
    expect(title({ status: "requested", serviceName: "助餐送餐" })).toBe(
      "已为您预约助餐送餐，正在等待社区受理",
    );
    expect(title({ status: "accepted" })).toBe("社区已受理您的助餐送餐，正在安排人员");
    expect(title({ status: "dispatched", providerName: "湘滨长者食堂" })).toBe(
      "已派单，湘滨长者食堂为您服务",
    );
    expect(title({ status: "in-progress", providerName: "湘滨长者食堂" })).toBe(
      "湘滨长者食堂已上门，正在为您服务",
    );
    expect(title({ status: "done" })).toBe("助餐送餐已完成，您满意吗？");
    expect(title({ status: "cancelled" })).toBe("社区已取消您的助餐送餐");
    const refused = describeService(request({ status: "refused" }), zh, context);
    expect(refused).toMatchObject({ title: "助餐送餐暂时叫不了", closed: true });
    expect(refused?.speech).toContain("请按呼叫键");
    expect(title({ status: "dispatched" })).toBe("已派单，服务人员为您服务");
    expect(
      describeService(request({ status: "dispatched", providerName: "湘滨长者食堂" }), zh, context)?.speech,
    ).toBe("您的助餐送餐已派单，由湘滨长者食堂为您服务，请在家等候。");
  });

  it("is honest about a request still on the unit while the link is down", () => {
    const offline = describeService(request({ status: "sending" }), zh, { ...context, online: false });
    expect(offline?.hint).toBe("已保存在本机，网络恢复后自动发送");
    const received = describeService(request({ status: "requested" }), zh, { ...context, online: false });
    expect(received?.hint).toBe("社区受理后，本机会告诉您");
  });

  it("says 'booked' once: the centre's confirmation does not change the key", () => {
    const key = (state: Partial<ElderServiceState>) => describeService(request(state), zh, context)?.key;
    expect(key({ status: "requested", at: "2026-11-28T02:00:01.000Z" })).toBe(key({ status: "sending" }));
    expect(key({ status: "accepted" })).not.toBe(key({ status: "requested" }));
    expect(key({ status: "dispatched", providerName: "A" })).not.toBe(
      key({ status: "dispatched", providerName: "B" }),
    );
  });

  it("asks for a rating once done; good closes it; bad or not done is followed up, said once", () => {
    const done = request({ status: "done", at: "2026-11-28T03:00:00.000Z" });
    expect(describeService(done, zh, context)).toMatchObject({ scene: "rate", question: true });
    expect(describeService({ ...done, rating: "good" }, zh, context)).toBeNull();

    const ratedHere = new Set([doneKey(done)]);
    const local = describeService({ ...done, rating: "not-done" }, zh, { ...context, ratedHere });
    expect(local).toMatchObject({ scene: "followup", title: "已转告社区，工作人员会尽快跟进" });
    // The centre reopens it: accepted again, rated 'not done'; the same words, the same key.
    const reopened = describeService(
      { ...done, status: "accepted", rating: "not-done", at: "2026-11-28T03:00:01.000Z" },
      zh,
      { ...context, ratedHere },
    );
    expect(reopened?.key).toBe(local?.key);
    // Done a second time: asked again, although the old 'not done' is still on the request.
    const again = { ...done, rating: "not-done" as const, at: "2026-11-28T04:00:00.000Z" };
    expect(describeService(again, zh, { ...context, ratedHere })).toMatchObject({ scene: "rate" });
    expect(describeService(again, zh, { ...context, ratedHere })?.key).not.toBe(
      describeService(done, zh, context)?.key,
    );
  });

  it("works in English, with the unit's own service names", () => {
    const view = describeService(request({ status: "accepted", serviceCode: "housekeeping" }), en, context);
    expect(view?.title).toBe("The centre accepted your Cleaning, finding someone");
    const unknown = describeService(request({ serviceCode: "laundry", serviceName: "洗衣" }), zh, context);
    expect(unknown?.title).toBe("已为您预约洗衣，正在等待社区受理");
  });
});

describe("which request the service screen shows", () => {
  const meals = request({
    requestEventId: "m",
    status: "dispatched",
    providerName: "食堂",
    at: "2026-11-28T02:10:00Z",
  });
  const cleaning = request({
    requestEventId: "c",
    serviceCode: "housekeeping",
    status: "requested",
    requestedAt: "2026-11-28T02:05:00Z",
    at: "2026-11-28T02:05:00Z",
  });

  it("the latest news, with how many others are under way; what the elder put away stays away", () => {
    const first = focusService([cleaning, meals], zh, { online: true, ratedHere: none, dismissed: none });
    expect(first).toMatchObject({ requestEventId: "m", others: "另有 1 项服务正在办理" });
    const next = focusService([cleaning, meals], zh, {
      online: true,
      ratedHere: none,
      dismissed: new Set([first!.key]),
    });
    expect(next).toMatchObject({ requestEventId: "c", others: "另有 1 项服务正在办理" });
    expect(
      focusService([cleaning, meals], zh, {
        online: true,
        ratedHere: none,
        dismissed: new Set([first!.key, next!.key]),
      }),
    ).toBeNull();
  });

  it("a question to rate comes before other news", () => {
    const done = request({ requestEventId: "d", status: "done", at: "2026-11-28T01:00:00Z" });
    expect(focusService([meals, done], zh, { online: true, ratedHere: none, dismissed: none })).toMatchObject(
      {
        requestEventId: "d",
        question: true,
      },
    );
  });

  it("sums up what is under way: the newest, and a count", () => {
    expect(summarizeServices([cleaning, meals], zh)).toEqual({
      active: 2,
      line: "正在办理：家政保洁，等待受理",
    });
    expect(summarizeServices([request({ status: "done" })], zh)).toEqual({ active: 0, line: null });
  });
});
