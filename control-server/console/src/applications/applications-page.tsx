import { applicationStatuses } from "@linli/protocol";
import { useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import type { Community, StaffPrincipal } from "../api/types";
import { PageTitle } from "../components/page-title";
import { applicationHref } from "../components/use-hash-route";
import { useNow } from "../components/use-now";
import { formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { isOverdue, queue, type StatusFilter } from "./application-lists";
import { ApplicationStatusBadge } from "./application-status-badge";
import { NewApplicationForm } from "./new-application-form";
import type { ApplicationStore } from "./use-applications";
import "./applications.css";

const FILTERS: StatusFilter[] = ["open", ...applicationStatuses, "all"];

/** 办件: the queue, newest first, with status filters and search; overdue ones stand out; kept live. */
export function ApplicationsPage(props: {
  store: ApplicationStore;
  api: ConsoleApi;
  communities: Community[];
  staff: StaffPrincipal;
}) {
  const { store } = props;
  const { t, locale } = useI18n();
  const now = useNow(60_000);
  const [filter, setFilter] = useState<StatusFilter>("open");
  const [query, setQuery] = useState("");
  const [filing, setFiling] = useState(false);
  const all = store.applications ?? [];
  const shown = queue(all, filter, query);
  const overdue = shown.filter((application) => isOverdue(application, now)).length;
  const filterName = (f: StatusFilter) =>
    f === "all" ? t("applications.all") : f === "open" ? t("applications.open") : t(`applicationStatus.${f}`);
  const count = (f: StatusFilter) => queue(all, f, "").length;

  return (
    <>
      <PageTitle>{t("applications.title")}</PageTitle>
      <p className="page-intro">{t("applications.intro")}</p>
      {filing ? (
        <NewApplicationForm
          api={props.api}
          communities={props.communities}
          staff={props.staff}
          onCancel={() => setFiling(false)}
          onCreated={(created) => {
            store.put(created);
            setFiling(false);
            // The clerk carries on with it: the checklist, the files, the next step.
            window.location.hash = applicationHref(created.receiptCode);
          }}
        />
      ) : (
        <div className="page-actions">
          <button type="button" className="button button-primary" onClick={() => setFiling(true)}>
            {t("newApplication.open")}
          </button>
        </div>
      )}
      {store.error && (
        <div className="message message-error" role="alert">
          {t("applications.loadFailed", { message: store.error })}{" "}
          <button type="button" className="button button-small" onClick={store.refresh}>
            {t("applications.retry")}
          </button>
        </div>
      )}
      {!store.applications && !store.error && <p className="muted">{t("applications.loading")}</p>}
      {store.applications && (
        <>
          <ul className="status-chips" aria-label={t("applications.filterStatus")}>
            {FILTERS.map((f) => (
              <li key={f}>
                <button
                  type="button"
                  className="button button-small"
                  aria-pressed={filter === f}
                  data-filter={f}
                  onClick={() => setFilter(f)}
                >
                  {filterName(f)} ({count(f)})
                </button>
              </li>
            ))}
          </ul>
          <div className="filters application-filters">
            <label htmlFor="application-search">{t("applications.search")}</label>
            <input
              id="application-search"
              type="search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
            {overdue > 0 && (
              <span className="overdue-mark" data-testid="overdue-count">
                <span aria-hidden="true">▲ </span>
                {t("applications.overdueCount", { count: overdue })}
              </span>
            )}
          </div>
          {shown.length === 0 ? (
            <p className="empty">{t("applications.empty")}</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table" data-testid="applications-table">
                <caption className="visually-hidden">
                  {t("applications.caption", { count: shown.length })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("applicationColumn.code")}</th>
                    <th scope="col">{t("applicationColumn.applicant")}</th>
                    <th scope="col">{t("applicationColumn.service")}</th>
                    <th scope="col">{t("applicationColumn.status")}</th>
                    <th scope="col">{t("applicationColumn.materials")}</th>
                    <th scope="col">{t("applicationColumn.submittedAt")}</th>
                    <th scope="col">{t("applicationColumn.targetAt")}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((application) => {
                    const late = isOverdue(application, now);
                    const missing = application.materials.filter((m) => !m.provided).length;
                    return (
                      <tr
                        key={application.receiptCode}
                        data-receipt-code={application.receiptCode}
                        className={late ? "application-overdue" : undefined}
                      >
                        <th scope="row">
                          <a className="receipt-code" href={applicationHref(application.receiptCode)}>
                            {application.receiptCode}
                          </a>
                        </th>
                        <td>
                          {application.applicant.name}
                          <span className="cell-sub">{application.community.name}</span>
                        </td>
                        <td>{locale === "en" ? application.service.nameEn : application.service.name}</td>
                        <td>
                          <ApplicationStatusBadge status={application.status} />
                        </td>
                        <td>
                          {missing > 0 ? (
                            <span className="cell-warn">
                              {t("application.missing")} {missing}
                            </span>
                          ) : (
                            t("application.provided")
                          )}
                        </td>
                        <td className="nowrap">{formatDateTime(application.submittedAt, locale)}</td>
                        <td className="nowrap">
                          {formatDateTime(application.targetAt, locale)}
                          {late && (
                            <span className="overdue-mark">
                              <span aria-hidden="true">▲ </span>
                              {t("applications.overdue")}
                            </span>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}
