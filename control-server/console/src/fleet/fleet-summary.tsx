import type { TerminalSummary } from "@linli/protocol";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";

/** Counts for the terminals in use (revoked ones are no longer counted). */
export function FleetSummary({ terminals }: { terminals: TerminalSummary[] }) {
  const { t } = useI18n();
  const active = terminals.filter((x) => !x.revoked);
  const tiles: Array<{ key: string; label: MessageKey; value: number; tone: string }> = [
    { key: "total", label: "fleet.total", value: active.length, tone: "neutral" },
    { key: "online", label: "fleet.online", value: active.filter((x) => x.online).length, tone: "ok" },
    { key: "offline", label: "fleet.offline", value: active.filter((x) => !x.online).length, tone: "bad" },
    {
      key: "problems",
      label: "fleet.deviceProblems",
      value: active.filter((x) => x.devices.some((d) => d.status !== "ok")).length,
      tone: "warn",
    },
  ];
  return (
    <dl className="summary">
      {tiles.map((tile) => (
        <div key={tile.key} className={`summary-tile summary-${tile.tone}`} data-summary={tile.key}>
          <dt>{t(tile.label)}</dt>
          <dd>{tile.value}</dd>
        </div>
      ))}
    </dl>
  );
}
