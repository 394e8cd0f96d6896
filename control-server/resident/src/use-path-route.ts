import { useEffect, useState } from "react";

/** Where the pages live on the server; every path under it gets index.html. */
export const BASE = "/r/";

export type Route =
  | { page: "lookup" }
  | { page: "progress"; typedCode: string }
  | { page: "upload"; token: string }
  | { page: "apply" };

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** /r/ → lookup, /r/upload/<token> → upload, /r/apply → apply, /r/<code> → progress (the QR codes carry these plain URLs). */
export function routeOf(pathname: string): Route {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : "";
  const upload = rest.match(/^upload\/([^/]+)\/?$/);
  if (upload?.[1]) return { page: "upload", token: decoded(upload[1]) };
  if (/^apply\/?$/.test(rest)) return { page: "apply" };
  const code = rest.match(/^([^/]+)\/?$/);
  if (code?.[1]) return { page: "progress", typedCode: decoded(code[1]) };
  return { page: "lookup" };
}

export const applyPath = `${BASE}apply`;
export const progressPath = (receiptCode: string) => `${BASE}${encodeURIComponent(receiptCode)}`;

/** Moves to another page without a reload; the back button returns. */
export function navigate(path: string): void {
  window.history.pushState(null, "", path);
  window.dispatchEvent(new PopStateEvent("popstate"));
  window.scrollTo(0, 0);
}

export function usePathRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(window.location.pathname));
  useEffect(() => {
    const onChange = () => setRoute(routeOf(window.location.pathname));
    window.addEventListener("popstate", onChange);
    return () => window.removeEventListener("popstate", onChange);
  }, []);
  return route;
}
