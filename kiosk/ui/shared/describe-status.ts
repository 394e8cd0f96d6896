import type { DeviceHealth } from "@linli/protocol";
import type { LinkState, TerminalSnapshot } from "../../bridge/contract";
import type { MessageKey, Translate } from "./i18n";

/** ok: all is well; busy: wait a moment; warning: it fixes itself; alert: a person must act. */
export type Tone = "ok" | "busy" | "warning" | "alert";

export interface StatusLine {
  tone: Tone;
  title: string;
  hint: string;
  /** The runtime's own words (often technical), for the staff member who services the terminal. */
  detail: string | null;
}

const LINK_WORDS: Record<LinkState, { tone: Tone; title: MessageKey; hint: MessageKey }> = {
  online: { tone: "ok", title: "link.online", hint: "link.onlineHint" },
  connecting: { tone: "busy", title: "link.connecting", hint: "link.connectingHint" },
  enrolling: { tone: "busy", title: "link.enrolling", hint: "link.connectingHint" },
  offline: { tone: "warning", title: "link.offline", hint: "link.offlineHint" },
  refused: { tone: "alert", title: "link.refused", hint: "link.staffHint" },
  "enrollment-failed": { tone: "alert", title: "link.enrollmentFailed", hint: "link.staffHint" },
};

/** What the link banner says: the runtime's link state, or that the runtime itself cannot be reached. */
export function describeLink(
  snapshot: TerminalSnapshot | null,
  reachable: boolean,
  t: Translate,
): StatusLine {
  if (!reachable)
    return {
      tone: "warning",
      title: t("bridge.unreachable"),
      hint: t("bridge.unreachableHint"),
      detail: null,
    };
  if (!snapshot)
    return { tone: "busy", title: t("link.connecting"), hint: t("link.connectingHint"), detail: null };
  const words = LINK_WORDS[snapshot.link.state];
  const detail = snapshot.link.state === "online" ? null : snapshot.link.detail;
  return { tone: words.tone, title: t(words.title), hint: t(words.hint), detail };
}

/** Events kept on the terminal until the server has them, in plain words; empty when nothing waits. */
export function describeOutbox(outbox: TerminalSnapshot["outbox"], t: Translate): string[] {
  const lines: string[] = [];
  if (outbox.pending > 0) lines.push(t("outbox.pending", { count: outbox.pending }));
  if (outbox.rejected > 0) lines.push(t("outbox.rejected", { count: outbox.rejected }));
  return lines;
}

/** Config names of devices (`devices.<name>`) matched loosely to words a resident understands. */
const DEVICE_NAMES: Array<[RegExp, MessageKey]> = [
  [/print/, "device.printer"],
  [/id-?card|idcard|card-?reader|身份证/, "device.idCard"],
  [/camera|cam$/, "device.camera"],
  [/scan/, "device.scanner"],
  [/button/, "device.buttons"],
  [/pendant|^rf/, "device.pendant"],
  [/speaker|audio/, "device.speaker"],
  [/mic/, "device.microphone"],
  [/touch/, "device.touch"],
];

export function deviceName(device: string, t: Translate): string {
  const name = device.toLowerCase().replace(/[_\s]/g, "-");
  const match = DEVICE_NAMES.find(([pattern]) => pattern.test(name));
  return match ? t(match[1]) : t("device.unknown", { name: device });
}

/** One plain sentence per device that is not fully working. */
export function describeDevices(devices: DeviceHealth[], t: Translate): string[] {
  return devices
    .filter((d) => d.status !== "ok")
    .map((d) =>
      t(d.status === "unavailable" ? "device.unavailable" : "device.degraded", {
        device: deviceName(d.device, t),
      }),
    );
}
