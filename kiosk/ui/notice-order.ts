import type { Notice } from "@linli/protocol";
import type { TerminalSnapshot } from "../bridge/contract";

const RANK: Record<Notice["priority"], number> = { emergency: 0, important: 1, normal: 2 };

/**
 * The notices to show now: the terminal's own list (or, before it has one, the cached kiosk content),
 * only those in their time window, emergency first, then important, newest first within each.
 */
export function currentNotices(snapshot: TerminalSnapshot, now: Date): Notice[] {
  const list =
    snapshot.notices.length > 0
      ? snapshot.notices.map((entry) => entry.notice)
      : (snapshot.content?.notices ?? []);
  const at = now.getTime();
  return list
    .filter(
      (notice) => Date.parse(notice.startsAt) <= at && (!notice.endsAt || Date.parse(notice.endsAt) > at),
    )
    .sort(
      (a, b) => RANK[a.priority] - RANK[b.priority] || Date.parse(b.publishedAt) - Date.parse(a.publishedAt),
    );
}
