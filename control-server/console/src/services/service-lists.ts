import type { ServiceRequestView, ServiceStatus } from "@linli/protocol";

const time = (iso: string | null) => (iso ? Date.parse(iso) : 0);

/**
 * The fresher of two views of one request. Its history only grows, so the longer one is newer; on a tie
 * the one already held wins (a list fetched before a live event must not undo it).
 */
export function fresher(held: ServiceRequestView, incoming: ServiceRequestView): ServiceRequestView {
  return incoming.events.length >= held.events.length ? incoming : held;
}

/** Puts one request into the list, unless the list already holds a fresher view of it. */
export function mergeRequest(
  list: readonly ServiceRequestView[],
  request: ServiceRequestView,
): ServiceRequestView[] {
  const index = list.findIndex((r) => r.id === request.id);
  if (index < 0) return [...list, request];
  const kept = fresher(list[index]!, request);
  return kept === list[index] ? [...list] : list.map((r, i) => (i === index ? kept : r));
}

export function mergeRequests(
  list: readonly ServiceRequestView[],
  fetched: readonly ServiceRequestView[],
): ServiceRequestView[] {
  return fetched.reduce<ServiceRequestView[]>((merged, request) => mergeRequest(merged, request), [...list]);
}

/** States a request is still being worked on in, in the order it moves through them. */
export const openStatuses = ["requested", "accepted", "dispatched", "in-progress"] as const;
export const closedStatuses = ["done", "cancelled"] as const;

export const isOpen = (status: ServiceStatus) => (openStatuses as readonly string[]).includes(status);

/** When a closed request was closed: done, or the time of its cancellation. */
export function closedAt(request: ServiceRequestView): number {
  if (request.doneAt) return time(request.doneAt);
  const cancelled = request.events.findLast((e) => e.type === "cancelled");
  return time(cancelled?.at ?? request.requestedAt);
}

/**
 * The requests in one state: open ones the soonest due first (the one to act on is at the top), closed
 * ones the most recently closed first, at most `closedLimit`.
 */
export function inState(
  requests: readonly ServiceRequestView[],
  status: ServiceStatus,
  closedLimit: number,
): ServiceRequestView[] {
  const matching = requests.filter((r) => r.status === status);
  if (isOpen(status)) return matching.sort((a, b) => time(a.targetAt) - time(b.targetAt));
  return matching.sort((a, b) => closedAt(b) - closedAt(a)).slice(0, closedLimit);
}

/** Why a request was cancelled: the note of its last cancellation. */
export const cancelReason = (request: ServiceRequestView) =>
  request.events.findLast((e) => e.type === "cancelled")?.note ?? null;
