import type { TerminalSummary } from "@linli/protocol";

/**
 * Elder units that have gone offline: an elder's SOS would not reach the centre. Units never connected
 * yet (enrolled, not installed) and revoked ones are not a risk to warn about. The longest offline first.
 */
export function offlineElderUnits(terminals: readonly TerminalSummary[]): TerminalSummary[] {
  return terminals
    .filter((t) => t.kind === "elder" && !t.revoked && !t.online && t.lastSeenAt !== null)
    .sort((a, b) => Date.parse(a.lastSeenAt!) - Date.parse(b.lastSeenAt!));
}

/** One outage of one unit: acknowledging it does not hide the unit's next outage. */
export const outageKey = (unit: TerminalSummary) => `${unit.id}@${unit.lastSeenAt}`;
