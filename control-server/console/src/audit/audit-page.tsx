import { useEffect, useId, useMemo, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import type { Community, StaffAccount } from "../api/types";
import { PageTitle } from "../components/page-title";
import type { Fleet } from "../fleet/use-fleet";
import { useI18n } from "../i18n/i18n";
import { AuditTable } from "./audit-table";
import { auditAction, knownAuditActions, type Names } from "./audit-words";
import { useAudit } from "./use-audit";

/** Who did what and when: sign-ins, account and terminal changes, newest first. */
export function AuditPage(props: { api: ConsoleApi; fleet: Fleet; communities: Community[] }) {
  const { t } = useI18n();
  const { api, fleet } = props;
  const [action, setAction] = useState("");
  const [staff, setStaff] = useState<StaffAccount[]>([]);
  const log = useAudit(api, action);
  const filterId = useId();

  useEffect(() => {
    // Without the list, staff show by a short id: still usable, so a failure here is not an error.
    api.staff().then(setStaff, () => undefined);
  }, [api]);

  const names = useMemo<Names>(
    () => ({
      staff: new Map(staff.map((s) => [s.id, s])),
      terminals: new Map((fleet.terminals ?? []).map((x) => [x.id, x])),
      communities: new Map(props.communities.map((c) => [c.id, c.name])),
    }),
    [staff, fleet.terminals, props.communities],
  );

  return (
    <>
      <PageTitle>{t("audit.title")}</PageTitle>
      <div className="filters">
        <label htmlFor={filterId}>{t("audit.filterAction")}</label>
        <select id={filterId} value={action} onChange={(e) => setAction(e.target.value)}>
          <option value="">{t("audit.allActions")}</option>
          {knownAuditActions.map((known) => (
            <option key={known} value={known}>
              {auditAction(known, t)}
            </option>
          ))}
        </select>
        <button type="button" className="button button-small" onClick={log.reload}>
          {t("audit.refresh")}
        </button>
      </div>
      {log.error && (
        <div className="message message-error" role="alert">
          {t("audit.loadFailed", { message: log.error })}
        </div>
      )}
      {!log.entries && !log.error && <p className="muted">{t("audit.loading")}</p>}
      {log.entries && log.entries.length === 0 && <p className="empty">{t("audit.empty")}</p>}
      {log.entries && log.entries.length > 0 && <AuditTable entries={log.entries} names={names} />}
      <div className="pager" aria-live="polite">
        {log.entries && log.entries.length > 0 && (
          <p className="muted">
            {log.hasOlder
              ? t("audit.shown", { count: log.entries.length })
              : t("audit.shownAll", { count: log.entries.length })}
          </p>
        )}
        {log.hasOlder && (
          <button type="button" className="button" disabled={log.loading} onClick={log.loadOlder}>
            {log.loading ? t("audit.loadingOlder") : t("audit.older")}
          </button>
        )}
      </div>
    </>
  );
}
