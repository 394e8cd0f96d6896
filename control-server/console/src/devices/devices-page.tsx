import type { GateSummary } from "@linli/protocol";
import { useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import { ApiError } from "../api/http";
import type { Community, StaffPrincipal } from "../api/types";
import { ConfirmDialog, type ConfirmRequest } from "../components/confirm-dialog";
import { PageTitle } from "../components/page-title";
import { useI18n } from "../i18n/i18n";
import type { LiveLink } from "../live/use-console-socket";
import { CameraPanel } from "./camera-panel";
import { GateEventsTable } from "./gate-events-table";
import { GatePanel } from "./gate-panel";
import { PlateReadsTable } from "./plate-reads-table";
import { useDevices } from "./use-devices";

/**
 * Gates and plate cameras: their health, 开门 (after a question: someone is let in), the latest gate
 * events and plate reads as they happen.
 */
export function DevicesPage(props: {
  api: ConsoleApi;
  live: LiveLink;
  communities: Community[];
  staff: StaffPrincipal;
}) {
  const { t } = useI18n();
  const { api } = props;
  const devices = useDevices(api, props.live);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [busyDoor, setBusyDoor] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  // The server's rule: administrators and dispatchers open doors.
  const canOpen = props.staff.role === "admin" || props.staff.role === "dispatcher";
  const communityName = (id: string) => props.communities.find((c) => c.id === id)?.name ?? id;
  const { state } = devices;

  const open = async (gate: GateSummary, door: { door: number; name: string }) => {
    setBusyDoor(`${gate.name}/${door.door}`);
    setMessage(null);
    try {
      await api.openDoor(gate.name, door.door);
      setMessage({ text: t("gate.opened", { door: door.name }), error: false });
    } catch (error) {
      const text =
        error instanceof ApiError && error.status === 0 ? t("error.unreachable") : (error as Error).message;
      setMessage({ text: t("gate.openFailed", { message: text }), error: true });
    } finally {
      setBusyDoor(null);
    }
  };

  const ask = (gate: GateSummary, door: { door: number; name: string }) =>
    setConfirm({
      title: t("gate.confirmTitle", { door: door.name }),
      body: t("gate.confirmBody", { door: door.name, gate: gate.name }),
      confirmLabel: t("gate.open"),
      onConfirm: () => void open(gate, door),
    });

  return (
    <>
      <PageTitle>{t("devices.title")}</PageTitle>
      <p className="page-intro">{t("devices.intro")}</p>
      <div className="messages" aria-live="polite">
        {message && (
          <p className={message.error ? "message message-error" : "message message-ok"}>{message.text}</p>
        )}
      </div>
      {devices.error && (
        <div className="message message-error" role="alert">
          {t("devices.loadFailed", { message: devices.error })}{" "}
          <button type="button" className="button button-small" onClick={devices.refresh}>
            {t("fleet.retry")}
          </button>
        </div>
      )}
      {!state && !devices.error && <p className="muted">{t("devices.loading")}</p>}
      {state && state.gates.length === 0 && state.cameras.length === 0 && (
        <p className="empty">{t("devices.noneConfigured")}</p>
      )}
      {state && (state.gates.length > 0 || state.cameras.length > 0) && (
        <div className="devices-layout">
          <section aria-labelledby="gates-title" className="devices-column">
            <h2 id="gates-title" className="section-title">
              {t("gates.title", { count: state.gates.length })}
            </h2>
            {!canOpen && state.gates.length > 0 && <p className="page-note muted">{t("gate.cannotOpen")}</p>}
            {state.gates.length === 0 && <p className="empty">{t("gates.none")}</p>}
            <div className="device-panels">
              {state.gates.map((gate) => (
                <GatePanel
                  key={gate.name}
                  gate={gate}
                  communityName={communityName(gate.communityId)}
                  canOpen={canOpen}
                  busyDoor={busyDoor}
                  onOpen={ask}
                />
              ))}
            </div>
            <h3 className="subheading">{t("gateEvents.title")}</h3>
            {state.events.length === 0 ? (
              <p className="empty">{t("gateEvents.empty")}</p>
            ) : (
              <GateEventsTable events={state.events} />
            )}
          </section>
          <section aria-labelledby="cameras-title" className="devices-column">
            <h2 id="cameras-title" className="section-title">
              {t("cameras.title", { count: state.cameras.length })}
            </h2>
            {state.cameras.length === 0 && <p className="empty">{t("cameras.none")}</p>}
            <div className="device-panels">
              {state.cameras.map((camera) => (
                <CameraPanel
                  key={camera.name}
                  camera={camera}
                  communityName={communityName(camera.communityId)}
                />
              ))}
            </div>
            <h3 className="subheading">{t("plates.title")}</h3>
            {state.reads.length === 0 ? (
              <p className="empty">{t("plates.empty")}</p>
            ) : (
              <PlateReadsTable api={api} reads={state.reads} />
            )}
          </section>
        </div>
      )}
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </>
  );
}
