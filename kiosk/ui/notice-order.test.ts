import type { Notice } from "@linli/protocol";
import { describe, expect, it } from "vitest";
import type { TerminalSnapshot } from "../bridge/contract";
import { currentNotices } from "./notice-order";

const NOW = new Date("2026-06-03T10:00:00+08:00");

function notice(
  id: string,
  priority: Notice["priority"],
  publishedAt: string,
  window: Partial<Notice> = {},
): Notice {
  return {
    id,
    title: id,
    body: `${id} body`,
    category: "community",
    priority,
    startsAt: "2026-06-01T00:00:00+08:00",
    endsAt: null,
    requiresConfirmation: false,
    publishedAt,
    ...window,
  };
}

function snapshotWith(notices: Notice[], cached: Notice[] = []): TerminalSnapshot {
  return {
    notices: notices.map((entry) => ({ notice: entry, heardAt: null })),
    content: cached.length ? ({ notices: cached } as TerminalSnapshot["content"]) : null,
  } as TerminalSnapshot;
}

describe("currentNotices", () => {
  it("puts emergency first, then important, newest first within each", () => {
    const list = currentNotices(
      snapshotWith([
        notice("old-normal", "normal", "2026-06-01T09:00:00+08:00"),
        notice("important", "important", "2026-06-01T08:00:00+08:00"),
        notice("new-normal", "normal", "2026-06-02T09:00:00+08:00"),
        notice("emergency", "emergency", "2026-05-31T09:00:00+08:00"),
      ]),
      NOW,
    );
    expect(list.map((n) => n.id)).toEqual(["emergency", "important", "new-normal", "old-normal"]);
  });

  it("leaves out notices not started yet or already ended", () => {
    const list = currentNotices(
      snapshotWith([
        notice("later", "normal", "2026-06-01T09:00:00+08:00", { startsAt: "2026-06-04T00:00:00+08:00" }),
        notice("ended", "normal", "2026-06-01T09:00:00+08:00", { endsAt: "2026-06-03T09:59:00+08:00" }),
        notice("on", "normal", "2026-06-01T09:00:00+08:00", { endsAt: "2026-06-03T18:00:00+08:00" }),
      ]),
      NOW,
    );
    expect(list.map((n) => n.id)).toEqual(["on"]);
  });

  it("falls back to the cached kiosk content before the terminal has its own list", () => {
    const list = currentNotices(
      snapshotWith([], [notice("cached", "normal", "2026-06-01T09:00:00+08:00")]),
      NOW,
    );
    expect(list.map((n) => n.id)).toEqual(["cached"]);
  });
});
