import type { ElderService, Provider } from "@linli/protocol";
import { useCallback, useEffect, useState } from "react";
import type { ConsoleApi } from "../api/console-api";

/** The providers the staff member may see, and the service catalogue their services are named from. */
export function useProviders(api: ConsoleApi) {
  const [providers, setProviders] = useState<Provider[] | null>(null);
  const [services, setServices] = useState<ElderService[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    Promise.all([api.providers(), api.elderServices()]).then(
      ([list, catalogue]) => {
        setProviders(list);
        setServices(catalogue);
        setError(null);
      },
      (failure: Error) => setError(failure.message),
    );
  }, [api]);
  useEffect(load, [load]);
  return { providers, services, error, reload: load };
}
