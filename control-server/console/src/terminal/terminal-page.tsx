import type { ConsoleApi } from "../api/console-api";
import { ApiError } from "../api/http";
import type { Community } from "../api/types";
import { CallButton } from "../calls/call-button";
import { ConfirmDialog } from "../components/confirm-dialog";
import { PageTitle } from "../components/page-title";
import { pageHref } from "../components/use-hash-route";
import { ActionMessages } from "../fleet/action-messages";
import { PresenceBadge } from "../fleet/presence-badge";
import { TerminalActions } from "../fleet/terminal-actions";
import type { Fleet } from "../fleet/use-fleet";
import { useTerminalActions } from "../fleet/use-terminal-actions";
import { useI18n } from "../i18n/i18n";
import { CommandList } from "./command-list";
import { DeviceList } from "./device-list";
import { PresenceHistory } from "./presence-history";
import { TerminalFacts } from "./terminal-facts";
import { TerminalLog } from "./terminal-log";
import { useTerminalDetail } from "./use-terminal-detail";

/** One terminal: what it is, its devices, when it came and went, its commands and its log — kept live. */
export function TerminalPage(props: {
  terminalId: string;
  api: ConsoleApi;
  fleet: Fleet;
  communities: Community[];
  canManage: boolean;
}) {
  const { t } = useI18n();
  const { api, fleet, terminalId } = props;
  const state = useTerminalDetail(api, fleet, terminalId);
  const actions = useTerminalActions(api, fleet, state.refresh);
  // The fleet list is the freshest summary (live presence and status); the detail fills in until it has arrived.
  const terminal = fleet.terminals?.find((x) => x.id === terminalId) ?? state.detail?.terminal;
  const notFound = state.error instanceof ApiError && state.error.status === 404;

  return (
    <>
      <p className="back">
        <a className="back-link" href={pageHref("fleet")}>
          <span aria-hidden="true">← </span>
          {t("terminal.back")}
        </a>
      </p>
      <div className="detail-head">
        <PageTitle>{terminal?.name ?? t("terminal.title")}</PageTitle>
        {terminal && <PresenceBadge terminal={terminal} />}
        {terminal?.kind === "elder" && !terminal.revoked && (
          <CallButton terminalId={terminal.id} terminalName={terminal.name} />
        )}
        {terminal && props.canManage && (
          <TerminalActions
            terminal={terminal}
            busy={actions.busyId === terminal.id}
            onAction={actions.onAction}
          />
        )}
      </div>
      <ActionMessages message={actions.message} />
      {notFound ? (
        <p className="message message-error" role="alert">
          {t("terminal.notFound")}
        </p>
      ) : (
        state.error && (
          <div className="message message-error" role="alert">
            {t("terminal.loadFailed", { message: state.error.message })}{" "}
            <button type="button" className="button button-small" onClick={state.refresh}>
              {t("fleet.retry")}
            </button>
          </div>
        )
      )}
      {!terminal && !state.error && <p className="muted">{t("terminal.loading")}</p>}
      {terminal && state.detail && (
        <div className="detail-grid">
          <TerminalFacts
            terminal={terminal}
            communityName={
              props.communities.find((c) => c.id === terminal.communityId)?.name ?? terminal.communityId
            }
          />
          <DeviceList devices={terminal.devices} />
          <PresenceHistory presence={state.detail.presence} />
          <CommandList commands={state.commands} />
          <TerminalLog log={state.detail.log} />
        </div>
      )}
      <ConfirmDialog request={actions.confirm} onClose={actions.closeConfirm} />
    </>
  );
}
