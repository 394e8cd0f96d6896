/**
 * The one typed bridge between a terminal's UI and its runtime. Pure types: the UI (DOM) and the runtime
 * (Node, Electron main) both import this file. Calls answer envelopes; nothing throws across the bridge.
 */
import type {
  Ack,
  ApplicationAnswers,
  ApplicationMaterialFile,
  ApplicationStatus,
  CallEndReason,
  CallSignal,
  DeviceHealth,
  DurablePayload,
  DurableTerminalEvent,
  KioskContent,
  Notice,
  PublicApplicationView,
  ServiceStatus,
  TerminalKind,
  UploadReceived,
  UploadSession,
} from "@linli/protocol";

export type LinkState =
  /** No credentials yet: exchanging the enrolment code. */
  | "enrolling"
  /** Enrolment was refused (code unknown, used or expired): a person must act. */
  | "enrollment-failed"
  | "connecting"
  | "online"
  /** The server cannot be reached; retrying with backoff. */
  | "offline"
  /** The server refused this terminal (revoked or unknown credentials): a person must act. */
  | "refused";

export interface TerminalSnapshot {
  kind: TerminalKind;
  version: string;
  terminalId: string | null;
  link: { state: LinkState; since: string; detail: string | null };
  /** Events committed locally and not yet acknowledged by the server. */
  outbox: { pending: number; oldestAt: string | null; rejected: number };
  devices: DeviceHealth[];
  /** Settings staff pushed to this terminal (e.g. locale, idle timeout); the UI applies what it knows. */
  settings: TerminalSettings;
  /** Elder units: the latest SOS; null when there is none. */
  alarm: ElderAlarmState | null;
  /** Elder units: service requests still open, and those closed in the last day (to be rated). */
  services: ElderServiceState[];
  /** Elder units: when the elder last pressed "I'm fine" (saved on the unit), or null. */
  lastCheckinAt: string | null;
  /** Notices meant for this terminal (the server's latest list, kept on disk for offline). */
  notices: TerminalNotice[];
  /** Kiosks: catalogue, guides, facilities, lifts; the last copy fetched, kept on disk; null before the first. */
  content: KioskContent | null;
  /** Kiosks: the resident signed in right now; null on the attract screen. */
  resident: ResidentSession | null;
  /** Kiosks: applications submitted in this session (their receipts), newest last. */
  submitted: SubmittedApplication[];
  /** Kiosks: applications started in this session and not yet submitted (absent from older runtimes). */
  drafts?: ApplicationDraft[];
}

/** An application being filled in at the kiosk: which materials the kiosk or the phone already provided. */
export interface ApplicationDraft {
  receiptCode: string;
  serviceCode: string;
  /** Material codes captured at the kiosk or uploaded from the phone. */
  provided: string[];
}

export interface TerminalNotice {
  notice: Notice;
  /** Elder units: when the household pressed "heard it"; null until then. */
  heardAt: string | null;
}

/**
 * The resident at the kiosk, as the UI may see them: the name and a masked ID number. The full number
 * stays in the runtime, which forgets it when the session ends.
 */
export interface ResidentSession {
  name: string;
  /** 430***********1234 */
  idMasked: string;
  /** `typed`: a typed ID number proven by a code texted to the registry's phone — as good as the card. */
  source: "card" | "typed";
  /** Matched in the population registry; false: a new record was proposed (or the centre is unreachable). */
  known: boolean;
  /** Null when the registry has no building (or is unreachable). */
  buildingId: string | null;
  signedInAt: string;
}

export interface SubmittedApplication {
  receiptCode: string;
  serviceCode: string;
  serviceName: string;
  /** Materials still missing when it was submitted, by name (zh-CN and English). */
  missing: Array<{ code: string; name: string; nameEn: string }>;
  submittedAt: string;
  /** The centre confirmed it (false: in the outbox, sent when the link is back). */
  delivered: boolean;
  status: ApplicationStatus | null;
  /** The public progress page; the receipt's QR code. */
  progressUrl: string;
  receipt: ReceiptOutcome | null;
}

/** What became of the printed receipt. */
export type ReceiptOutcome =
  | { outcome: "printed" }
  /** The printer is out of paper, open or away: the job waits; the screen shows the QR code instead. */
  | { outcome: "queued"; reason: string }
  | { outcome: "no-printer" };

export interface ElderServiceState {
  requestEventId: string;
  serviceCode: string;
  /** From the server's catalogue; null until the server has answered. */
  serviceName: string | null;
  /**
   * sending: saved on the unit, not yet confirmed by the centre; then the centre's own status; refused:
   * the centre could not take it (e.g. the service is not offered in the elder's community).
   */
  status: "sending" | "refused" | ServiceStatus;
  providerName: string | null;
  rating: "good" | "bad" | "not-done" | null;
  requestedAt: string;
  at: string;
}

export type TerminalSettings = Record<string, string | number | boolean>;

/** The unit's latest SOS as the elder should hear it (see runtime/elder-alarm.ts for the rules). */
export interface ElderAlarmState {
  raiseId: string;
  raisedAt: string;
  /**
   * sending: saved on the unit, not yet confirmed by the centre; received: the centre has it and is
   * finding someone; acknowledged: a person took the call; resolved; cancelled: a false alarm.
   */
  phase: "sending" | "received" | "acknowledged" | "resolved" | "cancelled";
  alarmId: string | null;
  /** Name of the staff member who took the call. */
  acknowledgedBy: string | null;
  escalationLevel: number;
  /** The centre cannot be reached right now; the unit keeps trying. */
  unreachable: boolean;
  /** It has been unreachable long enough that the elder should use the phone instead. */
  advisePhone: boolean;
}

/** What the UI may send: any durable event, without its id (the runtime assigns it when it commits). */
export type OutboxRequest = {
  [E in DurableTerminalEvent]: { event: E; payload: Omit<DurablePayload<E>, "id"> };
}[DurableTerminalEvent];

export interface BridgeCalls {
  "state:get": { request: null; response: TerminalSnapshot };
  /** Commits the event to the outbox; `ok` means it is on disk and will be delivered. */
  "outbox:send": { request: OutboxRequest; response: { id: string; queuedAt: string } };
  /** SOS from the screen; answers once the alarm is on disk (not yet at the centre). */
  "alarm:raise": { request: null; response: { raiseId: string } };
  /** "False alarm" for the current SOS. */
  "alarm:cancel": { request: null; response: { raiseId: string } };
  /** "Call the centre": rings the consoles; answers the call id once the server has it ringing. */
  "call:request": { request: null; response: { callId: string } };
  /** WebRTC signalling from this unit's page to the console in the call. */
  "call:signal": { request: { callId: string; signal: CallSignal }; response: null };
  "call:hangup": { request: { callId: string }; response: null };
  /** The daily "I'm fine" (我很好). */
  checkin: { request: null; response: { at: string } };
  /** Asks the centre for a service from the catalogue (meals, housekeeping, medical, …). */
  "service:request": { request: { serviceCode: string }; response: { requestEventId: string } };
  /** The elder's verdict on a finished service; "bad" or "not-done" sends it back to the centre. */
  "service:rate": {
    request: { requestEventId: string; rating: "good" | "bad" | "not-done" };
    response: { requestEventId: string };
  };
  /** A key from a keyboard-wedge button box; `handled` tells the UI to swallow the keystroke. */
  "device:key": {
    request: { type: "down" | "up"; key: string; code: string; repeat: boolean };
    response: { handled: boolean };
  };
  /** Says a sentence aloud with the unit's speech engine (for UIs without a Web Speech voice). */
  speak: { request: { text: string }; response: null };
  /** Elder units: the household pressed "heard it" for a notice read aloud. */
  "notice:heard": { request: { noticeId: string }; response: { noticeId: string } };
  /** A notice is on screen (kiosk) or being read aloud (elder unit): recorded once as `shown`. */
  "notice:shown": { request: { noticeId: string }; response: { noticeId: string } };
  /**
   * Kiosks without the ID card: the centre texts a code to the phone the population registry has for this
   * ID number (needs the centre). `not_found`: no phone on record (or no such resident).
   */
  "resident:send-code": {
    request: { idNumber: string };
    response: { phoneMasked: string; resendAfter: string };
  };
  /**
   * Kiosks: sign in with the typed ID number and the texted code (the card reader signs in by itself).
   * Refused `invalid_payload` (wrong code), `expired` (ask for a new code), `forbidden` (too many tries).
   */
  "resident:sign-in": { request: { idNumber: string; code: string }; response: ResidentSession };
  /** Kiosks: forget the resident, their answers and materials ("finish", idle, card removed). */
  "session:end": { request: null; response: null };
  /** Kiosks: starts an application; the kiosk issues its receipt code now, online or not. */
  "application:start": { request: { serviceCode: string }; response: { receiptCode: string } };
  /** Kiosks: a QR-code session to upload this application's materials from a phone (needs the centre). */
  "application:phone-upload": {
    request: { receiptCode: string; answers: ApplicationAnswers };
    response: UploadSession;
  };
  /** Kiosks: a material captured at the kiosk; committed to the outbox. */
  "application:capture": {
    request: Omit<ApplicationMaterialFile, "id" | "receiptCode" | "addedAt"> & { receiptCode: string };
    response: { materialCode: string };
  };
  /** Kiosks: submits the application (committed to the outbox) and prints its receipt. */
  "application:submit": {
    request: { receiptCode: string; answers: ApplicationAnswers; phone: string | null };
    response: SubmittedApplication;
  };
  /** Kiosks: prints the receipt of an application submitted in this session again. */
  "receipt:print": { request: { receiptCode: string }; response: ReceiptOutcome };
  /** Kiosks: progress by receipt code, or of every application of the signed-in resident (needs the centre). */
  "application:lookup": {
    request: { receiptCode: string } | { mine: true };
    response: PublicApplicationView[];
  };
  /** Kiosks: the resident rates a decided application; committed to the outbox. */
  "application:rate": {
    request: { receiptCode: string; score: number; comment: string };
    response: { receiptCode: string };
  };
}
export type BridgeCallName = keyof BridgeCalls;

export interface BridgeEvents {
  state: TerminalSnapshot;
  /** The server acknowledged an event the UI sent. */
  "outbox:delivered": { id: string; event: DurableTerminalEvent; result: unknown };
  /** Staff asked the terminal to reload its UI. */
  reload: null;
  /** A voice call with the centre: taken by someone, coming in from the centre, signalling, or ended. */
  call: /** The unit's own call button rang the centre (the screen's button learns it from its call's answer). */
    | { type: "ringing"; callId: string }
    | { type: "accepted"; callId: string; staffName: string }
    | { type: "incoming"; callId: string; staffName: string }
    | { type: "signal"; callId: string; signal: CallSignal }
    | { type: "ended"; callId: string; reason: CallEndReason };
  /** A physical button other than SOS was pressed (SOS is handled by the runtime itself). */
  button: { button: string; device: string };
  /** Kiosks: the ID card reader read a card (the resident is signed in), could not read one, or it was removed. */
  card:
    | { type: "signed-in"; resident: ResidentSession }
    | { type: "unreadable"; reason: string }
    | { type: "removed" };
  /** Kiosks: a material arrived from the resident's phone. */
  "upload:received": UploadReceived;
}
export type BridgeEventName = keyof BridgeEvents;
/** Every bridge event, for the transports that forward them (browser-mode socket, Electron IPC). */
export const BRIDGE_EVENT_NAMES = [
  "state",
  "outbox:delivered",
  "reload",
  "button",
  "call",
  "card",
  "upload:received",
] as const satisfies readonly BridgeEventName[];
/** An event added to `BridgeEvents` but not to the list above is named here, and fails to compile. */
export type UnforwardedBridgeEvent = Exclude<BridgeEventName, (typeof BRIDGE_EVENT_NAMES)[number]>;
export const everyBridgeEventForwarded: [UnforwardedBridgeEvent] extends [never]
  ? true
  : UnforwardedBridgeEvent = true;

/** How a UI talks to its runtime, whatever carries it (Electron IPC, or a loopback socket in browser mode). */
export interface TerminalBridge {
  call<K extends BridgeCallName>(
    name: K,
    request: BridgeCalls[K]["request"],
  ): Promise<Ack<BridgeCalls[K]["response"]>>;
  on<E extends BridgeEventName>(event: E, listener: (payload: BridgeEvents[E]) => void): () => void;
}

/** Name of the socket.io namespace of the browser-mode bridge, and of the Electron IPC channels. */
export const BRIDGE_NAMESPACE = "/bridge";
export const BRIDGE_CALL_CHANNEL = "linli:bridge-call";
export const BRIDGE_EVENT_CHANNEL = "linli:bridge-event";
/** The browser-mode UI finds its bridge secret in the URL fragment under this key. */
export const BRIDGE_TOKEN_PARAM = "bridge";
