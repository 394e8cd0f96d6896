import { useEffect, useState } from "react";

/**
 * Pages reached by name; a terminal's, an alarm's, an elder's and a service request's own pages also carry
 * an id (#/terminal/<id>, #/alarm/<id>, #/elder/<id>, #/service/<id>); a new elder profile may start from a
 * unit (#/elders/new/<id>).
 */
export const pages = [
  "fleet",
  "alarms",
  "services",
  "checks",
  "elders",
  "providers",
  "devices",
  "enrol",
  "staff",
  "audit",
  "password",
  "applications",
  "catalogue",
  "residents",
  "notices",
  "kiosk-content",
] as const;
export type Page = (typeof pages)[number];
export type Route =
  | { page: Page }
  | { page: "terminal"; terminalId: string }
  | { page: "alarm"; alarmId: string }
  | { page: "elder"; elderId: string }
  | { page: "service"; requestId: string }
  | { page: "elderNew"; terminalId: string | null }
  | { page: "application"; receiptCode: string }
  | { page: "notice"; noticeId: string };

export const pageHref = (page: Page) => `#/${page}`;
export const terminalHref = (terminalId: string) => `#/terminal/${encodeURIComponent(terminalId)}`;
export const alarmHref = (alarmId: string) => `#/alarm/${encodeURIComponent(alarmId)}`;
export const elderHref = (elderId: string) => `#/elder/${encodeURIComponent(elderId)}`;
export const serviceHref = (requestId: string) => `#/service/${encodeURIComponent(requestId)}`;
export const applicationHref = (receiptCode: string) => `#/application/${encodeURIComponent(receiptCode)}`;
export const noticeHref = (noticeId: string) => `#/notice/${encodeURIComponent(noticeId)}`;
export const newElderHref = (terminalId?: string) =>
  terminalId ? `#/elders/new/${encodeURIComponent(terminalId)}` : "#/elders/new";

function withId(path: string, pattern: RegExp): string | null {
  const match = path.match(pattern);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

function current(): Route {
  const path = window.location.hash.replace(/^#\/?/, "");
  const terminalId = withId(path, /^terminal\/([^/]+)$/);
  if (terminalId) return { page: "terminal", terminalId };
  const alarmId = withId(path, /^alarm\/([^/]+)$/);
  if (alarmId) return { page: "alarm", alarmId };
  const elderId = withId(path, /^elder\/([^/]+)$/);
  if (elderId) return { page: "elder", elderId };
  const requestId = withId(path, /^service\/([^/]+)$/);
  if (requestId) return { page: "service", requestId };
  const receiptCode = withId(path, /^application\/([^/]+)$/);
  if (receiptCode) return { page: "application", receiptCode };
  const noticeId = withId(path, /^notice\/([^/]+)$/);
  if (noticeId) return { page: "notice", noticeId };
  if (path === "elders/new") return { page: "elderNew", terminalId: null };
  const unitId = withId(path, /^elders\/new\/([^/]+)$/);
  if (unitId) return { page: "elderNew", terminalId: unitId };
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
