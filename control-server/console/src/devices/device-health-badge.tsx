import type { DeviceHealth } from "@linli/protocol";
import { formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/i18n";

const MARKS: Record<DeviceHealth["status"], string> = { ok: "✓", degraded: "▲", unavailable: "✕" };

/** 正常 / 异常 / 无法连接 with a mark, the device's own reason, and since when. */
export function DeviceHealthBadge({ health, since }: { health: DeviceHealth; since: string }) {
  const { t, locale } = useI18n();
  return (
    <span className="device-health" data-health={health.status}>
      <span className={`presence device-health-${health.status}`}>
        <span aria-hidden="true">{MARKS[health.status]}</span>
        {t(`deviceHealth.${health.status}`)}
      </span>
      {health.reason && <span className="health-reason">{health.reason}</span>}
      <span className="cell-sub">{t("deviceHealth.since", { time: formatDateTime(since, locale) })}</span>
    </span>
  );
}
