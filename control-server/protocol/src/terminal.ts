import { z } from "zod";
import {
  type ApplicationLookup,
  type ApplicationMaterialFile,
  type ApplicationRating,
  type ApplicationStatus,
  type ApplicationSubmit,
  applicationMaterialFileSchema,
  applicationRatingSchema,
  applicationSubmitSchema,
  type PublicApplicationView,
  type ResidentCodeSent,
  type ResidentIdentify,
  type ResidentIdentity,
  type ResidentSendCode,
  type ResidentVerify,
  type UploadReceived,
  type UploadSession,
  type UploadSessionRequest,
} from "./applications";
import type { CallEndReason, CallSignalMessage } from "./calls";
import { deviceHealthSchema, eventIdSchema, isoDateTimeSchema } from "./common";
import type { KioskContent } from "./content";
import type { AckCallback } from "./envelope";
import { type NoticeList, type NoticeReceipt, noticeReceiptSchema } from "./notices";

/** Socket.IO namespace terminals connect to. */
export const TERMINAL_NAMESPACE = "/terminal";

/** `auth` of the `/terminal` handshake. */
export const terminalHandshakeSchema = z.object({
  terminalId: z.string().min(1).max(64),
  token: z.string().min(16).max(256),
  protocol: z.number().int(),
});
export type TerminalHandshake = z.infer<typeof terminalHandshakeSchema>;

/** Live state a terminal reports when it connects and whenever it changes; the latest wins. */
export const terminalStatusSchema = z.object({
  version: z.string().min(1).max(32),
  devices: z.array(deviceHealthSchema).max(32),
});
export type TerminalStatus = z.infer<typeof terminalStatusSchema>;

/** A notable thing that happened on a terminal (a device fault, a user-facing error), kept in its fleet log. */
export const terminalLogEntrySchema = z.object({
  id: eventIdSchema,
  at: isoDateTimeSchema,
  level: z.enum(["info", "warning", "error"]),
  code: z.string().min(1).max(64),
  message: z.string().max(500),
});
export type TerminalLogEntry = z.infer<typeof terminalLogEntrySchema>;

export const commandTypes = ["reload", "update-config", "restart"] as const;
export const commandTypeSchema = z.enum(commandTypes);
export type CommandType = z.infer<typeof commandTypeSchema>;

/** A persistent command from the server; delivered when the terminal is connected, until it expires. */
export const terminalCommandSchema = z.object({
  commandId: z.string().min(1).max(64),
  type: commandTypeSchema,
  params: z.record(z.string(), z.unknown()),
  expiresAt: isoDateTimeSchema,
});
export type TerminalCommand = z.infer<typeof terminalCommandSchema>;

/** The outcome of a command, sent through the outbox. */
export const commandResultSchema = z.object({
  id: eventIdSchema,
  commandId: z.string().min(1).max(64),
  status: z.enum(["succeeded", "failed"]),
  detail: z.string().max(2000).optional(),
});
export type CommandResult = z.infer<typeof commandResultSchema>;

/** An elder (or anyone at a terminal) calls for help: the SOS button, a pendant, or the screen. */
export const alarmRaiseSchema = z.object({
  id: eventIdSchema,
  kind: z.literal("sos"),
  raisedAt: isoDateTimeSchema,
  source: z.enum(["button", "pendant", "screen"]).optional(),
});
export type AlarmRaise = z.infer<typeof alarmRaiseSchema>;

/** The elder says it was a false alarm; refers to the raise by its event id, so it works offline too. */
export const alarmCancelSchema = z.object({
  id: eventIdSchema,
  raiseId: eventIdSchema,
  cancelledAt: isoDateTimeSchema,
});
export type AlarmCancel = z.infer<typeof alarmCancelSchema>;

export const alarmStatuses = ["open", "acknowledged", "resolved", "cancelled"] as const;
export type AlarmStatus = (typeof alarmStatuses)[number];

/** What the unit tells the elder about their alarm: sent to the terminal on every change and on reconnect. */
export const alarmUpdateSchema = z.object({
  alarmId: z.string(),
  raiseId: z.string(),
  status: z.enum(alarmStatuses),
  /** Display name of the staff member who took the call, once someone has. */
  acknowledgedBy: z.string().nullable(),
  escalationLevel: z.number().int().min(0),
  at: isoDateTimeSchema,
});
export type AlarmUpdate = z.infer<typeof alarmUpdateSchema>;

/** An elder asks for a service from the catalogue (meals, housekeeping, a medical visit, …). */
export const serviceRequestSchema = z.object({
  id: eventIdSchema,
  serviceCode: z.string().regex(/^[a-z][a-z0-9-]{1,31}$/),
  requestedAt: isoDateTimeSchema,
});
export type ServiceRequest = z.infer<typeof serviceRequestSchema>;

export const serviceRatings = ["good", "bad", "not-done"] as const;
/** The elder's verdict with the unit's buttons; "bad" or "not-done" reopens the request. */
export const serviceRatingSchema = z.object({
  id: eventIdSchema,
  /** The event id of the request being rated, so that rating works before the server's id is known. */
  requestEventId: eventIdSchema,
  rating: z.enum(serviceRatings),
  ratedAt: isoDateTimeSchema,
});
export type ServiceRating = z.infer<typeof serviceRatingSchema>;

export const serviceStatuses = [
  "requested",
  "accepted",
  "dispatched",
  "in-progress",
  "done",
  "cancelled",
] as const;
export type ServiceStatus = (typeof serviceStatuses)[number];

/** What the unit tells the elder about a service request: sent on every change and on reconnect. */
export const serviceUpdateSchema = z.object({
  requestId: z.string(),
  requestEventId: z.string(),
  serviceCode: z.string(),
  serviceName: z.string(),
  status: z.enum(serviceStatuses),
  providerName: z.string().nullable(),
  rating: z.enum(serviceRatings).nullable(),
  at: isoDateTimeSchema,
});
export type ServiceUpdate = z.infer<typeof serviceUpdateSchema>;

/** The elder's daily "I'm fine" (我很好) press. */
export const checkinSchema = z.object({
  id: eventIdSchema,
  at: isoDateTimeSchema,
});
export type Checkin = z.infer<typeof checkinSchema>;

/**
 * Events a terminal sends that must never be lost: written to the terminal's outbox first, resent until
 * acknowledged; each payload carries its client-generated `id` and the server stores it at most once.
 */
export const durableTerminalEvents = {
  "terminal:log": terminalLogEntrySchema,
  "command:result": commandResultSchema,
  "alarm:raise": alarmRaiseSchema,
  "alarm:cancel": alarmCancelSchema,
  "service:request": serviceRequestSchema,
  "service:rate": serviceRatingSchema,
  "checkin:ok": checkinSchema,
  "application:submit": applicationSubmitSchema,
  "application:material": applicationMaterialFileSchema,
  "application:rate": applicationRatingSchema,
  "notice:receipt": noticeReceiptSchema,
} as const;
export type DurableTerminalEvent = keyof typeof durableTerminalEvents;
export type DurablePayload<E extends DurableTerminalEvent> = z.infer<(typeof durableTerminalEvents)[E]>;

export interface DurableAckData {
  "terminal:log": { id: string };
  "command:result": { commandId: string };
  "alarm:raise": { alarmId: string };
  "alarm:cancel": { alarmId: string; status: AlarmStatus };
  "service:request": { requestId: string };
  "service:rate": { requestId: string; status: ServiceStatus };
  /** The local date the check-in counts for. */
  "checkin:ok": { date: string };
  "application:submit": { receiptCode: string; status: ApplicationStatus };
  "application:material": { receiptCode: string; materialCode: string };
  "application:rate": { receiptCode: string };
  "notice:receipt": { noticeId: string };
}

export interface TerminalToServerEvents {
  "terminal:status": (status: TerminalStatus, ack: AckCallback<{ serverTime: string }>) => void;
  "terminal:log": (entry: TerminalLogEntry, ack: AckCallback<DurableAckData["terminal:log"]>) => void;
  "command:result": (result: CommandResult, ack: AckCallback<DurableAckData["command:result"]>) => void;
  "alarm:raise": (alarm: AlarmRaise, ack: AckCallback<DurableAckData["alarm:raise"]>) => void;
  "alarm:cancel": (cancel: AlarmCancel, ack: AckCallback<DurableAckData["alarm:cancel"]>) => void;
  "service:request": (request: ServiceRequest, ack: AckCallback<DurableAckData["service:request"]>) => void;
  "service:rate": (rating: ServiceRating, ack: AckCallback<DurableAckData["service:rate"]>) => void;
  "checkin:ok": (checkin: Checkin, ack: AckCallback<DurableAckData["checkin:ok"]>) => void;
  "application:submit": (
    submit: ApplicationSubmit,
    ack: AckCallback<DurableAckData["application:submit"]>,
  ) => void;
  "application:material": (
    file: ApplicationMaterialFile,
    ack: AckCallback<DurableAckData["application:material"]>,
  ) => void;
  "application:rate": (
    rating: ApplicationRating,
    ack: AckCallback<DurableAckData["application:rate"]>,
  ) => void;
  "notice:receipt": (receipt: NoticeReceipt, ack: AckCallback<DurableAckData["notice:receipt"]>) => void;
  /** Kiosks: the catalogue, notices, guides, facilities and lifts of the terminal's community. */
  "kiosk:content": (request: null, ack: AckCallback<KioskContent>) => void;
  /** Kiosks: matches a card or a typed ID number to the population registry (proposes a record if none). */
  "resident:identify": (request: ResidentIdentify, ack: AckCallback<ResidentIdentity>) => void;
  /** Kiosks: text a code to the registry's phone of a typed ID number (sign-in without the card). */
  "resident:send-code": (request: ResidentSendCode, ack: AckCallback<ResidentCodeSent>) => void;
  /** Kiosks: the typed code; the registry's identity when it is right. */
  "resident:verify": (request: ResidentVerify, ack: AckCallback<ResidentIdentity>) => void;
  "application:lookup": (request: ApplicationLookup, ack: AckCallback<PublicApplicationView[]>) => void;
  /** Kiosks: a QR-code session so the resident can upload materials from their phone. */
  "upload:session": (request: UploadSessionRequest, ack: AckCallback<UploadSession>) => void;
  /** "Call the centre": rings every console that may answer; fails when none is open. */
  "call:request": (request: { callId: string }, ack: AckCallback<{ callId: string }>) => void;
  "call:signal": (message: CallSignalMessage, ack: AckCallback<null>) => void;
  "call:hangup": (request: { callId: string }, ack: AckCallback<null>) => void;
}

export interface ServerToTerminalEvents {
  /** The terminal acknowledges receipt; the outcome follows as `command:result`. */
  command: (command: TerminalCommand, ack: AckCallback<null>) => void;
  /** The state of one of this terminal's alarms changed (or is resent after a reconnection). */
  "alarm:update": (update: AlarmUpdate) => void;
  /** The state of one of this terminal's service requests changed (or is resent after a reconnection). */
  "service:update": (update: ServiceUpdate) => void;
  /** A person at a console took the unit's call. */
  "call:accepted": (event: { callId: string; staffName: string }) => void;
  /** The centre calls the unit (e.g. during an alarm); the unit answers hands-free. */
  "call:incoming": (event: { callId: string; staffName: string }) => void;
  "call:signal": (message: CallSignalMessage) => void;
  "call:ended": (event: { callId: string; reason: CallEndReason }) => void;
  /** Every notice currently meant for this terminal: sent on connect and whenever one changes. */
  notices: (list: NoticeList) => void;
  /** Kiosks: the catalogue, guides, facilities or lifts changed; fetch `kiosk:content` again. */
  "content:changed": () => void;
  /** Kiosks: a material arrived from the resident's phone for an application open at this kiosk. */
  "upload:received": (upload: UploadReceived) => void;
}
