import { useEffect } from "react";

/**
 * A kiosk UI has no way out: no context menu, no dragging images or text away, no pinch or keyboard
 * zoom. (The viewport meta and `touch-action` in the CSS do the rest; the shell blocks navigation.)
 */
export function useLockdown(): void {
  useEffect(() => {
    const prevent = (event: Event) => event.preventDefault();
    const noZoomWheel = (event: WheelEvent) => {
      if (event.ctrlKey) event.preventDefault();
    };
    const noZoomKeys = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && ["+", "-", "=", "0", "p", "s", "o"].includes(event.key)) {
        event.preventDefault();
      }
    };
    const multiTouch = (event: TouchEvent) => {
      if (event.touches.length > 1) event.preventDefault();
    };
    document.addEventListener("contextmenu", prevent);
    document.addEventListener("dragstart", prevent);
    document.addEventListener("gesturestart", prevent);
    document.addEventListener("wheel", noZoomWheel, { passive: false });
    document.addEventListener("keydown", noZoomKeys);
    document.addEventListener("touchmove", multiTouch, { passive: false });
    return () => {
      document.removeEventListener("contextmenu", prevent);
      document.removeEventListener("dragstart", prevent);
      document.removeEventListener("gesturestart", prevent);
      document.removeEventListener("wheel", noZoomWheel);
      document.removeEventListener("keydown", noZoomKeys);
      document.removeEventListener("touchmove", multiTouch);
    };
  }, []);
}
