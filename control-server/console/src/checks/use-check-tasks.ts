import type { CheckTask } from "@linli/protocol";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import type { LiveLink } from "../live/use-console-socket";
import { mergeTask, mergeTasks } from "./check-task-lists";

/** How many closed tasks the page shows. */
export const RECENT_DONE_LIMIT = 20;

export interface CheckTaskStore {
  /** Open tasks and the recently closed ones; null until the first lists have arrived. */
  tasks: CheckTask[] | null;
  error: string | null;
  refresh(): void;
  put(task: CheckTask): void;
}

/**
 * The daily check tasks (elders who did not press 我很好 by the check-in hour), fetched on (re)connection
 * and kept current by the `/console` socket: new ones appear, and a late press closes one on every console.
 */
export function useCheckTasks(api: ConsoleApi, live: LiveLink): CheckTaskStore {
  const [tasks, setTasks] = useState<CheckTask[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const request = useRef(0);

  const refresh = useCallback(() => {
    const id = ++request.current;
    Promise.all([api.checkTasks("open", 500), api.checkTasks("done", RECENT_DONE_LIMIT)]).then(
      (lists) => {
        if (id !== request.current) return;
        setTasks((held) => mergeTasks(held ?? [], lists.flat()));
        setError(null);
      },
      (failure: Error) => {
        if (id === request.current) setError(failure.message);
      },
    );
  }, [api]);

  useEffect(refresh, [refresh]);

  const put = useCallback((task: CheckTask) => {
    setTasks((held) => mergeTask(held ?? [], task));
  }, []);

  const { listen } = live;
  useEffect(() => listen({ checkTask: put, connected: refresh }), [listen, put, refresh]);

  return { tasks, error, refresh, put };
}
