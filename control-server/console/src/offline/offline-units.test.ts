import type { TerminalSummary } from "@linli/protocol";
import { describe, expect, it } from "vitest";
import { offlineElderUnits, outageKey } from "./offline-units";

const unit = (id: string, overrides: Partial<TerminalSummary> = {}): TerminalSummary => ({
  id,
  name: id,
  kind: "elder",
  communityId: "xiangbin",
  online: false,
  lastSeenAt: "2026-11-28T06:00:00.000Z",
  version: "1.0.0",
  devices: [],
  revoked: false,
  ...overrides,
});

describe("offline elder units", () => {
  it("are the elder units that were online and are not now, the longest offline first", () => {
    const units = [
      unit("later", { lastSeenAt: "2026-11-28T07:00:00.000Z" }),
      unit("online", { online: true }),
      unit("never", { lastSeenAt: null }),
      unit("revoked", { revoked: true }),
      unit("kiosk", { kind: "kiosk" }),
      unit("earlier"),
    ];
    expect(offlineElderUnits(units).map((u) => u.id)).toEqual(["earlier", "later"]);
  });

  it("tell one outage from the next", () => {
    expect(outageKey(unit("a"))).not.toBe(outageKey(unit("a", { lastSeenAt: "2026-11-28T08:00:00.000Z" })));
  });
});
