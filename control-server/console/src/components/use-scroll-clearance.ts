import { type RefObject, useEffect } from "react";

/**
 * Keeps the page from scrolling a focused field under a bar stuck to the top of the window: the page's
 * scroll padding follows the bar's height as alarms come and go.
 */
export function useScrollClearance(bar: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = bar.current;
    if (!element) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => {
      root.style.scrollPaddingTop = `${element.offsetHeight + 8}px`;
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.scrollPaddingTop = "";
    };
  }, [bar]);
}
