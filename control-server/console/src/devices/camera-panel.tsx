import type { CameraSummary } from "@linli/protocol";
import { useI18n } from "../i18n/i18n";
import { DeviceHealthBadge } from "./device-health-badge";

/** One plate camera: its make, where it looks, and whether it is heard from. */
export function CameraPanel(props: { camera: CameraSummary; communityName: string }) {
  const { t } = useI18n();
  const { camera } = props;
  const titleId = `camera-${camera.name}`;
  return (
    <section className="panel device-panel" aria-labelledby={titleId} data-camera={camera.name}>
      <div className="device-head">
        <h3 id={titleId} className="server-device-name">
          {camera.name}
        </h3>
        <DeviceHealthBadge health={camera.health} since={camera.since} />
      </div>
      <dl className="facts">
        <dt>{t("column.kind")}</dt>
        <dd>{t(`camera.type.${camera.type}`)}</dd>
        <dt>{t("column.community")}</dt>
        <dd>{props.communityName}</dd>
        <dt>{t("camera.location")}</dt>
        <dd>{camera.location ?? <span className="muted">{t("camera.noLocation")}</span>}</dd>
        {camera.host && (
          <>
            <dt>{t("gate.address")}</dt>
            <dd className="mono">{camera.host}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
