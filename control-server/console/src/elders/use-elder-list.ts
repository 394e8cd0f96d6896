import { useCallback, useEffect, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import type { ElderRecord } from "../api/types";

/** Every elder profile the staff member may see (phones masked unless their role calls). */
export function useElderList(api: ConsoleApi) {
  const [elders, setElders] = useState<ElderRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api.elders().then(
      (list) => {
        setElders(list);
        setError(null);
      },
      (failure: Error) => setError(failure.message),
    );
  }, [api]);
  useEffect(load, [load]);
  return { elders, error, reload: load };
}
