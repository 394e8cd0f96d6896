import type { NoticeReceiptsView } from "@linli/protocol";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import type { LiveLink } from "../live/use-console-socket";

const REFRESH_COALESCE_MS = 500;

export interface NoticeReceiptsStore {
  view: NoticeReceiptsView | null;
  error: string | null;
  refresh(): void;
  put(view: NoticeReceiptsView): void;
}

/** One notice with every terminal's proof and the call-back list, asked again whenever a receipt for it arrives. */
export function useNoticeReceipts(api: ConsoleApi, live: LiveLink, noticeId: string): NoticeReceiptsStore {
  const [view, setView] = useState<NoticeReceiptsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const request = useRef(0);

  const refresh = useCallback(() => {
    const id = ++request.current;
    api.noticeReceipts(noticeId).then(
      (next) => {
        if (id !== request.current) return;
        setView(next);
        setError(null);
      },
      (failure: Error) => {
        if (id === request.current) setError(failure.message);
      },
    );
  }, [api, noticeId]);

  useEffect(refresh, [refresh]);

  const put = useCallback((next: NoticeReceiptsView) => {
    request.current++;
    setView(next);
  }, []);

  const { listen } = live;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = listen({
      noticeReceipt: (event) => {
        if (event.noticeId !== noticeId) return;
        timer ??= setTimeout(() => {
          timer = null;
          refresh();
        }, REFRESH_COALESCE_MS);
      },
      connected: refresh,
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [listen, refresh, noticeId]);

  return { view, error, refresh, put };
}
