import type { ServiceRequestView } from "@linli/protocol";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import type { LiveLink, ServiceAlert } from "../live/use-console-socket";
import { closedStatuses, isOpen, mergeRequest, mergeRequests, openStatuses } from "./service-lists";

/** How many done and cancelled requests the board shows. */
export const RECENT_CLOSED_LIMIT = 30;

/** An alert a staff member has not yet said they have seen. */
export interface HeldAlert extends ServiceAlert {
  /** The request and reason together: a request reopened twice alerts twice. */
  key: string;
}

export interface ServiceStore {
  /** Open and recently closed requests; null until the first lists have arrived. */
  requests: ServiceRequestView[] | null;
  error: string | null;
  refresh(): void;
  /** Puts a request the API just answered with into the store. */
  put(request: ServiceRequestView): void;
  alerts: HeldAlert[];
  /** The alert raised last, to be announced once (dismissing others does not announce it again). */
  latestAlert: HeldAlert | null;
  dismissAlert(key: string): void;
}

const alertKey = (alert: ServiceAlert) =>
  `${alert.request.id}:${alert.reason}:${alert.reason === "reopened" ? alert.request.reopenedCount : ""}`;

/**
 * Every service request still being worked on and the recently closed ones, fetched on (re)connection and
 * kept current by the `/console` socket; with the alerts a supervisor must see (missed targets, reopened
 * requests) until someone says they have seen them. Requests that missed their target while no console was
 * open alert on the first load too.
 */
export function useServiceRequests(api: ConsoleApi, live: LiveLink): ServiceStore {
  const [requests, setRequests] = useState<ServiceRequestView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [alerts, setAlerts] = useState<HeldAlert[]>([]);
  const [latestAlert, setLatestAlert] = useState<HeldAlert | null>(null);
  const dismissed = useRef(new Set<string>());
  const raised = useRef(new Set<string>());
  const request = useRef(0);

  const raise = useCallback((alert: ServiceAlert) => {
    const key = alertKey(alert);
    if (dismissed.current.has(key)) return;
    const held: HeldAlert = { ...alert, key };
    if (!raised.current.has(key)) {
      raised.current.add(key);
      setLatestAlert(held);
    }
    setAlerts((list) => [...list.filter((a) => a.key !== key), held]);
  }, []);

  const put = useCallback((incoming: ServiceRequestView) => {
    setRequests((held) => mergeRequest(held ?? [], incoming));
    // An alert is about a request that still needs a look: once it is done or cancelled, it goes.
    if (incoming.status === "done" || incoming.status === "cancelled") {
      setAlerts((held) => held.filter((a) => a.request.id !== incoming.id));
    } else {
      setAlerts((held) => held.map((a) => (a.request.id === incoming.id ? { ...a, request: incoming } : a)));
    }
  }, []);

  const refresh = useCallback(() => {
    const id = ++request.current;
    Promise.all([
      ...openStatuses.map((status) => api.serviceRequests(status, 500)),
      ...closedStatuses.map((status) => api.serviceRequests(status, RECENT_CLOSED_LIMIT)),
    ]).then(
      (lists) => {
        if (id !== request.current) return;
        const fetched = lists.flat();
        setRequests((held) => mergeRequests(held ?? [], fetched));
        setError(null);
        for (const missed of fetched.filter((r) => r.targetMissedAt && isOpen(r.status)))
          raise({ request: missed, reason: "target-missed" });
      },
      (failure: Error) => {
        if (id === request.current) setError(failure.message);
      },
    );
  }, [api, raise]);

  useEffect(refresh, [refresh]);

  const { listen } = live;
  useEffect(
    () =>
      listen({
        service: put,
        serviceAlert(alert) {
          put(alert.request);
          raise(alert);
        },
        connected: refresh,
      }),
    [listen, put, raise, refresh],
  );

  const dismissAlert = useCallback((key: string) => {
    dismissed.current.add(key);
    setAlerts((held) => held.filter((a) => a.key !== key));
  }, []);

  return { requests, error, refresh, put, alerts, latestAlert, dismissAlert };
}
