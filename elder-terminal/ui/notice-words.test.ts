import { describe, expect, it } from "vitest";
import type { TerminalNotice } from "../../kiosk/bridge/contract";
import { describeNotice } from "./notice-words";

function notice(
  id: string,
  priority: "normal" | "important" | "emergency",
  body = "请提前储水。",
  heardAt: string | null = null,
) {
  return {
    notice: {
      id,
      title: "明天停水",
      body,
      category: "water",
      priority,
      startsAt: "2026-11-28T00:00:00.000Z",
      endsAt: null,
      requiresConfirmation: true,
      publishedAt: "2026-11-28T08:00:00.000Z",
    },
    heardAt,
  } satisfies TerminalNotice;
}

describe("a notice as the elder hears it", () => {
  it("is said once when normal, twice when important; the screen names its kind and urgency", () => {
    const normal = describeNotice([notice("n1", "normal")], "zh-CN")!;
    expect(normal).toMatchObject({ kicker: "用水通知", title: "明天停水", heard: "听到了", more: null });
    expect(normal.speech).toBe("用水通知：明天停水。请提前储水。");
    const important = describeNotice([notice("n2", "important")], "zh-CN")!;
    expect(important.kicker).toBe("重要 · 用水通知");
    expect(important.speech).toBe(
      "重要用水通知：明天停水。请提前储水。 再说一遍。重要用水通知：明天停水。请提前储水。",
    );
  });

  it("skips notices already heard, counts the others waiting, and speaks in English when asked", () => {
    const list = [
      notice("a", "emergency", "x", "2026-11-28T09:00:00.000Z"),
      notice("b", "normal"),
      notice("c", "normal"),
    ];
    const view = describeNotice(list, "en")!;
    expect(view).toMatchObject({
      noticeId: "b",
      kicker: "Water notice",
      heard: "Heard it",
      more: "1 more waiting",
    });
    expect(describeNotice([list[0]!], "zh-CN")).toBeNull();
  });

  it("a notice too long to say twice in one go (the engine takes 500 characters) is said once, cut to fit", () => {
    const view = describeNotice([notice("long", "emergency", "停".repeat(400))], "zh-CN")!;
    expect(view.speech.length).toBeLessThanOrEqual(500);
    expect(view.speech).not.toContain("再说一遍");
  });
});
