import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { UiBridge } from "../../kiosk/ui/shared/bridge-client";
import { describeDevices, describeLink, describeOutbox } from "../../kiosk/ui/shared/describe-status";
import { pickLocale, translator } from "../../kiosk/ui/shared/i18n";
import { useNow } from "../../kiosk/ui/shared/use-now";
import { useTerminal } from "../../kiosk/ui/shared/use-terminal";
import { AlarmScreen } from "./alarm-screen";
import { CLOSED_SCREEN_MS, describeAlarm, REPEAT_SPEECH_MS } from "./alarm-words";
import { CallFailedScreen, CallScreen, RemoteAudio } from "./call-screen";
import { IdleScreen } from "./idle-screen";
import { NoticeScreen } from "./notice-screen";
import { describeNotice } from "./notice-words";
import { MessageScreen, type Rating, ServicePicker, ServiceScreen } from "./service-screens";
import { doneKey, focusService, type ServiceCode, summarizeServices } from "./service-words";
import type { SosState } from "./sos-button";
import { useAnnouncer, useSpokenState } from "./speech";
import { useDeviceKeys } from "./use-device-keys";
import { useVoiceCall } from "./use-voice-call";

/** How long a first press of "false alarm" waits for the second, confirming one. */
const CANCEL_CONFIRM_MS = 15_000;
/** How long news of a service (or a short message) stays before the idle screen, with SOS, comes back. */
const SERVICE_NEWS_MS = 60_000;
const MESSAGE_MS = 15_000;
const CALL_FAILED_MS = 30_000;
const DISMISSED_KEY = "linli.elder.dismissed";
const SERVICES_SEEN_KEY = "linli.elder.services-seen";
const RATED_KEY = "linli.elder.rated";

/**
 * A set of keys kept across a reload (the staff's reload command), so that what the elder has put away
 * does not come back. Only the latest few matter: the list must not grow for ever on a unit that runs
 * for years.
 */
function useStoredSet(
  storageKey: string,
): [ReadonlySet<string>, (key: string) => void, (key: string) => void] {
  const [set, setSet] = useState<ReadonlySet<string>>(() => {
    try {
      return new Set(JSON.parse(sessionStorage.getItem(storageKey) ?? "[]") as string[]);
    } catch {
      return new Set();
    }
  });
  const write = useCallback(
    (change: (previous: ReadonlySet<string>) => string[]) =>
      setSet((previous) => {
        const next = new Set(change(previous).slice(-40));
        sessionStorage.setItem(storageKey, JSON.stringify([...next]));
        return next;
      }),
    [storageKey],
  );
  const add = useCallback((key: string) => write((previous) => [...previous, key]), [write]);
  const remove = useCallback(
    (key: string) => write((previous) => [...previous].filter((k) => k !== key)),
    [write],
  );
  return [set, add, remove];
}

const sameLocalDay = (a: Date, b: Date) =>
  a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/**
 * The elder unit's screen (800 × 480 landscape). Between alarms: time, connection, a huge SOS button,
 * and 我很好 / 叫服务 / 呼叫中心. During an SOS: the alarm, said aloud at every change (and again while
 * the elder waits), with a false-alarm button that asks for a second press. A service's progress, the
 * question after it, and a call each take the whole screen. Every change is said aloud; the unit's
 * physical OK and Cancel do what the screen's buttons do.
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

  // ---- SOS ----
  const alarm = snapshot?.alarm ?? null;
  const alarmView = alarm ? describeAlarm(alarm, t) : null;
  const closedKey = alarm && alarmView?.closed ? `${alarm.raiseId}|${alarm.phase}` : null;
  const [dismissed, dismiss] = useStoredSet(DISMISSED_KEY);
  const shownAlarm = alarmView && !(closedKey && dismissed.has(closedKey)) ? alarmView : null;

  // A closed alarm stays a while (so the elder hears and sees how it ended), then the idle screen returns.
  const closedPhase = alarm?.phase === "resolved" || alarm?.phase === "cancelled" ? alarm.phase : null;
  const closedShown = shownAlarm?.closed === true;
  useEffect(() => {
    if (!closedKey || !closedPhase || !closedShown) return;
    const timer = setTimeout(() => dismiss(closedKey), CLOSED_SCREEN_MS[closedPhase]);
    return () => clearTimeout(timer);
  }, [closedKey, closedPhase, closedShown, dismiss]);

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
  const cancelArmed = armedFor !== null && armedFor === raiseId && shownAlarm?.cancellable === true;
  useEffect(() => {
    if (armedFor === null) return;
    const timer = setTimeout(() => setArmedFor(null), CANCEL_CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [armedFor]);
  const pressCancel = useCallback(() => {
    if (!raiseId || !shownAlarm?.cancellable) return;
    if (!cancelArmed) {
      setArmedFor(raiseId);
      announcer.say(t("alarm.cancelConfirmSpeech"));
      return;
    }
    setArmedFor(null);
    // The runtime's new state (cancelled) says the outcome; a refusal means there was nothing to cancel.
    void bridge.call("alarm:cancel", null);
  }, [announcer, bridge, cancelArmed, raiseId, shownAlarm?.cancellable, t]);

  // ---- 我很好: said when the runtime has it, whether from the screen or the unit's own button ----
  const lastCheckinAt = snapshot?.lastCheckinAt ?? null;
  const checkedInToday = lastCheckinAt !== null && sameLocalDay(new Date(lastCheckinAt), now);
  const [checkinFailed, setCheckinFailed] = useState(false);
  const heardCheckin = useRef<string | null | undefined>(undefined);
  const hasSnapshot = snapshot !== null;
  useEffect(() => {
    if (!hasSnapshot) return;
    if (heardCheckin.current === undefined) {
      heardCheckin.current = lastCheckinAt;
      return;
    }
    if (lastCheckinAt === heardCheckin.current) return;
    heardCheckin.current = lastCheckinAt;
    if (lastCheckinAt) {
      setCheckinFailed(false);
      announcer.say(t("elder.checkinSpeech"));
    }
  }, [announcer, hasSnapshot, lastCheckinAt, t]);
  const pressCheckin = useCallback(async () => {
    const answer = await bridge.call("checkin", null);
    if (!answer.ok) {
      setCheckinFailed(true);
      announcer.say(t("elder.checkinFailed"));
    }
  }, [announcer, bridge, t]);

  // ---- services ----
  const services = snapshot?.services ?? [];
  const online = snapshot?.link.state === "online";
  const [servicesSeen, markServiceSeen] = useStoredSet(SERVICES_SEEN_KEY);
  const [ratedHere, markRated, unmarkRated] = useStoredSet(RATED_KEY);
  const serviceView = focusService(services, t, { online, ratedHere, dismissed: servicesSeen });
  const summary = summarizeServices(services, t);
  const [pickerOpen, setPickerOpen] = useState(0);
  const [pickBusy, setPickBusy] = useState(false);
  const [pickFailed, setPickFailed] = useState(false);
  const [thanks, setThanks] = useState<string | null>(null);

  const pickService = useCallback(
    async (serviceCode: ServiceCode) => {
      setPickBusy(true);
      setPickFailed(false);
      const answer = await bridge.call("service:request", { serviceCode });
      setPickBusy(false);
      if (answer.ok) {
        // The new request's own screen takes over and says it is booked.
        setPickerOpen(0);
        return;
      }
      setPickFailed(true);
      announcer.say(t("service.failed"));
    },
    [announcer, bridge, t],
  );

  const rate = useCallback(
    async (requestEventId: string, rating: Rating) => {
      const request = services.find((r) => r.requestEventId === requestEventId);
      if (!request) return;
      // Marked first, so that the question does not flash back while the runtime's new state arrives.
      const round = doneKey(request);
      markRated(round);
      const answer = await bridge.call("service:rate", { requestEventId, rating });
      if (!answer.ok) {
        unmarkRated(round);
        announcer.say(t("service.rateFailed"));
        return;
      }
      if (rating === "good") setThanks(round);
    },
    [announcer, bridge, markRated, services, t, unmarkRated],
  );

  // ---- calls ----
  const call = useVoiceCall(bridge, announcer, t);

  // ---- notices not yet heard: read aloud (important ones twice), confirmed with 听到了 or the OK key ----
  const noticeView = describeNotice(snapshot?.notices ?? [], locale);
  const noticeId = noticeView?.noticeId ?? null;
  const heardNotice = useCallback(() => {
    if (noticeId) void bridge.call("notice:heard", { noticeId });
  }, [bridge, noticeId]);

  // ---- what the screen shows, most urgent first ----
  const screen = (() => {
    if (call.state.phase === "ringing" || call.state.phase === "talking") return "call" as const;
    if (shownAlarm) return "alarm" as const;
    if (noticeView) return "notice" as const;
    if (call.state.phase === "failed") return "call-failed" as const;
    if (thanks) return "thanks" as const;
    if (serviceView) return "service" as const;
    if (pickerOpen > 0) return "picker" as const;
    return "idle" as const;
  })();

  const serviceKey = serviceView?.key ?? null;
  const serviceClosed = serviceView && !serviceView.question;
  useEffect(() => {
    if (screen !== "service" || !serviceKey || !serviceClosed) return;
    const timer = setTimeout(() => markServiceSeen(serviceKey), SERVICE_NEWS_MS);
    return () => clearTimeout(timer);
  }, [markServiceSeen, screen, serviceClosed, serviceKey]);
  useEffect(() => {
    if (!thanks) return;
    const timer = setTimeout(() => setThanks(null), MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [thanks]);
  const callFailed = call.state.phase === "failed";
  const dismissCall = call.dismiss;
  useEffect(() => {
    if (!callFailed) return;
    const timer = setTimeout(dismissCall, CALL_FAILED_MS);
    return () => clearTimeout(timer);
  }, [callFailed, dismissCall]);

  // The runtime records the notice as shown (read aloud), and from then on takes the unit's OK key as "heard".
  const noticeOnScreen = screen === "notice" ? noticeId : null;
  useEffect(() => {
    if (noticeOnScreen) void bridge.call("notice:shown", { noticeId: noticeOnScreen });
  }, [bridge, noticeOnScreen]);

  // One voice for the screen: what the shown screen says (calls speak from their own events).
  const spoken = (() => {
    switch (screen) {
      case "alarm":
        return shownAlarm
          ? {
              key: shownAlarm.key,
              speech: shownAlarm.speech,
              repeat: shownAlarm.repeats ? REPEAT_SPEECH_MS : null,
            }
          : null;
      case "notice":
        return noticeView ? { key: noticeView.key, speech: noticeView.speech, repeat: null } : null;
      case "service":
        return serviceView ? { key: serviceView.key, speech: serviceView.speech, repeat: null } : null;
      case "thanks":
        return { key: `thanks|${thanks}`, speech: t("service.thanksSpeech"), repeat: null };
      case "picker":
        return { key: `picker|${pickerOpen}`, speech: t("service.pickSpeech"), repeat: null };
      default:
        return null;
    }
  })();
  useSpokenState(announcer, spoken?.key ?? null, spoken?.speech ?? null, spoken?.repeat ?? null);

  const back = useCallback(() => {
    switch (screen) {
      case "alarm":
        if (closedKey && shownAlarm?.closed) dismiss(closedKey);
        return;
      case "call-failed":
        call.dismiss();
        return;
      case "thanks":
        setThanks(null);
        return;
      case "service":
        if (serviceKey) markServiceSeen(serviceKey);
        return;
      case "picker":
        setPickerOpen(0);
        setPickFailed(false);
        return;
    }
  }, [call, closedKey, dismiss, markServiceSeen, screen, serviceKey, shownAlarm?.closed]);

  // The unit's physical OK and Cancel (SOS, 我很好, call and service keys the runtime handles itself).
  const keys = useRef<{ ok: () => void; cancel: () => void }>({
    ok: () => undefined,
    cancel: () => undefined,
  });
  keys.current = {
    ok: () => {
      if (screen === "notice") heardNotice();
      else if (screen === "service" && serviceView?.question) void rate(serviceView.requestEventId, "good");
      else if (screen !== "call") back();
    },
    cancel: () => {
      if (screen === "call") call.hangUp();
      else if (screen === "alarm") pressCancel();
      else if (screen === "service" && serviceView?.question) void rate(serviceView.requestEventId, "bad");
      else back();
    },
  };
  useEffect(
    () =>
      bridge.on("button", ({ button }) => {
        if (button === "cancel") keys.current.cancel();
        else if (button === "ok") keys.current.ok();
      }),
    [bridge],
  );

  const audio = <RemoteAudio stream={call.remote} />;
  switch (screen) {
    case "call":
      return (
        <>
          {call.state.phase !== "idle" && call.state.phase !== "failed" && (
            <CallScreen state={call.state} t={t} onHangUp={call.hangUp} />
          )}
          {audio}
        </>
      );
    case "alarm":
      return (
        <>
          <AlarmScreen
            view={shownAlarm!}
            t={t}
            cancelArmed={cancelArmed}
            onCancel={pressCancel}
            sos={sos}
            onSos={() => void pressSos()}
          />
          {audio}
        </>
      );
    case "notice":
      return <NoticeScreen view={noticeView!} onHeard={heardNotice} />;
    case "call-failed":
      return (
        <CallFailedScreen
          reason={call.state.phase === "failed" ? call.state.reason : "unavailable"}
          t={t}
          sos={sos}
          onSos={() => void pressSos()}
          onBack={back}
        />
      );
    case "thanks":
      return (
        <MessageScreen
          testId="message"
          scene="thanks"
          glyph="check"
          title={t("service.thanks")}
          t={t}
          onBack={back}
        />
      );
    case "service":
      return (
        <ServiceScreen
          view={serviceView!}
          t={t}
          onRate={(rating) => void rate(serviceView!.requestEventId, rating)}
          onBack={back}
        />
      );
    case "picker":
      return (
        <ServicePicker
          t={t}
          current={summary.line}
          currentMore={summary.active > 1 ? t("service.currentMore", { count: summary.active }) : null}
          busy={pickBusy}
          failed={pickFailed}
          onPick={(code) => void pickService(code)}
          onBack={back}
        />
      );
    case "idle": {
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
          alert={sosFailed ? t("elder.sosFailed") : checkinFailed ? t("elder.checkinFailed") : null}
          onSos={() => void pressSos()}
          actions={reachable && snapshot !== null}
          checkedInToday={checkedInToday}
          onCheckin={() => void pressCheckin()}
          servicesActive={summary.active > 0 ? t("elder.servicesActive", { count: summary.active }) : null}
          onServices={() => {
            setPickFailed(false);
            setPickerOpen((n) => n + 1);
          }}
          onCall={call.start}
        />
      );
    }
  }
}
