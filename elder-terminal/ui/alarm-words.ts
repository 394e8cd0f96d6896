import type { ElderAlarmState } from "../../kiosk/bridge/contract";
import type { Translate } from "../../kiosk/ui/shared/i18n";

/** What the elder's screen shows during an SOS; each scene has its own colour and icon. */
export type AlarmScene =
  | "sending"
  | "unreachable"
  | "phone"
  | "received"
  | "acknowledged"
  | "resolved"
  | "cancelled";

export interface AlarmView {
  scene: AlarmScene;
  /** The sentence on screen, very large; split into phrases at commas so lines break between them. */
  title: string;
  hint: string;
  /** What the unit says aloud when the scene appears (and again every little while if `repeats`). */
  speech: string;
  /** The elder is still waiting for a person: say it again now and then, in case it was missed. */
  repeats: boolean;
  /** The SOS is still open, so "false alarm" can cancel it. */
  cancellable: boolean;
  /** The SOS is over: the screen goes back to idle after a while, or when the elder presses OK. */
  closed: boolean;
  /** Changes exactly when something the elder should hear changes. */
  key: string;
}

/** How long a closed SOS stays on screen before the idle screen comes back. */
export const CLOSED_SCREEN_MS: Record<"resolved" | "cancelled", number> = {
  resolved: 60_000,
  cancelled: 30_000,
};

/** How often a waiting alarm's sentence is said again. */
export const REPEAT_SPEECH_MS = 20_000;

/**
 * The runtime's alarm state in words an elder understands. Strictly no promise of help before a person
 * has taken the call (`acknowledged`); escalation does not change the words, so that it cannot frighten.
 */
export function describeAlarm(alarm: ElderAlarmState, t: Translate): AlarmView {
  const base = { repeats: false, cancellable: false, closed: false };
  const view = ((): Omit<AlarmView, "key"> => {
    switch (alarm.phase) {
      case "sending":
      case "received": {
        if (alarm.advisePhone) {
          return {
            ...base,
            scene: "phone",
            title: t("alarm.phone"),
            hint: t("alarm.phoneHint"),
            speech: t("alarm.phoneSpeech"),
            repeats: true,
            cancellable: true,
          };
        }
        if (alarm.phase === "sending") {
          return alarm.unreachable
            ? {
                ...base,
                scene: "unreachable",
                title: t("alarm.unreachable"),
                hint: t("alarm.unreachableHint"),
                speech: t("alarm.unreachableSpeech"),
                repeats: true,
                cancellable: true,
              }
            : {
                ...base,
                scene: "sending",
                title: t("alarm.sending"),
                hint: t("alarm.sendingHint"),
                speech: t("alarm.sendingSpeech"),
                repeats: true,
                cancellable: true,
              };
        }
        // The centre has it; if the link dropped since, that is said calmly below the main sentence.
        return {
          ...base,
          scene: "received",
          title: t("alarm.received"),
          hint: t(alarm.unreachable ? "alarm.receivedOfflineHint" : "alarm.receivedHint"),
          speech: alarm.unreachable
            ? `${t("alarm.receivedSpeech")} ${t("alarm.receivedOfflineHint")}`
            : t("alarm.receivedSpeech"),
          repeats: true,
          cancellable: true,
        };
      }
      case "acknowledged": {
        const name = alarm.acknowledgedBy?.trim() || t("alarm.someone");
        return {
          ...base,
          scene: "acknowledged",
          title: t("alarm.acknowledged", { name }),
          hint: t("alarm.acknowledgedHint"),
          speech: t("alarm.acknowledgedSpeech", { name }),
          cancellable: true,
        };
      }
      case "resolved":
        return {
          ...base,
          scene: "resolved",
          title: t("alarm.resolved"),
          hint: t("alarm.closedHint"),
          speech: t("alarm.resolvedSpeech"),
          closed: true,
        };
      case "cancelled":
        return {
          ...base,
          scene: "cancelled",
          title: t("alarm.cancelled"),
          hint: t("alarm.closedHint"),
          speech: t("alarm.cancelledSpeech"),
          closed: true,
        };
    }
  })();
  return { ...view, key: `${alarm.raiseId}|${view.scene}|${view.speech}` };
}

/** "服务中心已收到您的呼叫，正在安排人员" → phrases that each stay on one line. */
export function phrases(sentence: string): string[] {
  return sentence.split(/(?<=[，,。．.]\s?)/).filter((part) => part.trim() !== "");
}

/** Width of a phrase in em: a Chinese character is one em, a Latin letter or digit a little over half. */
export function emWidth(phrase: string): number {
  let width = 0;
  for (const char of phrase) width += /[\u2014\u2026\u2E80-\uFFEF]/.test(char) ? 1 : 0.56;
  return width;
}

/**
 * As large as the longest phrase allows on one line of the text column (about 640 px), never under 48 px
 * (English phrases are long and wrap between words instead). Scenes with longer sentences (a provider's
 * name) may allow a little less.
 */
export function titleSize(title: string, columnPx = 628, minPx = 48): number {
  const longest = Math.max(...phrases(title).map(emWidth));
  return Math.max(minPx, Math.min(72, Math.floor(columnPx / longest)));
}
