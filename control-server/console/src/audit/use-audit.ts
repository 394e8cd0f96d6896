import { useCallback, useEffect, useRef, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import type { AuditEntry } from "../api/types";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditLog {
  /** null until the first page has arrived. */
  entries: AuditEntry[] | null;
  loading: boolean;
  error: string | null;
  /** A full page came back last time, so there may be older entries. */
  hasOlder: boolean;
  loadOlder(): void;
  reload(): void;
}

/** The audit log newest first, a page at a time, for one action or all of them. */
export function useAudit(api: ConsoleApi, action: string): AuditLog {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [hasOlder, setHasOlder] = useState(false);
  const request = useRef(0);

  const load = useCallback(
    (before: number | undefined) => {
      const id = ++request.current;
      setLoading(true);
      api.audit({ action: action || undefined, before, limit: AUDIT_PAGE_SIZE }).then(
        (page) => {
          if (id !== request.current) return;
          setEntries((shown) => (before === undefined ? page : [...(shown ?? []), ...page]));
          setHasOlder(page.length === AUDIT_PAGE_SIZE);
          setError(null);
          setLoading(false);
        },
        (failure: Error) => {
          if (id !== request.current) return;
          setError(failure.message);
          setLoading(false);
        },
      );
    },
    [api, action],
  );

  const reload = useCallback(() => load(undefined), [load]);
  useEffect(() => {
    setEntries(null);
    reload();
  }, [reload]);

  const loadOlder = () => {
    const oldest = entries?.at(-1);
    if (oldest) load(oldest.id);
  };

  return { entries, loading, error, hasOlder, loadOlder, reload };
}
