import type { AlarmView } from "@linli/protocol";
import { useCallback, useEffect, useRef, useState } from "react";
import { useI18n } from "../i18n/i18n";
import { cancelledSince } from "./alarm-lists";
import { alarmCaller } from "./alarm-words";

/**
 * Watches the queue of open alarms: words for screen readers when an alarm joins it, and the alarms the
 * elder cancelled while they were queued, kept until someone dismisses them.
 */
export function useQueueChanges(alarms: AlarmView[] | null, open: AlarmView[]) {
  const { t } = useI18n();
  const seen = useRef(new Set<string>());
  const [announcement, setAnnouncement] = useState("");
  const [cancelled, setCancelled] = useState<AlarmView[]>([]);

  useEffect(() => {
    if (!alarms) return;
    const arrived = open.filter((a) => !seen.current.has(a.id));
    if (arrived.length > 0) {
      setAnnouncement(
        arrived
          .map((a) =>
            t("alarmBar.announce", { name: alarmCaller(a, t), place: a.elder?.address ?? a.community.name }),
          )
          .join(" "),
      );
    }
    const gone = cancelledSince(seen.current, alarms);
    if (gone.length > 0) {
      setCancelled((held) => [...held, ...gone.filter((g) => !held.some((h) => h.id === g.id))]);
    }
    seen.current = new Set(open.map((a) => a.id));
  }, [alarms, open, t]);

  const dismiss = useCallback((alarmId: string) => {
    setCancelled((held) => held.filter((a) => a.id !== alarmId));
  }, []);

  // Once someone has closed it (after calling back), there is nothing left to follow up.
  const pending = cancelled.filter((held) => alarms?.find((a) => a.id === held.id)?.status === "cancelled");
  return { announcement, cancelled: pending, dismiss };
}
