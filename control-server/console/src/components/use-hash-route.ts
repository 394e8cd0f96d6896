import { useEffect, useState } from "react";

export const routes = ["fleet", "enrol"] as const;
export type Route = (typeof routes)[number];

function current(): Route {
  const name = window.location.hash.replace(/^#\/?/, "");
  return (routes as readonly string[]).includes(name) ? (name as Route) : "fleet";
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
