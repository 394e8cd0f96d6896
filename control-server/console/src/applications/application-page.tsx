import type { ApplicationService, ApplicationView } from "@linli/protocol";
import { useEffect, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import { ApiError } from "../api/http";
import { PageTitle } from "../components/page-title";
import { pageHref } from "../components/use-hash-route";
import { formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { ApplicationActions } from "./application-actions";
import { ApplicationFiles } from "./application-files";
import { ApplicationStatusBadge } from "./application-status-badge";
import type { ApplicationStore } from "./use-applications";
import "./applications.css";

/** One application: who (masked), what, the answers, the checklist, the files, the history, what to do next. */
export function ApplicationPage(props: { receiptCode: string; api: ConsoleApi; store: ApplicationStore }) {
  const { t } = useI18n();
  const { api, receiptCode, store } = props;
  const [failure, setFailure] = useState<{ notFound: boolean; message: string } | null>(null);
  const [service, setService] = useState<ApplicationService | null>(null);
  const held = store.applications?.find((application) => application.receiptCode === receiptCode) ?? null;

  // Read once under the session (an audited read of personal data); later changes arrive on the socket.
  useEffect(() => {
    api.application(receiptCode).then(store.put, (error: unknown) =>
      setFailure({
        notFound: error instanceof ApiError && error.status === 404,
        message: (error as Error).message,
      }),
    );
  }, [api, receiptCode, store.put]);
  const serviceCode = held?.service.code;
  useEffect(() => {
    if (!serviceCode) return;
    api.applicationServices().then(
      (services) => setService(services.find((s) => s.code === serviceCode) ?? null),
      () => setService(null),
    );
  }, [api, serviceCode]);

  return (
    <>
      <p>
        <a className="back-link" href={pageHref("applications")}>
          {t("application.back")}
        </a>
      </p>
      {!held && !failure && <p className="muted">{t("application.loading")}</p>}
      {!held && failure && (
        <div className="message message-error" role="alert">
          {failure.notFound
            ? t("application.notFound")
            : t("application.loadFailed", { message: failure.message })}
        </div>
      )}
      {held && <ApplicationDetail application={held} service={service} api={api} store={store} />}
    </>
  );
}

function ApplicationDetail(props: {
  application: ApplicationView;
  service: ApplicationService | null;
  api: ConsoleApi;
  store: ApplicationStore;
}) {
  const { t, locale } = useI18n();
  const { application, service } = props;
  const english = locale === "en";
  const questionText = (code: string) => {
    const question = service?.questions.find((q) => q.code === code);
    return question ? (english ? question.textEn : question.text) : code;
  };
  return (
    <>
      <div className="detail-head">
        <PageTitle>
          {english ? application.service.nameEn : application.service.name} ·{" "}
          <span className="receipt-code">{application.receiptCode}</span>
        </PageTitle>
        <ApplicationStatusBadge status={application.status} />
      </div>
      <div className="detail-grid">
        <section className="panel" aria-labelledby="application-facts-title">
          <h2 id="application-facts-title">{t("application.facts")}</h2>
          <dl className="facts" data-testid="application-facts">
            <dt>{t("application.applicant")}</dt>
            <dd>{application.applicant.name}</dd>
            <dt>{t("application.idNumber")}</dt>
            <dd>{application.applicant.idMasked}</dd>
            <dt>{t("application.phone")}</dt>
            <dd>{application.applicant.phone ?? "—"}</dd>
            <dt>{t("application.registered")}</dt>
            <dd>
              {t(application.applicant.registered ? "application.registeredYes" : "application.registeredNo")}
            </dd>
            <dt>{t("application.department")}</dt>
            <dd>{english ? application.service.departmentEn : application.service.department}</dd>
            <dt>{t("application.community")}</dt>
            <dd>{application.community.name}</dd>
            <dt>{t("application.channel")}</dt>
            <dd>
              {application.channel === "kiosk"
                ? t("application.channel.kiosk", { name: application.terminal?.name ?? "" })
                : application.channel === "phone"
                  ? t("application.channel.phone")
                  : t("application.channel.console")}
            </dd>
            <dt>{t("application.submittedAt")}</dt>
            <dd>{formatDateTime(application.submittedAt, locale)}</dd>
            <dt>{t("application.targetAt")}</dt>
            <dd>{formatDateTime(application.targetAt, locale)}</dd>
            <dt>{t("application.rating")}</dt>
            <dd>
              {application.rating
                ? `${t("application.ratingStars", { count: application.rating.score })}${application.rating.comment ? ` · ${application.rating.comment}` : ""}`
                : t("application.notRated")}
            </dd>
          </dl>
        </section>
        <ApplicationActions application={application} api={props.api} onChanged={props.store.put} />
        <section className="panel" aria-labelledby="application-answers-title">
          <h2 id="application-answers-title">{t("application.answers")}</h2>
          {Object.keys(application.answers).length === 0 ? (
            <p className="muted">{t("application.noAnswers")}</p>
          ) : (
            <dl className="facts">
              {Object.entries(application.answers).map(([code, answer]) => (
                <div key={code} style={{ display: "contents" }}>
                  <dt>{questionText(code)}</dt>
                  <dd>{t(answer ? "application.answerYes" : "application.answerNo")}</dd>
                </div>
              ))}
            </dl>
          )}
        </section>
        <section className="panel" aria-labelledby="application-checklist-title">
          <h2 id="application-checklist-title">{t("application.checklist")}</h2>
          <ul className="checklist" data-testid="application-checklist">
            {application.materials.map((material) => (
              <li key={material.code} data-material={material.code}>
                <span className={material.provided ? "provided" : "missing"}>
                  <span aria-hidden="true">{material.provided ? "✓ " : "✗ "}</span>
                  {t(material.provided ? "application.provided" : "application.missing")}
                </span>
                <span>{english ? material.nameEn : material.name}</span>
              </li>
            ))}
          </ul>
        </section>
        <ApplicationFiles application={application} api={props.api} />
        <section className="panel" aria-labelledby="application-history-title">
          <h2 id="application-history-title">{t("application.history")}</h2>
          <ol className="history-list">
            {[...application.history].reverse().map((step) => (
              <li key={`${step.at}-${step.status}`}>
                <ApplicationStatusBadge status={step.status} />{" "}
                <time dateTime={step.at}>{formatDateTime(step.at, locale)}</time>
                {step.note && <p className="history-note">{step.note}</p>}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}
