import type { ApplicationService } from "@linli/protocol";
import { useCallback, useEffect, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import "../applications/applications.css";
import { PageTitle } from "../components/page-title";
import { useI18n } from "../i18n/i18n";
import { ServiceEditor } from "./service-editor";

/** 事项目录: the services residents apply for; an administrator edits one at a time. */
export function CataloguePage({ api, canEdit }: { api: ConsoleApi; canEdit: boolean }) {
  const { t, locale } = useI18n();
  const [services, setServices] = useState<ApplicationService[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<ApplicationService | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const load = useCallback(() => {
    api.applicationServices().then(
      (list) => {
        setServices(list);
        setError(null);
      },
      (failure: unknown) => setError((failure as Error).message),
    );
  }, [api]);
  useEffect(load, [load]);

  if (editing) {
    return (
      <ServiceEditor
        key={editing.code}
        api={api}
        service={editing}
        onDone={(savedService) => {
          setEditing(null);
          if (savedService) {
            setSaved(t("catalogue.saved", { name: savedService.name }));
            load();
          }
        }}
      />
    );
  }

  return (
    <>
      <PageTitle>{t("catalogue.title")}</PageTitle>
      <p className="page-intro">{t("catalogue.intro")}</p>
      {!canEdit && <p className="message message-info page-note">{t("catalogue.adminOnly")}</p>}
      <div className="messages" aria-live="polite">
        {saved && <p className="message message-ok">{saved}</p>}
      </div>
      {error && (
        <p className="message message-error" role="alert">
          {t("catalogue.loadFailed", { message: error })}
        </p>
      )}
      {!services && !error && <p className="muted">{t("catalogue.loading")}</p>}
      {services && (
        <div className="table-wrap">
          <table className="data-table" data-testid="catalogue-table">
            <caption className="visually-hidden">{t("catalogue.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("catalogue.name")}</th>
                <th scope="col">{t("catalogue.department")}</th>
                <th scope="col">{t("catalogue.targetDays")}</th>
                <th scope="col">{t("catalogue.materials")}</th>
                <th scope="col">{t("catalogue.activeLabel")}</th>
                {canEdit && <th scope="col">{t("residents.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {services.map((service) => (
                <tr key={service.code} data-service-code={service.code}>
                  <th scope="row">
                    {locale === "en" ? service.nameEn : service.name}
                    <span className="cell-sub">{service.code}</span>
                  </th>
                  <td>{locale === "en" ? service.departmentEn : service.department}</td>
                  <td>{service.targetDays}</td>
                  <td>
                    {t("catalogue.materialCount", { count: service.materials.length })}
                    <span className="cell-sub">
                      {t("catalogue.questionCount", { count: service.questions.length })}
                    </span>
                  </td>
                  <td>{t(service.active ? "catalogue.active" : "catalogue.inactive")}</td>
                  {canEdit && (
                    <td>
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => {
                          setSaved(null);
                          setEditing(service);
                        }}
                      >
                        {t("catalogue.edit")}
                        <span className="visually-hidden"> · {service.name}</span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
