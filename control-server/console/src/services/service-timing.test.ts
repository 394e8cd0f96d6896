import { describe, expect, it } from "vitest";
import { dictionaries, type MessageKey } from "../i18n/messages";
import { serviceRequest } from "./service-test-data";
import { serviceTiming, timingWords } from "./service-timing";

const t = (key: MessageKey, params?: Record<string, string | number>) =>
  dictionaries["zh-CN"][key].replace(/\{(\w+)\}/g, (whole, name: string) => String(params?.[name] ?? whole));
const at = (time: string) => Date.parse(`2026-11-28T${time}Z`);

describe("service timing", () => {
  it("says how long is left, and how far past the target an open request is", () => {
    const request = serviceRequest();
    expect(timingWords(serviceTiming(request, at("09:25:00")), t)).toBe("时限内，还剩 35 分钟");
    expect(timingWords(serviceTiming(request, at("09:59:30")), t)).toBe("时限内，还剩 不到 1 分钟");
    expect(timingWords(serviceTiming(request, at("10:12:40")), t)).toBe("已超时 12 分钟");
    expect(timingWords(serviceTiming(request, at("11:30:00")), t)).toBe("已超时 1 小时 30 分钟");
    expect(timingWords(serviceTiming(request, at("14:00:30")), t)).toBe("已超时 4 小时");
    expect(timingWords(serviceTiming(request, at("10:00:00") + 86_400_000), t)).toBe("已超时 1 天");
    expect(timingWords(serviceTiming(request, at("10:00:00") + 2 * 86_400_000 + 3 * 3_600_000), t)).toBe(
      "已超时 2 天 3 小时",
    );
  });

  it("believes the server's flag over a clock that runs behind", () => {
    const flagged = serviceRequest({ targetMissedAt: "2026-11-28T10:00:01.000Z" });
    expect(serviceTiming(flagged, at("09:59:00")).kind).toBe("overdue");
  });

  it("says whether a done request was on time, and how long it took", () => {
    const onTime = serviceRequest({ status: "done", doneAt: "2026-11-28T09:40:00.000Z" });
    expect(timingWords(serviceTiming(onTime, at("12:00:00")), t)).toBe("按时完成，用时 40 分钟");
    const late = serviceRequest({ status: "done", doneAt: "2026-11-28T10:20:00.000Z" });
    expect(timingWords(serviceTiming(late, at("12:00:00")), t)).toBe("超时完成，用时 1 小时 20 分钟");
    expect(timingWords(serviceTiming(serviceRequest({ status: "cancelled" }), at("12:00:00")), t)).toBe(
      "已取消",
    );
  });
});
