import { describe, expect, it } from "vitest";
import { dictionaries, type MessageKey } from "../i18n/messages";
import { alarmView } from "./alarm-test-data";
import { escalationWords, latestContactNote } from "./escalation-words";

const t = (key: MessageKey, params?: Record<string, string | number>) =>
  dictionaries["zh-CN"][key].replace(/\{(\w+)\}/g, (whole, name: string) => String(params?.[name] ?? whole));

describe("escalation in words", () => {
  it("says nothing before the alarm escalates", () => {
    expect(escalationWords(alarmView(), t)).toBeNull();
  });

  it("names the supervisor and the contact being texted, in calling order, then the end of the list", () => {
    expect(escalationWords(alarmView({ escalationLevel: 1 }), t)).toEqual({
      headline: "已超时未接，已通知主管（第 1 级）",
      contacts: "正在短信通知家属（按拨打顺序，第 1/2 位）",
    });
    expect(escalationWords(alarmView({ escalationLevel: 2 }), t)?.contacts).toBe(
      "正在短信通知家属（按拨打顺序，第 2/2 位）",
    );
    expect(escalationWords(alarmView({ escalationLevel: 3 }), t)?.contacts).toBe(
      "已按顺序短信通知到最后一位家属（2/2），请电话跟进",
    );
  });

  it("says when nobody can be texted", () => {
    expect(escalationWords(alarmView({ escalationLevel: 1, elder: null }), t)?.contacts).toBe(
      "此终端未关联老人档案，无法通知家属",
    );
    const alone = alarmView().elder!;
    expect(
      escalationWords(alarmView({ escalationLevel: 1, elder: { ...alone, emergencyContacts: [] } }), t)
        ?.contacts,
    ).toBe("档案中没有紧急联系人，无人可短信通知");
  });

  it("passes on the server's word about the last text, failure included", () => {
    const note = "未能短信通知紧急联系人 王强（儿子）：gateway down，请电话联系";
    const alarm = alarmView({
      escalationLevel: 1,
      events: [
        ...alarmView().events,
        { at: "2025-06-03T06:01:00.000Z", type: "contact-notified", actor: null, note },
      ],
    });
    expect(latestContactNote(alarm)).toBe(note);
    expect(latestContactNote(alarmView())).toBeNull();
  });
});
