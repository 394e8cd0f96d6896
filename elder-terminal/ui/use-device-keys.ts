import { useEffect } from "react";
import type { UiBridge } from "../../kiosk/ui/shared/bridge-client";

/** Function keys do things in a browser (F5 reloads, F11 leaves full screen); the unit needs none of them. */
const BROWSER_KEYS = /^F\d{1,2}$/;

/**
 * Keyboard-wedge panic buttons type keys: every keydown and keyup goes to the runtime (`device:key`),
 * which knows which keys are buttons. The answer comes too late to stop that same keystroke, so keys the
 * runtime has claimed once are swallowed from then on, and function keys always.
 */
export function useDeviceKeys(bridge: UiBridge): void {
  useEffect(() => {
    const claimed = new Set<string>();
    const forward = (type: "down" | "up") => (event: KeyboardEvent) => {
      const id = event.code || event.key;
      if (claimed.has(id) || BROWSER_KEYS.test(event.key)) event.preventDefault();
      void bridge
        .call("device:key", { type, key: event.key, code: event.code, repeat: event.repeat })
        .then((answer) => {
          if (answer.ok && answer.data.handled) claimed.add(id);
        });
    };
    const down = forward("down");
    const up = forward("up");
    window.addEventListener("keydown", down, { capture: true });
    window.addEventListener("keyup", up, { capture: true });
    return () => {
      window.removeEventListener("keydown", down, { capture: true });
      window.removeEventListener("keyup", up, { capture: true });
    };
  }, [bridge]);
}
