import type {
  CameraSummary,
  DeviceHealthChange,
  GateEventView,
  GateSummary,
  PlateRead,
} from "@linli/protocol";

/** How many gate events and plate reads the page keeps. */
export const RECENT_LIMIT = 30;

/** Puts a new record (newest first) into a list, once, and keeps the newest `RECENT_LIMIT`. */
export function prepend<T extends { id: number }>(list: readonly T[], record: T): T[] {
  if (list.some((held) => held.id === record.id)) return [...list];
  return [record, ...list].sort((a, b) => b.id - a.id).slice(0, RECENT_LIMIT);
}

/** A device's new health, applied to the gate or camera of that name. */
export function withHealth<T extends GateSummary | CameraSummary>(
  devices: readonly T[],
  kind: "gate" | "camera",
  change: DeviceHealthChange,
): T[] {
  if (change.kind !== kind) return [...devices];
  return devices.map((device) =>
    device.name === change.name ? { ...device, health: change.health, since: change.since } : device,
  );
}

export const newestFirst = <T extends { id: number }>(list: readonly T[]) =>
  [...list].sort((a, b) => b.id - a.id);

export type { GateEventView, PlateRead };
