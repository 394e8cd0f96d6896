import { useId, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import type { Community, StaffPrincipal } from "../api/types";
import { PageTitle } from "../components/page-title";
import { newElderHref } from "../components/use-hash-route";
import type { Fleet } from "../fleet/use-fleet";
import { useI18n } from "../i18n/i18n";
import { editsElders, seesPhoneNumbers } from "../session/permissions";
import { ElderTable } from "./elder-table";
import { takeSavedNotice } from "./saved-notice";
import { useElderList } from "./use-elder-list";

/** Elders with a one-touch unit: found by name, each with whom to call and the unit in their home. */
export function EldersPage(props: {
  api: ConsoleApi;
  fleet: Fleet;
  communities: Community[];
  staff: StaffPrincipal;
}) {
  const { t } = useI18n();
  const list = useElderList(props.api);
  const [query, setQuery] = useState("");
  const [saved] = useState(takeSavedNotice);
  const searchId = useId();
  const canEdit = editsElders(props.staff.role);
  const communityName = (id: string) => props.communities.find((c) => c.id === id)?.name ?? id;

  const needle = query.trim();
  const visible = (list.elders ?? []).filter((e) => !needle || e.name.includes(needle));

  return (
    <>
      <div className="detail-head">
        <PageTitle>{t("elders.title")}</PageTitle>
        {canEdit && (
          <a className="button button-primary head-action" href={newElderHref()}>
            {t("elders.new")}
          </a>
        )}
      </div>
      <div className="messages" aria-live="polite">
        {saved && (
          <p className="message message-ok" data-testid="elder-saved">
            {saved}
          </p>
        )}
      </div>
      {!seesPhoneNumbers(props.staff.role) && <p className="page-intro">{t("elders.phonesMasked")}</p>}
      {!canEdit && <p className="page-intro">{t("elder.readOnlyRole")}</p>}
      <search className="filters">
        <label htmlFor={searchId}>{t("elders.search")}</label>
        <input
          id={searchId}
          type="search"
          value={query}
          autoComplete="off"
          onChange={(e) => setQuery(e.target.value)}
        />
        {list.elders && needle && (
          <span className="muted" aria-live="polite">
            {t("elders.matches", { count: visible.length })}
          </span>
        )}
      </search>
      {list.error && (
        <div className="message message-error" role="alert">
          {t("elders.loadFailed", { message: list.error })}{" "}
          <button type="button" className="button button-small" onClick={list.reload}>
            {t("fleet.retry")}
          </button>
        </div>
      )}
      {!list.elders && !list.error && <p className="muted">{t("elders.loading")}</p>}
      {list.elders && visible.length === 0 && (
        <p className="empty">{list.elders.length === 0 ? t("elders.empty") : t("elders.emptyFiltered")}</p>
      )}
      {visible.length > 0 && (
        <ElderTable
          elders={visible}
          caption={t("elders.caption", { count: visible.length })}
          communityName={communityName}
          terminals={props.fleet.terminals ?? []}
          canEdit={canEdit}
        />
      )}
    </>
  );
}
