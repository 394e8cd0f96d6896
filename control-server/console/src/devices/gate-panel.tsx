import type { GateSummary } from "@linli/protocol";
import { useI18n } from "../i18n/i18n";
import { DeviceHealthBadge } from "./device-health-badge";

/** One gate: where it is, whether it answers, and its doors, each with 开门 for those who may. */
export function GatePanel(props: {
  gate: GateSummary;
  communityName: string;
  canOpen: boolean;
  busyDoor: string | null;
  onOpen(gate: GateSummary, door: { door: number; name: string }): void;
}) {
  const { t } = useI18n();
  const { gate } = props;
  const titleId = `gate-${gate.name}`;
  return (
    <section className="panel device-panel" aria-labelledby={titleId} data-gate={gate.name}>
      <div className="device-head">
        <h3 id={titleId} className="server-device-name">
          {gate.name}
        </h3>
        <DeviceHealthBadge health={gate.health} since={gate.since} />
      </div>
      <dl className="facts">
        <dt>{t("column.community")}</dt>
        <dd>{props.communityName}</dd>
        <dt>{t("gate.address")}</dt>
        <dd className="mono">
          {gate.host}:{gate.port}
        </dd>
        <dt>{t("gate.serial")}</dt>
        <dd className="mono">{gate.serialNumber}</dd>
      </dl>
      <h4 className="door-heading">{t("gate.doors")}</h4>
      <ul className="door-list">
        {gate.doors.map((door) => {
          const busy = props.busyDoor === `${gate.name}/${door.door}`;
          return (
            <li key={door.door} data-door={door.door}>
              <span className="door-name">
                <span className="door-number">{door.door}</span> {door.name}
              </span>
              {props.canOpen && (
                <button
                  type="button"
                  className="button button-small"
                  disabled={busy}
                  aria-label={t("gate.openFor", { door: door.name })}
                  onClick={() => props.onOpen(gate, door)}
                >
                  {busy ? t("gate.opening") : t("gate.open")}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
