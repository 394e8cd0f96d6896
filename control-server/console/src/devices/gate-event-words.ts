import type { GateEventView } from "@linli/protocol";
import type { Translate } from "../i18n/i18n";

const KNOWN_REASONS = [1, 6, 7, 15, 18, 20, 23, 24, 37, 38, 39, 43, 44] as const;
type KnownReason = (typeof KNOWN_REASONS)[number];

/** The controller's reason in the console's words; a reason this console does not know, as the server said it. */
export function gateReason(event: GateEventView, t: Translate): string {
  return (KNOWN_REASONS as readonly number[]).includes(event.reason)
    ? t(`gateReason.${event.reason as KnownReason}`)
    : event.reasonText;
}
