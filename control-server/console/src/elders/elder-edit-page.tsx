import { useEffect, useMemo, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import { ApiError } from "../api/http";
import type { Community, ElderRecord, StaffPrincipal } from "../api/types";
import { PageTitle } from "../components/page-title";
import { pageHref } from "../components/use-hash-route";
import type { Fleet } from "../fleet/use-fleet";
import { useI18n } from "../i18n/i18n";
import { editsElders } from "../session/permissions";
import { draftFromRecord, emptyDraft } from "./elder-draft";
import { ElderForm } from "./elder-form";
import { leaveSavedNotice } from "./saved-notice";
import { useElderList } from "./use-elder-list";

/** A new elder profile (optionally for a given unit), or an existing one to edit. */
export function ElderEditPage(props: {
  elderId: string | null;
  terminalId: string | null;
  api: ConsoleApi;
  fleet: Fleet;
  communities: Community[];
  staff: StaffPrincipal;
}) {
  const { t } = useI18n();
  const { api, elderId, staff } = props;
  const list = useElderList(api);
  const [elder, setElder] = useState<ElderRecord | null>(null);
  const [error, setError] = useState<Error | null>(null);

  useEffect(() => {
    if (elderId) api.elder(elderId).then(setElder, setError);
  }, [api, elderId]);

  const takenUnitIds = useMemo(
    () =>
      new Set((list.elders ?? []).filter((e) => e.id !== elderId && e.terminalId).map((e) => e.terminalId!)),
    [list.elders, elderId],
  );

  const title = elderId ? t("elder.editTitleFor", { name: elder?.name ?? "" }) : t("elder.createTitle");
  const back = (
    <p className="back">
      <a className="back-link" href={pageHref("elders")}>
        <span aria-hidden="true">← </span>
        {t("elder.back")}
      </a>
    </p>
  );

  if (!editsElders(staff.role)) {
    return (
      <>
        {back}
        <PageTitle>{elderId ? t("elder.profile") : t("elder.createTitle")}</PageTitle>
        <p className="message message-info">{t("elder.readOnlyRole")}</p>
      </>
    );
  }

  const terminals = props.fleet.terminals;
  const unit = terminals?.find((x) => x.id === props.terminalId);
  const defaultCommunity = staff.communityId ?? unit?.communityId ?? props.communities[0]?.id ?? "";
  const failed = error ?? (list.error ? new Error(list.error) : null);
  const ready =
    list.elders !== null &&
    terminals !== null &&
    props.communities.length > 0 &&
    (!elderId || elder !== null);

  return (
    <>
      {back}
      <PageTitle>{elderId && !elder ? t("elder.profile") : title}</PageTitle>
      {failed &&
        (failed instanceof ApiError && failed.status === 404 ? (
          <p className="message message-error" role="alert">
            {t("elder.notFound")}
          </p>
        ) : (
          <p className="message message-error" role="alert">
            {t("elder.loadFailed", { message: failed.message })}
          </p>
        ))}
      {!failed && !ready && <p className="muted">{t("terminal.loading")}</p>}
      {!failed && ready && (
        <ElderForm
          api={api}
          elderId={elderId}
          initial={elder ? draftFromRecord(elder) : emptyDraft(defaultCommunity, unit?.id ?? null)}
          communities={props.communities}
          staff={staff}
          terminals={terminals ?? []}
          takenUnitIds={takenUnitIds}
          onSaved={(saved) => {
            leaveSavedNotice(t("elder.saved", { name: saved.name }));
            window.location.hash = pageHref("elders");
          }}
        />
      )}
    </>
  );
}
