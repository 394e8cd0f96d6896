import { useEffect, useMemo, useRef } from "react";
import type { UiBridge } from "../../kiosk/ui/shared/bridge-client";
import type { Locale } from "../../kiosk/ui/shared/i18n";

/** Says sentences aloud; a new sentence interrupts the one being said, since only the latest matters. */
export interface Announcer {
  say(text: string): void;
  /** Stops whatever is being said through Web Speech (the unit's own engine stops at the next sentence). */
  hush(): void;
}

/** Voice language tags that speak the locale: Mandarin for zh-CN (not Cantonese), any English for en. */
export function voiceFits(lang: string, locale: Locale): boolean {
  const tag = lang.toLowerCase().replace(/_/g, "-");
  if (locale === "en") return tag === "en" || tag.startsWith("en-");
  if (/^(zh-(hk|mo)|yue)\b/.test(tag) || tag.includes("yue")) return false;
  return tag === "zh" || tag.startsWith("zh-") || tag.startsWith("cmn");
}

/** The best installed Web Speech voice for the locale (mainland Mandarin first), or null. */
export function pickVoice<V extends { lang: string; localService?: boolean }>(
  voices: readonly V[],
  locale: Locale,
): V | null {
  const fitting = voices.filter((voice) => voiceFits(voice.lang, locale));
  const preferred = locale === "en" ? /^en-(us|gb)/i : /^(zh-cn|zh-hans|cmn)/i;
  return (
    fitting.find((voice) => preferred.test(voice.lang.replace(/_/g, "-")) && voice.localService !== false) ??
    fitting.find((voice) => preferred.test(voice.lang.replace(/_/g, "-"))) ??
    fitting[0] ??
    null
  );
}

/**
 * Web Speech when the browser has a voice for the locale, otherwise the unit's own engine through the
 * bridge (espeak-ng). Web Speech can refuse (no user gesture yet, engine gone): the sentence then goes
 * to the unit's engine, so that nothing is left unsaid.
 */
export function createAnnouncer(bridge: UiBridge, locale: Locale): Announcer {
  const synth = typeof window !== "undefined" && "speechSynthesis" in window ? window.speechSynthesis : null;
  const viaRuntime = (text: string) => void bridge.call("speak", { text });
  return {
    say(text) {
      const voice = synth ? pickVoice(synth.getVoices(), locale) : null;
      if (!synth || !voice) {
        viaRuntime(text);
        return;
      }
      synth.cancel();
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      // A little slower than the default: elders catch more of it.
      utterance.rate = 0.85;
      utterance.onerror = (event) => {
        if (event.error !== "interrupted" && event.error !== "canceled") viaRuntime(text);
      };
      synth.speak(utterance);
    },
    hush() {
      synth?.cancel();
    },
  };
}

export function useAnnouncer(bridge: UiBridge, locale: Locale): Announcer {
  const announcer = useMemo(() => createAnnouncer(bridge, locale), [bridge, locale]);
  useEffect(() => {
    // Chromium loads its voice list after start-up; asking once makes it load, so the next sentence finds it.
    window.speechSynthesis?.getVoices();
    return () => announcer.hush();
  }, [announcer]);
  return announcer;
}

/**
 * Says `speech` whenever `key` changes, and again every `repeatMs` while it stays (null: once). Nothing
 * is said for a null key.
 */
export function useSpokenState(
  announcer: Announcer,
  key: string | null,
  speech: string | null,
  repeatMs: number | null,
): void {
  const latest = useRef(speech);
  latest.current = speech;
  useEffect(() => {
    if (key === null || !latest.current) return;
    announcer.say(latest.current);
    if (repeatMs === null) return;
    const timer = setInterval(() => {
      if (latest.current) announcer.say(latest.current);
    }, repeatMs);
    return () => clearInterval(timer);
  }, [announcer, key, repeatMs]);
}
