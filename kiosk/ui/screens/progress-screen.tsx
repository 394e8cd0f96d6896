import { type PublicApplicationView, rateableApplicationStatuses } from "@linli/protocol";
import { useState } from "react";
import { RatingPanel } from "../components/rating-panel";
import { ScreenTitle } from "../components/screen-title";
import { formatDay, statusWord } from "../status-words";
import { localized, useVisit } from "../visit-context";

/** Where applications stand: status and its history in plain words, the clerk's notes, the promised date. */
export function ProgressScreen(props: {
  views: PublicApplicationView[];
  query: { receiptCode: string } | { mine: true };
}) {
  const { t, bridge } = useVisit();
  const [views, setViews] = useState(props.views);
  const refresh = async () => {
    const answer = await bridge.call("application:lookup", props.query);
    if (answer.ok) setViews(answer.data);
  };
  return (
    <main className="screen progress">
      <ScreenTitle>{"mine" in props.query ? t("progress.mineTitle") : t("progress.title")}</ScreenTitle>
      {views.length === 0 && <p className="quiet">{t("progress.none")}</p>}
      {views.map((view) => (
        <ApplicationProgress key={view.receiptCode} view={view} onRated={() => void refresh()} />
      ))}
    </main>
  );
}

function ApplicationProgress({ view, onRated }: { view: PublicApplicationView; onRated: () => void }) {
  const { t, locale } = useVisit();
  // Once decided, what was missing no longer matters to the resident.
  const open = ["submitted", "accepted", "needs-materials"].includes(view.status);
  const missing = open ? view.materials.filter((material) => !material.provided) : [];
  const rateable = rateableApplicationStatuses.includes(view.status) && view.rating === null;
  return (
    <article className="application" data-testid="application" aria-labelledby={`app-${view.receiptCode}`}>
      <header>
        <h2 id={`app-${view.receiptCode}`}>{localized(locale, view.service.name, view.service.nameEn)}</h2>
        <p className="quiet">
          {localized(locale, view.service.department, view.service.departmentEn)} ·{" "}
          {t("progress.code", { code: view.receiptCode })}
        </p>
      </header>
      <p className={`status-now status-${view.status}`} data-testid="status">
        {statusWord(view.status, t)}
      </p>
      <p>{t("progress.target", { date: formatDay(view.targetAt, locale) })}</p>
      {missing.length > 0 && (
        <p className="warning-box">
          {t("progress.missing", {
            materials: missing
              .map((material) => localized(locale, material.name, material.nameEn))
              .join("、"),
          })}
        </p>
      )}
      <ol className="history" aria-label={t("progress.history")}>
        {[...view.history].reverse().map((entry) => (
          <li key={`${entry.at}-${entry.status}`}>
            <p>
              <strong>{statusWord(entry.status, t)}</strong> · {formatDay(entry.at, locale, true)}
            </p>
            {entry.note && <p className="clerk-note">{t("progress.note", { note: entry.note })}</p>}
          </li>
        ))}
      </ol>
      {view.rating && <p className="ok-box">{t("progress.rated", { score: view.rating.score })}</p>}
      {rateable && <RatingPanel receiptCode={view.receiptCode} onRated={onRated} />}
    </article>
  );
}
