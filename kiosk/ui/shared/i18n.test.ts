import type { DeviceHealth } from "@linli/protocol";
import { describe, expect, it } from "vitest";
import type { TerminalSnapshot } from "../../bridge/contract";
import { describeDevices, describeLink, describeOutbox } from "./describe-status";
import { dictionaries, pickLocale, translator } from "./i18n";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("terminal dictionary", () => {
  it("has every key in every language, non-empty, with the same placeholders", () => {
    const zh = dictionaries["zh-CN"];
    for (const [key, english] of Object.entries(dictionaries.en)) {
      const chinese = zh[key as keyof typeof zh];
      expect(chinese.trim(), key).not.toBe("");
      expect(english.trim(), key).not.toBe("");
      expect(placeholders(english), key).toEqual(placeholders(chinese));
    }
  });

  it("follows the locale staff set, Chinese unless it is English", () => {
    expect(pickLocale("en-US")).toBe("en");
    expect(pickLocale("zh-CN")).toBe("zh-CN");
    expect(pickLocale(undefined)).toBe("zh-CN");
    expect(pickLocale(42)).toBe("zh-CN");
  });
});

describe("status in plain words", () => {
  const t = translator("zh-CN");
  const snapshot = (link: TerminalSnapshot["link"]): TerminalSnapshot => {
    // Built as a value, not returned as a literal: the snapshot grows fields (elder services) that these
    // link tests do not care about, and an extra field must not fail them while the contract catches up.
    const fields = {
      kind: "kiosk" as const,
      version: "1.0.0",
      terminalId: "t1",
      link,
      outbox: { pending: 0, oldestAt: null, rejected: 0 },
      alarm: null,
      services: [],
      lastCheckinAt: null,
      notices: [],
      content: null,
      resident: null,
      submitted: [],
      devices: [],
      settings: {},
    };
    return fields;
  };

  it("names each link state honestly and keeps the runtime's detail when something is wrong", () => {
    const at = new Date().toISOString();
    expect(describeLink(snapshot({ state: "online", since: at, detail: null }), true, t)).toMatchObject({
      tone: "ok",
      title: "在线",
      detail: null,
    });
    expect(
      describeLink(snapshot({ state: "offline", since: at, detail: "transport close" }), true, t),
    ).toMatchObject({
      tone: "warning",
      title: "网络中断，正在重试",
      detail: "transport close",
    });
    expect(describeLink(snapshot({ state: "refused", since: at, detail: "revoked" }), true, t).title).toBe(
      "终端未注册或已被停用",
    );
    expect(describeLink(null, true, t).title).toBe("正在连接");
    expect(describeLink(snapshot({ state: "online", since: at, detail: null }), false, t).title).toBe(
      "终端程序没有响应",
    );
  });

  it("says how many records wait, and which devices do not work", () => {
    expect(describeOutbox({ pending: 2, oldestAt: null, rejected: 0 }, t)).toEqual([
      "2 条记录已保存在本机，网络恢复后自动发送",
    ]);
    expect(describeOutbox({ pending: 0, oldestAt: null, rejected: 0 }, t)).toEqual([]);
    const devices: DeviceHealth[] = [
      { device: "receipt-printer", status: "unavailable", reason: "paper out" },
      { device: "idCard", status: "degraded" },
      { device: "buttons", status: "ok" },
      { device: "gizmo", status: "unavailable" },
    ];
    expect(describeDevices(devices, t)).toEqual([
      "打印机暂时无法使用",
      "身份证读卡器工作不正常",
      "设备“gizmo”暂时无法使用",
    ]);
  });
});
