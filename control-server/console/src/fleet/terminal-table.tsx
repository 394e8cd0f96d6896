import type { TerminalSummary } from "@linli/protocol";
import { terminalHref } from "../components/use-hash-route";
import { useNow } from "../components/use-now";
import { useI18n } from "../i18n/i18n";
import { DeviceHealthCell } from "./device-health";
import { LastSeen } from "./last-seen";
import { PresenceBadge } from "./presence-badge";
import { type TerminalAction, TerminalActions } from "./terminal-actions";

export function TerminalTable(props: {
  terminals: TerminalSummary[];
  communityName(id: string): string;
  canManage: boolean;
  busyId: string | null;
  onAction(action: TerminalAction, terminal: TerminalSummary): void;
}) {
  const { t } = useI18n();
  const now = useNow(15_000);
  return (
    <div className="table-wrap">
      <table className="data-table fleet-table">
        <caption className="visually-hidden">{t("fleet.caption", { count: props.terminals.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("column.name")}</th>
            <th scope="col">{t("column.kind")}</th>
            <th scope="col">{t("column.community")}</th>
            <th scope="col">{t("column.status")}</th>
            <th scope="col">{t("column.lastSeen")}</th>
            <th scope="col">{t("column.version")}</th>
            <th scope="col">{t("column.devices")}</th>
            {props.canManage && <th scope="col">{t("column.actions")}</th>}
          </tr>
        </thead>
        <tbody>
          {props.terminals.map((terminal) => (
            <tr
              key={terminal.id}
              data-terminal-id={terminal.id}
              className={terminal.revoked ? "row-revoked" : undefined}
            >
              <th scope="row">
                <a className="terminal-name" href={terminalHref(terminal.id)}>
                  {terminal.name}
                </a>
                {/* The first block of the id is enough to tell terminals apart on screen; the whole id is in the title. */}
                <span className="terminal-id" title={terminal.id}>
                  {terminal.id.slice(0, 8)}
                </span>
              </th>
              <td className="nowrap">{t(`kind.${terminal.kind}`)}</td>
              <td className="nowrap">{props.communityName(terminal.communityId)}</td>
              <td data-column="status">
                <PresenceBadge terminal={terminal} />
              </td>
              <td className="nowrap">
                <LastSeen terminal={terminal} now={now} />
              </td>
              <td className="mono">{terminal.version ?? "—"}</td>
              <td>
                <DeviceHealthCell devices={terminal.devices} />
              </td>
              {props.canManage && (
                <td>
                  <TerminalActions
                    terminal={terminal}
                    busy={props.busyId === terminal.id}
                    onAction={props.onAction}
                  />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
