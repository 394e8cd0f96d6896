import type { StaffNotice } from "@linli/protocol";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import type { LiveLink } from "../live/use-console-socket";

/** Receipts arrive in bursts (a notice reaching every terminal at once): the list is asked again at most this often. */
const REFRESH_COALESCE_MS = 1000;

export interface NoticeList {
  notices: StaffNotice[] | null;
  error: string | null;
  refresh(): void;
}

/** Every notice this staff member may see, with its counts kept current as receipts arrive. */
export function useNotices(api: ConsoleApi, live: LiveLink): NoticeList {
  const [notices, setNotices] = useState<StaffNotice[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const request = useRef(0);

  const refresh = useCallback(() => {
    const id = ++request.current;
    api.notices().then(
      (list) => {
        if (id !== request.current) return;
        setNotices(list);
        setError(null);
      },
      (failure: Error) => {
        if (id === request.current) setError(failure.message);
      },
    );
  }, [api]);

  useEffect(refresh, [refresh]);

  const { listen } = live;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const soon = () => {
      timer ??= setTimeout(() => {
        timer = null;
        refresh();
      }, REFRESH_COALESCE_MS);
    };
    const stop = listen({ noticeReceipt: soon, connected: refresh });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [listen, refresh]);

  return { notices, error, refresh };
}
