import type { TerminalLogRecord } from "../api/types";
import { formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/i18n";

const LEVELS = { info: "ℹ", warning: "▲", error: "✕" } as const;
type Level = keyof typeof LEVELS;
const isLevel = (level: string): level is Level => level in LEVELS;

/** What the terminal itself reported (device faults, errors residents saw), newest first. */
export function TerminalLog({ log }: { log: TerminalLogRecord[] }) {
  const { t, locale } = useI18n();
  return (
    <section className="panel panel-table panel-wide" aria-labelledby="terminal-log-title">
      <h2 id="terminal-log-title">{t("terminal.log")}</h2>
      {log.length === 0 ? (
        <p className="muted">{t("terminal.logEmpty")}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t("terminal.log")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("log.at")}</th>
              <th scope="col">{t("log.level")}</th>
              <th scope="col">{t("log.code")}</th>
              <th scope="col">{t("log.message")}</th>
            </tr>
          </thead>
          <tbody>
            {log.map((entry) => (
              <tr key={entry.id}>
                <td className="nowrap">{formatDateTime(entry.at, locale)}</td>
                <td className="nowrap">
                  {isLevel(entry.level) ? (
                    <span className={`log-level log-${entry.level}`}>
                      <span aria-hidden="true">{LEVELS[entry.level]} </span>
                      {t(`logLevel.${entry.level}`)}
                    </span>
                  ) : (
                    entry.level
                  )}
                </td>
                <td className="mono">{entry.code}</td>
                <td>{entry.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
