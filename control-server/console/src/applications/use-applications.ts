import type { ApplicationView } from "@linli/protocol";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import { useHashRoute } from "../components/use-hash-route";
import type { LiveLink } from "../live/use-console-socket";
import { upsert } from "./application-lists";

export interface ApplicationStore {
  /** Every application this staff member may see; null until the first list has arrived. */
  applications: ApplicationView[] | null;
  error: string | null;
  refresh(): void;
  /** Puts an application the API just answered with into the store. */
  put(application: ApplicationView): void;
}

/**
 * The applications (for roles that handle them), fetched on (re)connection and kept current by
 * `application:changed` on the socket. Nothing is read before a staff member first opens an application
 * page: the list is personal data, and each read of it is audited as that person's.
 */
export function useApplications(api: ConsoleApi, live: LiveLink, allowed: boolean): ApplicationStore {
  const [applications, setApplications] = useState<ApplicationView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const request = useRef(0);
  const route = useHashRoute();
  const [started, setStarted] = useState(false);
  const wanted = allowed && (route.page === "applications" || route.page === "application");
  useEffect(() => {
    if (wanted) setStarted(true);
  }, [wanted]);

  const put = useCallback((changed: ApplicationView) => {
    setApplications((held) => upsert(held ?? [], changed));
  }, []);

  const refresh = useCallback(() => {
    const id = ++request.current;
    api.applications().then(
      (fetched) => {
        if (id !== request.current) return;
        setApplications(fetched);
        setError(null);
      },
      (failure: unknown) => {
        if (id === request.current) setError((failure as Error).message);
      },
    );
  }, [api]);

  useEffect(() => {
    // Roles that may not read applications never load them nor listen (the server would refuse).
    if (!allowed || !started) return;
    refresh();
    // What changed while the link was down is caught up on reconnection.
    return live.listen({ application: put, connected: refresh });
  }, [live, put, refresh, allowed, started]);

  return { applications, error, refresh, put };
}
