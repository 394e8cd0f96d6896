import { useEffect, useState } from "react";

/** Pages reached by name; a terminal's own page also carries the terminal's id (#/terminal/<id>). */
export const pages = ["fleet", "enrol", "staff", "audit", "password"] as const;
export type Page = (typeof pages)[number];
export type Route = { page: Page } | { page: "terminal"; terminalId: string };

export const pageHref = (page: Page) => `#/${page}`;
export const terminalHref = (terminalId: string) => `#/terminal/${encodeURIComponent(terminalId)}`;

function current(): Route {
  const path = window.location.hash.replace(/^#\/?/, "");
  const terminal = path.match(/^terminal\/([^/]+)$/);
  if (terminal?.[1]) {
    try {
      return { page: "terminal", terminalId: decodeURIComponent(terminal[1]) };
    } catch {
      return { page: "fleet" };
    }
  }
  return (pages as readonly string[]).includes(path) ? { page: path as Page } : { page: "fleet" };
}

/** Pages live in the URL fragment (#/fleet), so that a reload stays put and the server needs no SPA fallback. */
export function useHashRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const onChange = () => setRoute(current());
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return route;
}
