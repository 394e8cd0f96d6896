import { describe, expect, it } from "vitest";
import { cancelReason, inState, mergeRequest } from "./service-lists";
import { serviceRequest } from "./service-test-data";

describe("service lists", () => {
  it("keep the fresher view of a request: a list fetched before a live change does not undo it", () => {
    const requested = serviceRequest();
    const accepted = serviceRequest({
      status: "accepted",
      events: [
        ...requested.events,
        { at: "2026-11-28T09:05:00.000Z", type: "accepted", actor: "王芳", note: null },
      ],
    });
    expect(mergeRequest([accepted], requested)).toEqual([accepted]);
    expect(mergeRequest([requested], accepted)).toEqual([accepted]);
    expect(mergeRequest([], requested)).toEqual([requested]);
  });

  it("put the soonest due open request first, and the most recently closed first", () => {
    const late = serviceRequest({ id: "late", requestedAt: "2026-11-28T08:00:00.000Z" });
    const soon = serviceRequest({ id: "soon", requestedAt: "2026-11-28T09:00:00.000Z" });
    const reopened = serviceRequest({
      id: "reopened",
      status: "accepted",
      requestedAt: "2026-11-28T07:00:00.000Z",
      targetAt: "2026-11-28T12:00:00.000Z",
    });
    const all = [soon, reopened, late];
    expect(inState(all, "requested", 10).map((r) => r.id)).toEqual(["late", "soon"]);
    expect(inState(all, "accepted", 10).map((r) => r.id)).toEqual(["reopened"]);

    const cancelled = (id: string, at: string) =>
      serviceRequest({
        id,
        status: "cancelled",
        events: [{ at, type: "cancelled", actor: "王芳", note: `不需要了 ${id}` }],
      });
    const done = serviceRequest({ id: "done", status: "done", doneAt: "2026-11-28T10:30:00.000Z" });
    const closed = [
      cancelled("a", "2026-11-28T09:10:00.000Z"),
      cancelled("b", "2026-11-28T11:00:00.000Z"),
      done,
    ];
    expect(inState(closed, "cancelled", 10).map((r) => r.id)).toEqual(["b", "a"]);
    expect(inState(closed, "cancelled", 1).map((r) => r.id)).toEqual(["b"]);
    expect(cancelReason(closed[1]!)).toBe("不需要了 b");
    expect(inState(closed, "done", 10).map((r) => r.id)).toEqual(["done"]);
  });
});
