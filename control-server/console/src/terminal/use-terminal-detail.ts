import { useCallback, useEffect, useRef, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import type { CommandRecord, CommandState, TerminalDetail } from "../api/types";
import type { Fleet } from "../fleet/use-fleet";

/**
 * States a command is about to leave: while one is shown, the list is asked for again. A command queued
 * for an offline terminal waits for the terminal, and its presence change brings a fresh list.
 */
const IN_FLIGHT: ReadonlySet<CommandState> = new Set(["sent", "delivered"]);
const COMMAND_POLL_MS = 1500;
/** The fleet log has no live event: it is fetched again this often (and on every presence change). */
const DETAIL_POLL_MS = 30_000;

export interface TerminalDetailState {
  detail: TerminalDetail | null;
  commands: CommandRecord[] | null;
  /** The last failure to load, or null; a 404 means no such terminal (or one this staff member may not see). */
  error: Error | null;
  refresh(): void;
}

/** A loader that keeps only the answer to its latest request, so that a slow old answer never overwrites a newer one. */
function useLatest<T>(load: () => Promise<T>, onLoaded: (value: T) => void, onError: (e: Error) => void) {
  const request = useRef(0);
  return useCallback(() => {
    const id = ++request.current;
    load().then(
      (value) => {
        if (id === request.current) onLoaded(value);
      },
      (failure: Error) => {
        if (id === request.current) onError(failure);
      },
    );
  }, [load, onLoaded, onError]);
}

/** One terminal with its presence history, log and commands, kept current by the live link and polling. */
export function useTerminalDetail(api: ConsoleApi, fleet: Fleet, terminalId: string): TerminalDetailState {
  const [detail, setDetail] = useState<TerminalDetail | null>(null);
  const [commands, setCommands] = useState<CommandRecord[] | null>(null);
  const [error, setError] = useState<Error | null>(null);

  const loadDetail = useLatest(
    useCallback(() => api.terminal(terminalId), [api, terminalId]),
    useCallback((value: TerminalDetail) => {
      setDetail(value);
      setError(null);
    }, []),
    setError,
  );
  const loadCommands = useLatest(
    useCallback(() => api.commands(terminalId), [api, terminalId]),
    setCommands,
    setError,
  );
  const refresh = useCallback(() => {
    loadDetail();
    loadCommands();
  }, [loadDetail, loadCommands]);

  useEffect(refresh, [refresh]);

  const { onPresence } = fleet;
  useEffect(
    () =>
      onPresence((change) => {
        if (!change || change.terminalId === terminalId) refresh();
      }),
    [onPresence, terminalId, refresh],
  );

  useEffect(() => {
    const timer = setInterval(loadDetail, DETAIL_POLL_MS);
    return () => clearInterval(timer);
  }, [loadDetail]);

  const online = fleet.terminals?.find((t) => t.id === terminalId)?.online ?? detail?.terminal.online;
  const pending =
    commands?.some((c) => IN_FLIGHT.has(c.state) || (c.state === "queued" && online === true)) ?? false;
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(loadCommands, COMMAND_POLL_MS);
    return () => clearInterval(timer);
  }, [pending, loadCommands]);

  return { detail, commands, error, refresh };
}
