import { useCallback, useEffect, useRef, useState } from "react";
import { useLockdown } from "./hooks/use-lockdown";
import type { UiBridge } from "./shared/bridge-client";
import { pickLocale, translator } from "./shared/i18n";
import { useTerminal } from "./shared/use-terminal";
import { VisitShell } from "./visit-shell";

/**
 * The service-centre kiosk. Each resident's visit is one mounted VisitShell: ending the visit (card
 * removed, "finish", idle) remounts it, so every answer, photo and typed number is gone with it.
 */
export function KioskApp({ bridge }: { bridge: UiBridge }) {
  const { snapshot, reachable } = useTerminal(bridge);
  const [visit, setVisit] = useState(0);
  // The resident whose visit just ended, until the runtime's next snapshot no longer shows them.
  const ended = useRef<string | null>(null);
  useLockdown();

  const endVisit = useCallback(() => {
    ended.current = snapshot?.resident?.signedInAt ?? ended.current;
    void bridge.call("session:end", null);
    setVisit((count) => count + 1);
  }, [bridge, snapshot?.resident?.signedInAt]);

  useEffect(
    () =>
      bridge.on("card", (event) => {
        if (event.type === "removed") endVisit();
      }),
    [bridge, endVisit],
  );

  if (!snapshot) {
    return (
      <main className="starting" aria-busy="true">
        <p>{translator(pickLocale(undefined))("loading")}</p>
      </main>
    );
  }
  const resident =
    snapshot.resident && snapshot.resident.signedInAt !== ended.current ? snapshot.resident : null;
  return (
    <VisitShell
      key={visit}
      bridge={bridge}
      snapshot={snapshot}
      reachable={reachable}
      resident={resident}
      onEnd={endVisit}
    />
  );
}
