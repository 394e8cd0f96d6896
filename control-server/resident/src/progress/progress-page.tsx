import {
  normaliseReceiptCode,
  type PublicApplicationView,
  rateableApplicationStatuses,
} from "@linli/protocol";
import { PublicApiError } from "../api/public-api";
import { LoadProblem } from "../components/load-problem";
import { formatDate, formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { LookupBox } from "../lookup/lookup-box";
import { LookupPage } from "../lookup/lookup-page";
import { MaterialList } from "./material-list";
import { RatingForm } from "./rating-form";
import { StatusHistory } from "./status-history";
import { useApplication } from "./use-application";

/** /r/<code>: what a receipt's QR code opens. A typed-in path is forgiven like the lookup box. */
export function ProgressPage({ typedCode }: { typedCode: string }) {
  const { t } = useI18n();
  const receiptCode = normaliseReceiptCode(typedCode);
  if (!receiptCode) return <LookupPage problem={t("lookup.invalid")} />;
  return <KnownCodeProgress key={receiptCode} receiptCode={receiptCode} />;
}

function KnownCodeProgress({ receiptCode }: { receiptCode: string }) {
  const { t } = useI18n();
  const { load, retry, replace } = useApplication(receiptCode);
  if (load.state === "loading") {
    return (
      <p className="loading" role="status">
        {t("load.loading")}
      </p>
    );
  }
  if (load.state === "failed") {
    if (load.error instanceof PublicApiError && load.error.status === 404) {
      return <LookupPage problem={t("lookup.notFound", { code: receiptCode })} />;
    }
    return (
      <>
        <h1>{t("progress.title")}</h1>
        <LoadProblem error={load.error} onRetry={retry} />
      </>
    );
  }
  const view = load.view;
  return (
    <>
      <ApplicationSummary view={view} />
      {/* Once decided, rating is what the resident came back for: it comes first. */}
      {rateableApplicationStatuses.includes(view.status) && (
        <RatingForm receiptCode={view.receiptCode} rating={view.rating} onRated={replace} />
      )}
      <MaterialList materials={view.materials} />
      <StatusHistory history={view.history} />
      <LookupBox title={t("lookup.another")} />
    </>
  );
}

const DECIDED = new Set(["approved", "rejected", "completed"]);

function ApplicationSummary({ view }: { view: PublicApplicationView }) {
  const { t, locale } = useI18n();
  const english = locale === "en";
  const late = !DECIDED.has(view.status) && Date.parse(view.targetAt) < Date.now();
  // What to correct, or why not: the resident must not have to find it in the history.
  const latest = view.history[view.history.length - 1];
  const clerkNote =
    (view.status === "needs-materials" || view.status === "rejected") && latest?.status === view.status
      ? latest.note
      : "";
  return (
    <section className="card summary" aria-labelledby="service-name">
      <p className="eyebrow">{t("progress.title")}</p>
      <h1 id="service-name">{english ? view.service.nameEn : view.service.name}</h1>
      <p className={`status status-${view.status}`} data-testid="status">
        {t(`status.${view.status}`)}
      </p>
      <p className="status-help">{t(`statusHelp.${view.status}`)}</p>
      {clerkNote && (
        <p className="clerk-note" data-testid="clerk-note">
          {t("progress.clerkNote")}
          {clerkNote}
        </p>
      )}
      {!DECIDED.has(view.status) && (
        <p className={late ? "promise promise-late" : "promise"}>
          {t(late ? "progress.promiseMissed" : "progress.promise", {
            date: formatDate(view.targetAt, locale),
          })}
        </p>
      )}
      <dl className="facts">
        <div>
          <dt>{t("progress.receiptCode")}</dt>
          <dd className="code">{view.receiptCode}</dd>
        </div>
        <div>
          <dt>{t("progress.applicant")}</dt>
          <dd>{view.applicantName}</dd>
        </div>
        <div>
          <dt>{t("progress.department")}</dt>
          <dd>{english ? view.service.departmentEn : view.service.department}</dd>
        </div>
        <div>
          <dt>{t("progress.submittedAt")}</dt>
          <dd>{formatDateTime(view.submittedAt, locale)}</dd>
        </div>
      </dl>
    </section>
  );
}
