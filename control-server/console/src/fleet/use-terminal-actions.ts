import type { CommandType, TerminalSummary } from "@linli/protocol";
import { useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import type { ConfirmRequest } from "../components/confirm-dialog";
import { useI18n } from "../i18n/i18n";
import type { TerminalAction } from "./terminal-actions";
import type { Fleet } from "./use-fleet";

export interface ActionMessage {
  text: string;
  error: boolean;
}

/**
 * Reload, restart (after a question) and revoke (after a warning) for the fleet table and a terminal's
 * own page alike; `onDone` runs after each action that reached the server.
 */
export function useTerminalActions(api: ConsoleApi, fleet: Fleet, onDone?: () => void) {
  const { t } = useI18n();
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [message, setMessage] = useState<ActionMessage | null>(null);

  const run = async (terminal: TerminalSummary, work: () => Promise<string>) => {
    setBusyId(terminal.id);
    try {
      setMessage({ text: await work(), error: false });
      onDone?.();
    } catch (error) {
      setMessage({ text: t("action.failed", { message: (error as Error).message }), error: true });
    } finally {
      setBusyId(null);
    }
  };

  const send = (terminal: TerminalSummary, type: CommandType) =>
    run(terminal, async () => {
      await api.sendCommand(terminal.id, type);
      const command = t(type === "reload" ? "action.reload" : "action.restart");
      return t(terminal.online ? "action.sent" : "action.sentOffline", { name: terminal.name, command });
    });

  const onAction = (action: TerminalAction, terminal: TerminalSummary) => {
    if (action === "reload") return void send(terminal, "reload");
    if (action === "restart") {
      return setConfirm({
        title: t("confirm.restartTitle", { name: terminal.name }),
        body: t("confirm.restartBody"),
        confirmLabel: t("action.restart"),
        onConfirm: () => void send(terminal, "restart"),
      });
    }
    setConfirm({
      title: t("confirm.revokeTitle", { name: terminal.name }),
      body: t("confirm.revokeBody"),
      confirmLabel: t("action.revoke"),
      danger: true,
      onConfirm: () =>
        void run(terminal, async () => {
          fleet.upsert(await api.revoke(terminal.id));
          return t("action.revoked", { name: terminal.name });
        }),
    });
  };

  return { onAction, busyId, message, confirm, closeConfirm: () => setConfirm(null) };
}
