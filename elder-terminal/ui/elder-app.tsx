import { useCallback, useEffect, useMemo, useState } from "react";
import type { UiBridge } from "../../kiosk/ui/shared/bridge-client";
import { describeDevices, describeLink, describeOutbox } from "../../kiosk/ui/shared/describe-status";
import { pickLocale, translator } from "../../kiosk/ui/shared/i18n";
import { useNow } from "../../kiosk/ui/shared/use-now";
import { useTerminal } from "../../kiosk/ui/shared/use-terminal";
import { AlarmScreen } from "./alarm-screen";
import { CLOSED_SCREEN_MS, describeAlarm, REPEAT_SPEECH_MS } from "./alarm-words";
import { IdleScreen } from "./idle-screen";
import type { SosState } from "./sos-button";
import { useAnnouncer, useSpokenState } from "./speech";
import { useDeviceKeys } from "./use-device-keys";

/** How long a first press of "false alarm" waits for the second, confirming one. */
const CANCEL_CONFIRM_MS = 15_000;
const DISMISSED_KEY = "linli.elder.dismissed";

/** Closed alarms the elder has already put away; kept across a reload so they do not come back. */
function loadDismissed(): Set<string> {
  try {
    return new Set(JSON.parse(sessionStorage.getItem(DISMISSED_KEY) ?? "[]") as string[]);
  } catch {
    return new Set();
  }
}

/**
 * The elder unit's screen (800 × 480 landscape). Between alarms: time, connection and a huge SOS button.
 * During an SOS: the alarm, said aloud at every change (and again while the elder waits), with a false-
 * alarm button that asks for a second press. The unit's physical buttons do the same as the screen's.
 */
export function ElderApp({ bridge }: { bridge: UiBridge }) {
  const { snapshot, reachable } = useTerminal(bridge);
  const locale = pickLocale(snapshot?.settings.locale);
  const t = useMemo(() => translator(locale), [locale]);
  const now = useNow();
  const announcer = useAnnouncer(bridge, locale);
  useDeviceKeys(bridge);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t("elder.brand");
  }, [locale, t]);

  const alarm = snapshot?.alarm ?? null;
  const view = alarm ? describeAlarm(alarm, t) : null;
  const closedKey = alarm && view?.closed ? `${alarm.raiseId}|${alarm.phase}` : null;
  const [dismissed, setDismissed] = useState(loadDismissed);
  const shown = view && !(closedKey && dismissed.has(closedKey)) ? view : null;

  const dismiss = useCallback((key: string) => {
    setDismissed((previous) => {
      // Only the latest few matter; the list must not grow for ever on a unit that runs for years.
      const next = new Set([...previous, key].slice(-20));
      sessionStorage.setItem(DISMISSED_KEY, JSON.stringify([...next]));
      return next;
    });
  }, []);

  // A closed alarm stays a while (so the elder hears and sees how it ended), then the idle screen returns.
  const closedPhase = alarm?.phase === "resolved" || alarm?.phase === "cancelled" ? alarm.phase : null;
  const closedShown = shown?.closed === true;
  useEffect(() => {
    if (!closedKey || !closedPhase || !closedShown) return;
    const timer = setTimeout(() => dismiss(closedKey), CLOSED_SCREEN_MS[closedPhase]);
    return () => clearTimeout(timer);
  }, [closedKey, closedPhase, closedShown, dismiss]);

  useSpokenState(
    announcer,
    shown?.key ?? null,
    shown?.speech ?? null,
    shown?.repeats ? REPEAT_SPEECH_MS : null,
  );

  // SOS from the screen.
  const [sosBusy, setSosBusy] = useState(false);
  const [sosFailed, setSosFailed] = useState(false);
  const raiseId = alarm?.raiseId ?? null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new alarm (raiseId) clears an old failure
  useEffect(() => setSosFailed(false), [raiseId]);
  const pressSos = useCallback(async () => {
    if (sosBusy) return;
    setSosBusy(true);
    setSosFailed(false);
    const answer = await bridge.call("alarm:raise", null);
    setSosBusy(false);
    if (!answer.ok) {
      setSosFailed(true);
      announcer.say(t("elder.sosFailed"));
    }
  }, [announcer, bridge, sosBusy, t]);
  const sos: SosState = !reachable ? "unavailable" : sosBusy ? "busy" : "ready";

  // False alarm: the first press arms, the second (within CANCEL_CONFIRM_MS) cancels.
  const [armedFor, setArmedFor] = useState<string | null>(null);
  const cancelArmed = armedFor !== null && armedFor === raiseId && shown?.cancellable === true;
  useEffect(() => {
    if (armedFor === null) return;
    const timer = setTimeout(() => setArmedFor(null), CANCEL_CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [armedFor]);
  const pressCancel = useCallback(() => {
    if (!raiseId || !shown?.cancellable) return;
    if (!cancelArmed) {
      setArmedFor(raiseId);
      announcer.say(t("alarm.cancelConfirmSpeech"));
      return;
    }
    setArmedFor(null);
    // The runtime's new state (cancelled) says the outcome; a refusal means there was nothing to cancel.
    void bridge.call("alarm:cancel", null);
  }, [announcer, bridge, cancelArmed, raiseId, shown?.cancellable, t]);

  const pressOk = useCallback(() => {
    if (closedKey && shown?.closed) dismiss(closedKey);
  }, [closedKey, dismiss, shown?.closed]);

  // The unit's physical buttons other than SOS (SOS itself the runtime raises on its own).
  useEffect(
    () =>
      bridge.on("button", ({ button }) => {
        if (button === "cancel") pressCancel();
        else if (button === "ok") pressOk();
      }),
    [bridge, pressCancel, pressOk],
  );

  if (shown) {
    return (
      <AlarmScreen
        view={shown}
        t={t}
        cancelArmed={cancelArmed}
        onCancel={pressCancel}
        sos={sos}
        onSos={() => void pressSos()}
      />
    );
  }
  const notes = snapshot
    ? [...describeOutbox(snapshot.outbox, t), ...describeDevices(snapshot.devices, t)]
    : [];
  return (
    <IdleScreen
      now={now}
      locale={locale}
      t={t}
      status={describeLink(snapshot, reachable, t)}
      notes={notes}
      sos={sos}
      sosFailed={sosFailed}
      onSos={() => void pressSos()}
    />
  );
}
