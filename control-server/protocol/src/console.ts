import { z } from "zod";
import type { AlarmView } from "./alarms";
import type { ApplicationView } from "./applications";
import type { CallEndReason, CallRinging, CallSignalMessage } from "./calls";
import type { CheckTask } from "./checkins";
import { deviceHealthSchema, isoDateTimeSchema, terminalKindSchema } from "./common";
import type { DeviceHealthChange, GateEventView, PlateRead } from "./devices";
import type { AckCallback } from "./envelope";
import type { ServiceRequestView } from "./services";

/** Socket.IO namespace the staff console connects to, with `auth: {token}` (a staff session token). */
export const CONSOLE_NAMESPACE = "/console";

export const terminalSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: terminalKindSchema,
  communityId: z.string(),
  online: z.boolean(),
  lastSeenAt: isoDateTimeSchema.nullable(),
  version: z.string().nullable(),
  devices: z.array(deviceHealthSchema),
  revoked: z.boolean(),
});
export type TerminalSummary = z.infer<typeof terminalSummarySchema>;

export interface PresenceChange {
  terminalId: string;
  communityId: string;
  online: boolean;
  at: string;
  reason: "connected" | "disconnected" | "silent" | "revoked";
}

export interface ServerToConsoleEvents {
  "terminal:presence": (change: PresenceChange) => void;
  "terminal:updated": (terminal: TerminalSummary) => void;
  /** A new alarm: every open console sounds it until a person acknowledges it. */
  "alarm:raised": (alarm: AlarmView) => void;
  "alarm:updated": (alarm: AlarmView) => void;
  /** A gate or camera of the server went away, came back or changed state. */
  "device:health": (change: DeviceHealthChange) => void;
  "plate:read": (read: PlateRead) => void;
  "gate:event": (event: GateEventView) => void;
  "service:changed": (request: ServiceRequestView) => void;
  /** A daily check task was created (the elder did not check in) or closed. */
  "checktask:changed": (task: CheckTask) => void;
  /** An elder unit asks to talk; rings on every console that may answer until one accepts. */
  "call:ringing": (call: CallRinging) => void;
  /** Someone (maybe this console) took the call; the others stop ringing. */
  "call:taken": (event: { callId: string; by: string }) => void;
  "call:signal": (message: CallSignalMessage) => void;
  "call:ended": (event: { callId: string; reason: CallEndReason }) => void;
  /** A request missed its target time, or an elder's low rating reopened it: a supervisor must look. */
  "service:alert": (alert: { request: ServiceRequestView; reason: "target-missed" | "reopened" }) => void;
  /** An application was submitted, changed status, gained a file or a rating. */
  "application:changed": (application: ApplicationView) => void;
  /** A terminal proved delivery, display or "heard it" of a notice, or staff noted a call-back: fetch its receipts. */
  "notice:receipt": (event: { noticeId: string; terminalId: string }) => void;
}

export interface ConsoleToServerEvents {
  "call:accept": (request: { callId: string }, ack: AckCallback<{ callId: string }>) => void;
  /** Call an elder unit (it answers hands-free). */
  "call:dial": (request: { terminalId: string }, ack: AckCallback<{ callId: string }>) => void;
  "call:signal": (message: CallSignalMessage, ack: AckCallback<null>) => void;
  "call:hangup": (request: { callId: string }, ack: AckCallback<null>) => void;
}
