import type { PublicApplicationView } from "@linli/protocol";
import { useCallback, useEffect, useState } from "react";
import { fetchApplication } from "../api/public-api";

export type ApplicationLoad =
  | { state: "loading" }
  | { state: "failed"; error: unknown }
  | { state: "loaded"; view: PublicApplicationView };

/** One application by receipt code, loaded when the code changes; `replace` takes the server's newer view. */
export function useApplication(receiptCode: string) {
  const [load, setLoad] = useState<ApplicationLoad>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setLoad({ state: "loading" });
    // `attempt` is read so that a retry loads again.
    void attempt;
    fetchApplication(receiptCode).then(
      (view) => current && setLoad({ state: "loaded", view }),
      (error: unknown) => current && setLoad({ state: "failed", error }),
    );
    return () => {
      current = false;
    };
  }, [receiptCode, attempt]);
  // A resident leaves the page open and comes back days later: what they see then is fetched then.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState !== "visible") return;
      fetchApplication(receiptCode).then(
        (view) => setLoad({ state: "loaded", view }),
        () => undefined,
      );
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [receiptCode]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((view: PublicApplicationView) => setLoad({ state: "loaded", view }), []);
  return { load, retry, replace };
}
