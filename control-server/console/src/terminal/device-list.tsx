import type { DeviceHealth } from "@linli/protocol";
import { deviceName } from "../fleet/device-name";
import { useI18n } from "../i18n/i18n";

const MARKS: Record<DeviceHealth["status"], string> = { ok: "✓", degraded: "▲", unavailable: "✕" };

/** Every device the terminal reported, by its name, with its state in words and the reason it gave. */
export function DeviceList({ devices }: { devices: DeviceHealth[] }) {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby="terminal-devices-title">
      <h2 id="terminal-devices-title">{t("column.devices")}</h2>
      {devices.length === 0 ? (
        <p className="muted">{t("devices.none")}</p>
      ) : (
        <ul className="device-list">
          {devices.map((d) => (
            <li key={d.device} className={`health-${d.status}`} data-device={d.device}>
              <span className="device-mark" aria-hidden="true">
                {MARKS[d.status]}
              </span>
              <span className="device-name">{deviceName(d.device, t)}</span>
              <span className="device-status">{t(`device.${d.status}`)}</span>
              {d.reason && <span className="device-reason">{d.reason}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
