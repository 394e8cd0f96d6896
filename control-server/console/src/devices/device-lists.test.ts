import type { GateSummary } from "@linli/protocol";
import { describe, expect, it } from "vitest";
import { prepend, RECENT_LIMIT, withHealth } from "./device-lists";

describe("device lists", () => {
  it("add each live record once, newest first, keeping the latest few", () => {
    const list = Array.from({ length: RECENT_LIMIT }, (_, i) => ({ id: RECENT_LIMIT - i }));
    const next = prepend(list, { id: RECENT_LIMIT + 1 });
    expect(next[0]).toEqual({ id: RECENT_LIMIT + 1 });
    expect(next).toHaveLength(RECENT_LIMIT);
    expect(prepend(next, { id: RECENT_LIMIT + 1 })).toEqual(next);
  });

  it("apply a health change to the device of that kind and name only", () => {
    const gate = {
      name: "east",
      health: { device: "east", status: "ok" },
      since: "2026-11-28T01:00:00.000Z",
    } as GateSummary;
    const change = {
      kind: "gate" as const,
      name: "east",
      communityId: "xiangbin",
      health: { device: "east", status: "unavailable" as const, reason: "no reply" },
      since: "2026-11-28T02:00:00.000Z",
    };
    expect(withHealth([gate], "gate", change)[0]).toMatchObject({
      health: { status: "unavailable", reason: "no reply" },
      since: "2026-11-28T02:00:00.000Z",
    });
    expect(withHealth([gate], "camera", change)[0]).toBe(gate);
  });
});
