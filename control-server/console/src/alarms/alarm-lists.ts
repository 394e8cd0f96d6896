import type { AlarmView } from "@linli/protocol";

const time = (iso: string | null) => (iso ? Date.parse(iso) : 0);

/**
 * The fresher of two views of one alarm. A history only grows, so the longer one is newer; on a tie the
 * one already held wins (a list fetched before a live event must not undo it).
 */
export function fresher(held: AlarmView, incoming: AlarmView): AlarmView {
  return incoming.events.length >= held.events.length ? incoming : held;
}

/** Puts one alarm into the list, unless the list already holds a fresher view of it. */
export function mergeAlarm(list: readonly AlarmView[], alarm: AlarmView): AlarmView[] {
  const index = list.findIndex((a) => a.id === alarm.id);
  if (index < 0) return [...list, alarm];
  const kept = fresher(list[index]!, alarm);
  return kept === list[index] ? [...list] : list.map((a, i) => (i === index ? kept : a));
}

/** Merges a fetched list into what is held: new alarms are added, each known one keeps its freshest view. */
export function mergeAlarms(list: readonly AlarmView[], fetched: readonly AlarmView[]): AlarmView[] {
  return fetched.reduce<AlarmView[]>((merged, alarm) => mergeAlarm(merged, alarm), [...list]);
}

/** The queue: alarms nobody has taken yet, the longest-waiting first. */
export const openOldestFirst = (alarms: readonly AlarmView[]) =>
  alarms.filter((a) => a.status === "open").sort((a, b) => time(a.raisedAt) - time(b.raisedAt));

/** Taken and being handled, the longest-running first. */
export const inProgress = (alarms: readonly AlarmView[]) =>
  alarms.filter((a) => a.status === "acknowledged").sort((a, b) => time(a.raisedAt) - time(b.raisedAt));

/** When an alarm was closed: resolved by staff, or cancelled by the elder. */
export const closedAt = (alarm: AlarmView) => alarm.resolvedAt ?? alarm.cancelledAt ?? alarm.receivedAt;

/** Resolved and cancelled (false) alarms, the most recently closed first. */
export const recentlyClosed = (alarms: readonly AlarmView[], limit: number) =>
  alarms
    .filter((a) => a.status === "resolved" || a.status === "cancelled")
    .sort((a, b) => time(closedAt(b)) - time(closedAt(a)))
    .slice(0, limit);

/**
 * Alarms that were open in `before` and are now cancelled: the elder called them off while staff were
 * watching the queue, which the console says instead of letting the alarm silently vanish.
 */
export function cancelledSince(before: ReadonlySet<string>, alarms: readonly AlarmView[]): AlarmView[] {
  return alarms.filter((a) => a.status === "cancelled" && before.has(a.id));
}
