import type { TerminalSummary } from "@linli/protocol";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Fleet } from "../fleet/use-fleet";
import { useI18n } from "../i18n/i18n";
import { offlineElderUnits, outageKey } from "./offline-units";

const storageKey = (staffId: string) => `linli.console.offline-seen.${staffId}`;

function loadSeen(staffId: string): Set<string> {
  try {
    return new Set(JSON.parse(sessionStorage.getItem(storageKey(staffId)) ?? "[]") as string[]);
  } catch {
    return new Set();
  }
}

/**
 * The elder units offline that this staff member has not yet acknowledged (for this browser session, so
 * that a reload does not nag again); a unit that comes back leaves the list, and its next outage warns
 * anew. Says politely when a unit goes offline or comes back.
 */
export function useOfflineWarning(fleet: Fleet, staffId: string) {
  const { t } = useI18n();
  const [seen, setSeen] = useState(() => loadSeen(staffId));
  const [announcement, setAnnouncement] = useState("");
  const offline = useMemo(() => offlineElderUnits(fleet.terminals ?? []), [fleet.terminals]);
  const previous = useRef<Map<string, TerminalSummary> | null>(null);

  useEffect(() => {
    const now = new Map(offline.map((unit) => [unit.id, unit]));
    const before = previous.current;
    previous.current = now;
    // The first list is what was already so, not news.
    if (!before) return;
    const gone = offline.filter((unit) => !before.has(unit.id));
    const back = [...before.values()].filter(
      (unit) => !now.has(unit.id) && fleet.terminals?.find((t) => t.id === unit.id)?.online,
    );
    const words = [
      ...gone.map((unit) => t("offline.announce", { name: unit.name })),
      ...back.map((unit) => t("offline.back", { name: unit.name })),
    ];
    if (words.length > 0) setAnnouncement(words.join(" "));
  }, [offline, fleet.terminals, t]);

  const acknowledge = useCallback(
    (unit: TerminalSummary) => {
      setSeen((held) => {
        const next = new Set(held).add(outageKey(unit));
        sessionStorage.setItem(storageKey(staffId), JSON.stringify([...next]));
        return next;
      });
    },
    [staffId],
  );

  const units = offline.filter((unit) => !seen.has(outageKey(unit)));
  return { units, acknowledge, announcement };
}
