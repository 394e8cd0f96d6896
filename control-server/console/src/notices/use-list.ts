import { useCallback, useEffect, useRef, useState } from "react";

export interface LoadedList<T> {
  items: T[] | null;
  error: string | null;
  reload(): void;
}

/** A list fetched once and again on demand; an answer to an older request never replaces a newer one. */
export function useList<T>(load: () => Promise<T[]>): LoadedList<T> {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const request = useRef(0);
  const reload = useCallback(() => {
    const id = ++request.current;
    load().then(
      (next) => {
        if (id !== request.current) return;
        setItems(next);
        setError(null);
      },
      (failure: Error) => {
        if (id === request.current) setError(failure.message);
      },
    );
  }, [load]);
  useEffect(reload, [reload]);
  return { items, error, reload };
}
