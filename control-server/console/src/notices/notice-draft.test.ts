import { describe, expect, it } from "vitest";
import { emptyNotice, toNoticeInput, validateNoticeDraft } from "./notice-draft";

const now = new Date("2026-11-28T10:00:00").getTime();

describe("the publish form", () => {
  it("names every missing or wrong field", () => {
    const draft = { ...emptyNotice(null), terminalKinds: [], endsAt: "2026-11-28T09:00" };
    expect(validateNoticeDraft(draft, now)).toEqual({
      title: "noticeForm.titleRequired",
      body: "noticeForm.bodyRequired",
      terminalKinds: "noticeForm.kindsRequired",
      endsAt: "noticeForm.endBeforeStart",
    });
    const scheduled = {
      ...emptyNotice(null),
      title: "停电",
      body: "明天停电",
      startsAt: "2026-11-29T08:00",
      endsAt: "2026-11-29T07:00",
    };
    expect(validateNoticeDraft(scheduled, now)).toEqual({ endsAt: "noticeForm.endBeforeStart" });
    expect(validateNoticeDraft({ ...scheduled, endsAt: "2026-11-29T18:00" }, now)).toEqual({});
  });

  it("community staff start with their own community; the input carries instants and trimmed text", () => {
    expect(emptyNotice("xiangbin").communityIds).toEqual(["xiangbin"]);
    const input = toNoticeInput({
      ...emptyNotice(null),
      title: "  停水通知 ",
      body: " 明天停水 ",
      startsAt: "2026-11-29T08:00",
      endsAt: "",
    });
    expect(input).toEqual(
      expect.objectContaining({
        title: "停水通知",
        body: "明天停水",
        communityIds: [],
        startsAt: new Date("2026-11-29T08:00").toISOString(),
        endsAt: null,
      }),
    );
  });
});
