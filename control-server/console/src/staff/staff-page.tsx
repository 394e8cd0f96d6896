import { useCallback, useEffect, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import type { Community, StaffAccount } from "../api/types";
import { PageTitle } from "../components/page-title";
import { useI18n } from "../i18n/i18n";
import { StaffForm } from "./staff-form";
import { StaffTable } from "./staff-table";

/** Staff accounts: who can sign in, in which role and community, and whether they are locked out. */
export function StaffPage(props: { api: ConsoleApi; communities: Community[] }) {
  const { t } = useI18n();
  const { api } = props;
  const [staff, setStaff] = useState<StaffAccount[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<StaffAccount | null>(null);

  const load = useCallback(() => {
    api.staff().then(
      (list) => {
        setStaff(list);
        setError(null);
      },
      (failure: Error) => setError(failure.message),
    );
  }, [api]);
  useEffect(load, [load]);

  const communityName = (id: string) => props.communities.find((c) => c.id === id)?.name ?? id;

  return (
    <>
      <PageTitle>{t("staff.title")}</PageTitle>
      <div className="messages" aria-live="polite">
        {created && (
          <p className="message message-ok">
            {t("staff.created", { name: created.displayName, username: created.username })}
          </p>
        )}
      </div>
      <div className="split">
        <section aria-labelledby="staff-list-title">
          <h2 id="staff-list-title" className="section-title">
            {t("staff.listTitle")}
          </h2>
          {error && (
            <div className="message message-error" role="alert">
              {t("staff.loadFailed", { message: error })}{" "}
              <button type="button" className="button button-small" onClick={load}>
                {t("fleet.retry")}
              </button>
            </div>
          )}
          {!staff && !error && <p className="muted">{t("staff.loading")}</p>}
          {staff && <StaffTable staff={staff} communityName={communityName} />}
        </section>
        <StaffForm
          api={api}
          communities={props.communities}
          onCreated={(account) => {
            setCreated(account);
            load();
          }}
        />
      </div>
    </>
  );
}
