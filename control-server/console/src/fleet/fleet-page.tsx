import { useId, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import type { Community } from "../api/types";
import { ConfirmDialog } from "../components/confirm-dialog";
import { PageTitle } from "../components/page-title";
import { useI18n } from "../i18n/i18n";
import { ActionMessages } from "./action-messages";
import { FleetSummary } from "./fleet-summary";
import { TerminalTable } from "./terminal-table";
import type { Fleet } from "./use-fleet";
import { useTerminalActions } from "./use-terminal-actions";

type StatusFilter = "all" | "offline" | "problems";

export function FleetPage(props: {
  api: ConsoleApi;
  fleet: Fleet;
  communities: Community[];
  canManage: boolean;
}) {
  const { t } = useI18n();
  const { fleet, api } = props;
  const [community, setCommunity] = useState("");
  const [status, setStatus] = useState<StatusFilter>("all");
  const actions = useTerminalActions(api, fleet);
  const communityFilterId = useId();
  const statusFilterId = useId();

  const communityName = (id: string) => props.communities.find((c) => c.id === id)?.name ?? id;
  const order = (id: string) => {
    const index = props.communities.findIndex((c) => c.id === id);
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };

  const visible = (fleet.terminals ?? [])
    .filter((x) => !community || x.communityId === community)
    .filter((x) => {
      if (status === "offline") return !x.online && !x.revoked;
      if (status === "problems") return !x.revoked && x.devices.some((d) => d.status !== "ok");
      return true;
    })
    .sort(
      (a, b) =>
        Number(a.revoked) - Number(b.revoked) ||
        order(a.communityId) - order(b.communityId) ||
        a.name.localeCompare(b.name, "zh-CN"),
    );

  return (
    <>
      <PageTitle>{t("fleet.title")}</PageTitle>
      {fleet.terminals && <FleetSummary terminals={fleet.terminals} />}
      <div className="filters">
        <label htmlFor={communityFilterId}>{t("fleet.filterCommunity")}</label>
        <select id={communityFilterId} value={community} onChange={(e) => setCommunity(e.target.value)}>
          <option value="">{t("fleet.allCommunities")}</option>
          {props.communities.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <label htmlFor={statusFilterId}>{t("fleet.filterStatus")}</label>
        <select
          id={statusFilterId}
          value={status}
          onChange={(e) => setStatus(e.target.value as StatusFilter)}
        >
          <option value="all">{t("fleet.statusAll")}</option>
          <option value="offline">{t("fleet.statusOffline")}</option>
          <option value="problems">{t("fleet.statusProblems")}</option>
        </select>
      </div>
      <ActionMessages message={actions.message} />
      {fleet.error && (
        <div className="message message-error" role="alert">
          {t("fleet.loadFailed", { message: fleet.error })}{" "}
          <button type="button" className="button button-small" onClick={fleet.refresh}>
            {t("fleet.retry")}
          </button>
        </div>
      )}
      {!fleet.terminals && !fleet.error && <p className="muted">{t("fleet.loading")}</p>}
      {fleet.terminals && visible.length === 0 && (
        <p className="empty">{fleet.terminals.length === 0 ? t("fleet.empty") : t("fleet.emptyFiltered")}</p>
      )}
      {visible.length > 0 && (
        <TerminalTable
          terminals={visible}
          communityName={communityName}
          canManage={props.canManage}
          busyId={actions.busyId}
          onAction={actions.onAction}
        />
      )}
      <ConfirmDialog request={actions.confirm} onClose={actions.closeConfirm} />
    </>
  );
}
