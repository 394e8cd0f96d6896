import type { PublicApplicationView } from "@linli/protocol";
import { useState } from "react";
import { useVisit } from "../visit-context";

type Query = { receiptCode: string } | { mine: true };

/** Asks the centre for applications and opens the progress screen; says so when the centre is out of reach. */
export function useLookup(): { busy: boolean; error: string | null; run: (query: Query) => Promise<void> } {
  const { t, bridge, online, go } = useVisit();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (query: Query) => {
    if (!online) {
      setError(t("lookup.offline"));
      return;
    }
    setBusy(true);
    setError(null);
    const answer = await bridge.call("application:lookup", query);
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error.code === "not_found" ? t("lookup.notFound") : t("lookup.offline"));
      return;
    }
    const views: PublicApplicationView[] = answer.data;
    if (views.length === 0 && "receiptCode" in query) {
      setError(t("lookup.notFound"));
      return;
    }
    go({ name: "progress", views, query });
  };
  return { busy, error, run };
}
