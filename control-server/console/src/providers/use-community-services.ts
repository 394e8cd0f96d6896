import type { CommunityElderService } from "@linli/protocol";
import { useCallback, useEffect, useState } from "react";
import type { ConsoleApi } from "../api/console-api";

/** One community's offer of the county's elder services; reloads when the community changes. */
export function useCommunityServices(api: ConsoleApi, communityId: string | null) {
  const [services, setServices] = useState<CommunityElderService[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    if (!communityId) return;
    setServices(null);
    api.communityServices(communityId).then(
      (list) => {
        setServices(list);
        setError(null);
      },
      (failure: Error) => setError(failure.message),
    );
  }, [api, communityId]);
  useEffect(load, [load]);
  const replace = (saved: CommunityElderService) =>
    setServices((list) => list?.map((entry) => (entry.code === saved.code ? saved : entry)) ?? null);
  return { services, error, reload: load, replace };
}
