import { describe, expect, it } from "vitest";
import {
  cancelledSince,
  inProgress,
  mergeAlarm,
  mergeAlarms,
  openOldestFirst,
  recentlyClosed,
} from "./alarm-lists";
import { alarmView } from "./alarm-test-data";

const event = (type: "acknowledged" | "note" | "resolved") => ({
  at: "2025-06-03T06:01:00.000Z",
  type,
  actor: "王芳",
  note: null,
});

describe("alarm lists", () => {
  it("keeps the fresher view of an alarm: a slow list never undoes a live change", () => {
    const open = alarmView();
    const taken = alarmView({ status: "acknowledged", events: [...open.events, event("acknowledged")] });
    expect(mergeAlarm([taken], open)).toEqual([taken]);
    expect(mergeAlarm([open], taken)).toEqual([taken]);
    expect(mergeAlarms([taken], [open, alarmView({ id: "a2" })]).map((a) => [a.id, a.status])).toEqual([
      ["a1", "acknowledged"],
      ["a2", "open"],
    ]);
  });

  it("orders the queue oldest first, and closed alarms by when they closed", () => {
    const alarms = [
      alarmView({ id: "new", raisedAt: "2025-06-03T06:05:00.000Z" }),
      alarmView({ id: "old", raisedAt: "2025-06-03T06:01:00.000Z" }),
      alarmView({ id: "taken", status: "acknowledged" }),
      alarmView({ id: "resolved", status: "resolved", resolvedAt: "2025-06-03T07:00:00.000Z" }),
      alarmView({ id: "cancelled", status: "cancelled", cancelledAt: "2025-06-03T08:00:00.000Z" }),
    ];
    expect(openOldestFirst(alarms).map((a) => a.id)).toEqual(["old", "new"]);
    expect(inProgress(alarms).map((a) => a.id)).toEqual(["taken"]);
    expect(recentlyClosed(alarms, 10).map((a) => a.id)).toEqual(["cancelled", "resolved"]);
    expect(recentlyClosed(alarms, 1).map((a) => a.id)).toEqual(["cancelled"]);
  });

  it("finds the queued alarms the elder cancelled", () => {
    const alarms = [alarmView({ status: "cancelled" }), alarmView({ id: "a2", status: "cancelled" })];
    expect(cancelledSince(new Set(["a1"]), alarms).map((a) => a.id)).toEqual(["a1"]);
  });
});
