import type { AlarmView } from "@linli/protocol";
import { useEffect, useId, useRef } from "react";
import type { ToneState } from "../audio/repeating-tone";
import { pageHref } from "../components/use-hash-route";
import { useNow } from "../components/use-now";
import { useScrollClearance } from "../components/use-scroll-clearance";
import { useI18n } from "../i18n/i18n";
import { AlarmBarItem } from "./alarm-bar-item";
import { CancelledNotice } from "./cancelled-notice";
import { SoundBlockedNotice } from "./sound-blocked-notice";
import type { AlarmActions } from "./use-alarm-actions";
import { useQueueChanges } from "./use-queue-changes";

/**
 * Above every page: the open alarms, the longest-waiting first, until each is acknowledged. It has no
 * close button and the sound has no mute; acknowledging is the only way to quiet it.
 */
export function AlarmBar(props: {
  alarms: AlarmView[] | null;
  open: AlarmView[];
  sound: { state: ToneState; enable(): void };
  canAct: boolean;
  actions: AlarmActions;
  onAcknowledged(alarm: AlarmView): void;
}) {
  const { t } = useI18n();
  const { open, sound, actions } = props;
  const titleId = useId();
  const now = useNow(1000);
  const changes = useQueueChanges(props.alarms, open);
  const area = useRef<HTMLDivElement>(null);
  useScrollClearance(area);

  useEffect(() => {
    const base = `${t("app.console")} · ${t("app.name")}`;
    // After the language provider has set its own title for this render.
    queueMicrotask(() => {
      document.title = open.length > 0 ? `${t("alarmBar.tabTitle", { count: open.length })} ${base}` : base;
    });
  }, [open.length, t]);

  const acknowledge = async (alarm: AlarmView) => {
    if (await actions.acknowledge(alarm)) props.onAcknowledged(alarm);
  };

  return (
    <div ref={area} className="alarm-area" data-alarm-sound={sound.state} data-testid="alarm-area">
      {sound.state === "blocked" && <SoundBlockedNotice onEnable={sound.enable} urgent={open.length > 0} />}
      {open.length > 0 && (
        <section className="alarm-bar" aria-labelledby={titleId} data-testid="alarm-bar">
          <div className="alarm-bar-head">
            <h2 id={titleId}>{t("alarmBar.title", { count: open.length })}</h2>
            <p className="alarm-bar-sound">
              {sound.state === "playing" ? t("alarmBar.soundPlaying") : t("alarmBar.soundNotPlaying")}
            </p>
            {!props.canAct && <p className="alarm-bar-role">{t("alarmBar.cannotAct")}</p>}
            <a className="alarm-bar-all" href={pageHref("alarms")}>
              {t("alarmBar.all")}
            </a>
          </div>
          <ol className="alarm-list">
            {open.map((alarm) => (
              <AlarmBarItem
                key={alarm.id}
                alarm={alarm}
                now={now}
                canAct={props.canAct}
                busy={actions.busyId === alarm.id}
                onAcknowledge={acknowledge}
              />
            ))}
          </ol>
          <div className="messages" aria-live="polite">
            {actions.message?.error && <p className="alarm-bar-error">{actions.message.text}</p>}
          </div>
        </section>
      )}
      {changes.cancelled.length > 0 && (
        <ul className="cancelled-notices" aria-label={t("alarmBar.cancelledTitle")}>
          {changes.cancelled.map((alarm) => (
            <CancelledNotice key={alarm.id} alarm={alarm} onDismiss={() => changes.dismiss(alarm.id)} />
          ))}
        </ul>
      )}
      <div className="visually-hidden" aria-live="assertive" data-testid="alarm-announcer">
        {changes.announcement}
      </div>
    </div>
  );
}
