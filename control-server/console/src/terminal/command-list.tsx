import type { CommandRecord } from "../api/types";
import { formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { CommandStateBadge } from "./command-state-badge";

/** The moment of the command's latest step. */
const lastStep = (c: CommandRecord) => c.completedAt ?? c.deliveredAt ?? c.sentAt ?? c.createdAt;

/** Commands sent to the terminal, newest first, with where each one has got to. */
export function CommandList({ commands }: { commands: CommandRecord[] | null }) {
  const { t, locale } = useI18n();
  return (
    <section className="panel panel-table" aria-labelledby="terminal-commands-title">
      <h2 id="terminal-commands-title">{t("terminal.commands")}</h2>
      {commands === null ? (
        <p className="muted">{t("terminal.loading")}</p>
      ) : commands.length === 0 ? (
        <p className="muted">{t("terminal.commandsEmpty")}</p>
      ) : (
        <table className="data-table" data-testid="command-list">
          <caption className="visually-hidden">{t("terminal.commands")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("command.type")}</th>
              <th scope="col">{t("command.state")}</th>
              <th scope="col">{t("command.created")}</th>
              <th scope="col">{t("command.updated")}</th>
              <th scope="col">{t("command.detail")}</th>
            </tr>
          </thead>
          <tbody>
            {commands.map((c) => (
              <tr key={c.id} data-command-id={c.id}>
                <td className="nowrap">{t(`commandType.${c.type}`)}</td>
                <td className="nowrap" aria-live="polite">
                  <CommandStateBadge state={c.state} />
                </td>
                <td className="nowrap">{formatDateTime(c.createdAt, locale)}</td>
                <td className="nowrap">{formatDateTime(lastStep(c), locale)}</td>
                <td>
                  {c.detail ??
                    (c.state === "queued"
                      ? t("command.queuedUntil", { time: formatDateTime(c.expiresAt, locale) })
                      : "—")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
