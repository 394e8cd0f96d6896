import { useEffect } from "react";

/** Pause after a screen changes before it is read, so that it has drawn all its words. */
const SETTLE_MS = 400;

/** What names a screen: its heading and, on a question screen, the question. */
function screenSignature(): string {
  return Array.from(
    document.querySelectorAll("main h1, main .question-text"),
    (node) => node.textContent,
  ).join("|");
}

/**
 * Elder mode reads every new screen by itself: a new route, and also a new step inside one (the next
 * question, the checklist), noticed as a change of the screen's heading.
 */
export function useAutoRead(enabled: boolean, read: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    let last = "";
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const signature = screenSignature();
      if (signature === last) return;
      last = signature;
      clearTimeout(timer);
      timer = setTimeout(read, SETTLE_MS);
    };
    check();
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [enabled, read]);
}
