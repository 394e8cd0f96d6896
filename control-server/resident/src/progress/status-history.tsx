import type { PublicApplicationView } from "@linli/protocol";
import { formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/i18n";

/** Each step, newest first, with what the clerk wrote to the resident. */
export function StatusHistory({ history }: { history: PublicApplicationView["history"] }) {
  const { t, locale } = useI18n();
  const newestFirst = [...history].reverse();
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">{t("progress.history")}</h2>
      <ol className="history">
        {newestFirst.map((step, index) => (
          <li
            key={`${step.at}-${step.status}`}
            className={index === 0 ? "history-step latest" : "history-step"}
          >
            <p className="history-status">{t(`status.${step.status}`)}</p>
            <p className="history-time">
              <time dateTime={step.at}>{formatDateTime(step.at, locale)}</time>
            </p>
            {step.note && (
              <p className="history-note">
                {t("progress.clerkNote")}
                {step.note}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
