import type { DeviceHealth } from "@linli/protocol";
import { useI18n } from "../i18n/i18n";
import { deviceName } from "./device-name";

/** "3 台设备正常", or each device that is not, with its reason. */
export function DeviceHealthCell({ devices }: { devices: DeviceHealth[] }) {
  const { t } = useI18n();
  if (devices.length === 0) return <span className="muted">{t("devices.none")}</span>;
  const problems = devices.filter((d) => d.status !== "ok");
  if (problems.length === 0) {
    return (
      <span className="health-ok">
        <span aria-hidden="true">✓ </span>
        {t("devices.allOk", { count: devices.length })}
      </span>
    );
  }
  return (
    <ul className="health-problems">
      {problems.map((d) => (
        <li key={d.device} className={`health-${d.status}`}>
          <span aria-hidden="true">▲ </span>
          <strong>{deviceName(d.device, t)}</strong> {t(`device.${d.status}`)}
          {d.reason && <span className="health-reason">{t("device.reason", { reason: d.reason })}</span>}
        </li>
      ))}
    </ul>
  );
}
