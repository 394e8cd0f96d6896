import type { UiBridge } from "../shared/bridge-client";
import type { Locale } from "../shared/i18n";

/** Voice tags that speak the locale: Mandarin for zh-CN (not Cantonese), any English for en. */
function fits(lang: string, locale: Locale): boolean {
  const tag = lang.toLowerCase().replace(/_/g, "-");
  if (locale === "en") return tag === "en" || tag.startsWith("en-");
  if (tag.includes("yue") || /^zh-(hk|mo)/.test(tag)) return false;
  return tag === "zh" || tag.startsWith("zh-") || tag.startsWith("cmn");
}

/** The runtime's speech engine takes at most 500 characters a call. */
const MAX_CHUNK = 480;
/** Bumped by every new reading and by hush: a reading in progress stops at its next chunk. */
let reading = 0;

/** Lines grouped into chunks the speech engines accept; an over-long line is cut. */
export function speechChunks(text: string, max = MAX_CHUNK): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const line of text.split("\n").flatMap((l) => l.match(new RegExp(`.{1,${max}}`, "gu")) ?? [])) {
    if (current && current.length + line.length + 1 > max) {
      chunks.push(current);
      current = "";
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) chunks.push(current);
  return chunks;
}

/**
 * Reads a screen aloud: Web Speech when the browser has a voice for the locale, otherwise the kiosk's
 * own speech engine through the bridge, so that a kiosk without browser voices still speaks.
 */
export function readAloud(bridge: UiBridge, locale: Locale, text: string): void {
  const synth = "speechSynthesis" in window ? window.speechSynthesis : null;
  const voice = synth?.getVoices().find((candidate) => fits(candidate.lang, locale)) ?? null;
  const chunks = speechChunks(text);
  const mine = ++reading;
  if (!synth || !voice) {
    void (async () => {
      for (const chunk of chunks) {
        if (mine !== reading) return;
        await bridge.call("speak", { text: chunk });
      }
    })();
    return;
  }
  synth.cancel();
  for (const chunk of chunks) {
    const utterance = new SpeechSynthesisUtterance(chunk);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9;
    synth.speak(utterance);
  }
}

export function hush(): void {
  reading++;
  if ("speechSynthesis" in window) window.speechSynthesis.cancel();
}

/** What the screen says: the visible text of its main region, in reading order, one line per block. */
export function screenText(): string {
  const main = document.querySelector("main");
  // innerText, not textContent: it leaves out what is hidden and keeps the line breaks between blocks.
  // biome-ignore lint/performance/useDomNodeTextContent: see above
  return (main instanceof HTMLElement ? main.innerText : "").replace(/\s*\n\s*/g, "\n").trim();
}
