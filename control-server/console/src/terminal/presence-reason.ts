import type { Translate } from "../i18n/i18n";

const KNOWN_REASONS = ["connected", "disconnected", "silent", "revoked", "server-restart"] as const;
type KnownReason = (typeof KNOWN_REASONS)[number];

/** Why a terminal came or went, in words ("长时间无响应"); a reason newer than this console is shown raw. */
export function presenceReason(reason: string, t: Translate): string {
  return (KNOWN_REASONS as readonly string[]).includes(reason)
    ? t(`presenceReason.${reason as KnownReason}`)
    : reason;
}
