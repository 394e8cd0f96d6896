import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ResidentSession, TerminalSnapshot } from "../bridge/contract";
import { IdleOverlay } from "./components/idle-overlay";
import { StatusFooter } from "./components/status-footer";
import { TopBar } from "./components/top-bar";
import { hush, readAloud, screenText } from "./hooks/read-aloud";
import { useAutoRead } from "./hooks/use-auto-read";
import { idleSecondsFrom, useIdleCountdown } from "./hooks/use-idle-countdown";
import type { Route } from "./route";
import { ScreenSwitch } from "./screens/screen-switch";
import type { UiBridge } from "./shared/bridge-client";
import { type Locale, pickLocale, translator } from "./shared/i18n";
import { type Visit, VisitContext } from "./visit-context";

/** One resident's visit: the screens, the language and elder mode they chose, and the idle watch. */
export function VisitShell(props: {
  bridge: UiBridge;
  snapshot: TerminalSnapshot;
  reachable: boolean;
  resident: ResidentSession | null;
  onEnd: () => void;
}) {
  const { bridge, snapshot, resident, onEnd } = props;
  const [chosenLocale, setChosenLocale] = useState<Locale | null>(null);
  const locale = chosenLocale ?? pickLocale(snapshot.settings.locale);
  const t = useMemo(() => translator(locale), [locale]);
  const [elder, setElder] = useState(false);
  const start: Route = resident ? { name: "home" } : { name: "attract" };
  const [stack, setStack] = useState<Route[]>([start]);
  const route = stack.at(-1) ?? start;

  // Signing in (card placed, or the typed ID accepted) opens the home menu; the runtime signing the
  // resident out by itself ends the visit.
  const signedInAt = resident?.signedInAt ?? null;
  const previousSignedInAt = useRef(signedInAt);
  useEffect(() => {
    const before = previousSignedInAt.current;
    previousSignedInAt.current = signedInAt;
    if (signedInAt && signedInAt !== before) setStack([{ name: "home" }]);
    else if (!signedInAt && before) onEnd();
  }, [signedInAt, onEnd]);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t("brand.name");
  }, [locale, t]);
  useEffect(() => hush, []);

  const busyScreen = route.name !== "attract" || resident !== null;
  const { secondsLeft, moreTime } = useIdleCountdown(
    busyScreen,
    idleSecondsFrom(snapshot.settings.idleTimeoutSeconds),
    onEnd,
  );

  const speak = useCallback(() => {
    const text = screenText();
    if (text) readAloud(bridge, locale, text);
  }, [bridge, locale]);
  useAutoRead(elder, speak);
  // The countdown is said too in elder mode: a resident who cannot see it well must still hear it.
  const countingDown = secondsLeft !== null;
  useEffect(() => {
    if (elder && countingDown)
      readAloud(bridge, locale, `${t("idle.title")} ${t("idle.hint")} ${t("idle.moreTime")}`);
  }, [elder, countingDown, bridge, locale, t]);

  const visit: Visit = {
    t,
    locale,
    bridge,
    snapshot,
    online: props.reachable && snapshot.link.state === "online",
    resident,
    go: (next) => setStack((current) => [...current, next]),
    replace: (next) => setStack((current) => [...current.slice(0, -1), next]),
    back: () => setStack((current) => (current.length > 1 ? current.slice(0, -1) : current)),
    home: () => setStack([start]),
    finish: onEnd,
  };

  return (
    <VisitContext.Provider value={visit}>
      <div className={`kiosk${elder ? " elder" : ""}`} data-screen={route.name}>
        <TopBar
          elder={elder}
          onElder={() => setElder((on) => !on)}
          onLocale={() => setChosenLocale(locale === "en" ? "zh-CN" : "en")}
          onReadAloud={speak}
          showHome={stack.length > 1}
        />
        <ScreenSwitch route={route} />
        <StatusFooter reachable={props.reachable} detailed={route.name === "attract"} />
        {secondsLeft !== null && <IdleOverlay secondsLeft={secondsLeft} onMoreTime={moreTime} />}
      </div>
    </VisitContext.Provider>
  );
}
