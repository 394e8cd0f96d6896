import type { ServiceRequestView } from "@linli/protocol";

/** A meals request as the server sends it, asked for at `requestedAt` with a 60-minute target. */
export function serviceRequest(overrides: Partial<ServiceRequestView> = {}): ServiceRequestView {
  const requestedAt = overrides.requestedAt ?? "2026-11-28T09:00:00.000Z";
  return {
    id: "r1",
    status: "requested",
    service: { code: "meals", name: "助餐送餐", nameEn: "Meals", targetMinutes: 60 },
    community: { id: "xiangbin", name: "湘滨社区" },
    terminal: { id: "t1", name: "湘滨 王奶奶家" },
    elder: { id: "e1", name: "王秀英", address: "湘滨社区 3 栋 101" },
    provider: null,
    requestedAt,
    acceptedAt: null,
    dispatchedAt: null,
    startedAt: null,
    doneAt: null,
    targetAt: new Date(Date.parse(requestedAt) + 3_600_000).toISOString(),
    targetMissedAt: null,
    rating: null,
    reopenedCount: 0,
    events: [{ at: requestedAt, type: "requested", actor: "湘滨 王奶奶家", note: null }],
    ...overrides,
  };
}
