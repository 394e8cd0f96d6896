import { useEffect, useState } from "react";
import type { TerminalSnapshot } from "../../bridge/contract";
import type { UiBridge } from "./bridge-client";

export interface TerminalView {
  snapshot: TerminalSnapshot | null;
  /** False while the UI cannot reach its runtime (browser mode: the loopback socket is down). */
  reachable: boolean;
}

/**
 * The runtime's latest snapshot: fetched whenever the bridge (re)connects, then pushed on every change.
 * Also obeys the runtime's `reload` event (staff sent the reload command).
 */
export function useTerminal(bridge: UiBridge): TerminalView {
  const [snapshot, setSnapshot] = useState<TerminalSnapshot | null>(null);
  const [reachable, setReachable] = useState(true);

  useEffect(() => {
    let active = true;
    const refresh = async () => {
      const answer = await bridge.call("state:get", null);
      if (active && answer.ok) setSnapshot(answer.data);
    };
    const offState = bridge.on("state", (next) => setSnapshot(next));
    const offReload = bridge.on("reload", () => window.location.reload());
    const offReachable = bridge.onReachable((up) => {
      setReachable(up);
      if (up) void refresh();
    });
    return () => {
      active = false;
      offState();
      offReload();
      offReachable();
    };
  }, [bridge]);

  return { snapshot, reachable };
}
