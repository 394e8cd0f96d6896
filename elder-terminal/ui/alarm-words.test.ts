import { describe, expect, it } from "vitest";
import type { ElderAlarmState } from "../../kiosk/bridge/contract";
import { translator } from "../../kiosk/ui/shared/i18n";
import { describeAlarm, phrases, titleSize } from "./alarm-words";
import { pickVoice, voiceFits } from "./speech";

const zh = translator("zh-CN");
const en = translator("en");

const alarm = (state: Partial<ElderAlarmState>): ElderAlarmState => ({
  raiseId: "r1",
  raisedAt: "2026-11-28T06:00:00.000Z",
  phase: "sending",
  alarmId: null,
  acknowledgedBy: null,
  escalationLevel: 0,
  unreachable: false,
  advisePhone: false,
  ...state,
});

const HELP_IS_COMING = /马上就到|help is on the way/i;

describe("the alarm in an elder's words", () => {
  it("never promises help before a person has taken the call", () => {
    const waiting: Array<Partial<ElderAlarmState>> = [
      { phase: "sending" },
      { phase: "sending", unreachable: true },
      { phase: "sending", unreachable: true, advisePhone: true },
      { phase: "received", alarmId: "a1" },
      { phase: "received", alarmId: "a1", escalationLevel: 3 },
      { phase: "received", alarmId: "a1", unreachable: true },
      { phase: "received", alarmId: "a1", unreachable: true, advisePhone: true },
    ];
    for (const state of waiting) {
      for (const t of [zh, en]) {
        const view = describeAlarm(alarm(state), t);
        expect(`${view.title} ${view.hint} ${view.speech}`, JSON.stringify(state)).not.toMatch(
          HELP_IS_COMING,
        );
        expect(view).toMatchObject({ repeats: true, cancellable: true, closed: false });
      }
    }
    const taken = describeAlarm(alarm({ phase: "acknowledged", acknowledgedBy: "李娟" }), zh);
    expect(taken).toMatchObject({
      scene: "acknowledged",
      title: "李娟已接听，救助人员马上就到",
      speech: "李娟已接听，救助人员马上就到。请在家等候。",
      cancellable: true,
      repeats: false,
    });
  });

  it("says each state plainly, as the brief words it", () => {
    const title = (state: Partial<ElderAlarmState>) => describeAlarm(alarm(state), zh).title;
    expect(title({})).toBe("正在呼叫服务中心…");
    expect(title({ unreachable: true })).toBe("暂时联系不上服务中心，正在重试");
    expect(title({ unreachable: true, advisePhone: true })).toBe("请直接拨打 120，或家人电话");
    expect(title({ phase: "received" })).toBe("服务中心已收到您的呼叫，正在安排人员");
    expect(title({ phase: "resolved" })).toBe("本次求助已处理完毕");
    expect(title({ phase: "cancelled" })).toBe("已取消，如需帮助请再按紧急呼叫");
    expect(describeAlarm(alarm({ phase: "acknowledged" }), zh).title).toBe(
      "服务中心已接听，救助人员马上就到",
    );
    expect(describeAlarm(alarm({ phase: "resolved" }), zh)).toMatchObject({
      closed: true,
      cancellable: false,
    });
  });

  it("does not change a word when the alarm escalates, so that escalation cannot frighten", () => {
    const calm = describeAlarm(alarm({ phase: "received", alarmId: "a1" }), zh);
    const escalated = describeAlarm(alarm({ phase: "received", alarmId: "a1", escalationLevel: 2 }), zh);
    expect(escalated).toEqual(calm);
  });

  it("changes its key exactly when there is something new to say", () => {
    const key = (state: Partial<ElderAlarmState>) => describeAlarm(alarm(state), zh).key;
    expect(key({ phase: "received", escalationLevel: 1 })).toBe(key({ phase: "received" }));
    expect(key({ phase: "received", unreachable: true })).not.toBe(key({ phase: "received" }));
    expect(key({ phase: "acknowledged", acknowledgedBy: "李娟" })).not.toBe(
      key({ phase: "acknowledged", acknowledgedBy: "王芳" }),
    );
    expect(key({ raiseId: "r2" })).not.toBe(key({}));
  });

  it("breaks titles between phrases, in a size that keeps the longest phrase on one line", () => {
    expect(phrases("服务中心已收到您的呼叫，正在安排人员")).toEqual([
      "服务中心已收到您的呼叫，",
      "正在安排人员",
    ]);
    expect(titleSize("服务中心已收到您的呼叫，正在安排人员")).toBeGreaterThanOrEqual(48);
    expect(titleSize("服务中心已收到您的呼叫，正在安排人员") * 12).toBeLessThanOrEqual(636);
    expect(titleSize("本次求助已处理完毕")).toBe(69);
    expect(titleSize(en("alarm.received"))).toBe(48);
  });
});

describe("the voice", () => {
  it("takes Mandarin voices for zh-CN (mainland first), never Cantonese; English ones for en", () => {
    expect(voiceFits("zh-CN", "zh-CN")).toBe(true);
    expect(voiceFits("cmn-Hans-CN", "zh-CN")).toBe(true);
    expect(voiceFits("zh_TW", "zh-CN")).toBe(true);
    expect(voiceFits("zh-HK", "zh-CN")).toBe(false);
    expect(voiceFits("yue-Hant-HK", "zh-CN")).toBe(false);
    expect(voiceFits("en-GB", "zh-CN")).toBe(false);
    expect(voiceFits("en-GB", "en")).toBe(true);
    const voices = [{ lang: "en-US" }, { lang: "zh-TW" }, { lang: "zh-HK" }, { lang: "zh-CN" }];
    expect(pickVoice(voices, "zh-CN")?.lang).toBe("zh-CN");
    expect(pickVoice(voices.slice(0, 3), "zh-CN")?.lang).toBe("zh-TW");
    expect(pickVoice([{ lang: "zh-HK" }], "zh-CN")).toBeNull();
    expect(pickVoice(voices, "en")?.lang).toBe("en-US");
  });
});
