import { z } from "zod";
import { deviceHealthSchema, isoDateTimeSchema } from "./common";

/** Gates (access controllers) and cameras the control server drives, as named in its devices file. */
export const serverDeviceKinds = ["gate", "camera"] as const;
export type ServerDeviceKind = (typeof serverDeviceKinds)[number];

/** A server device's health with when it last changed; pushed to consoles as `device:health`. */
export const deviceHealthChangeSchema = z.object({
  kind: z.enum(serverDeviceKinds),
  name: z.string(),
  communityId: z.string(),
  health: deviceHealthSchema,
  /** When the health last changed. */
  since: isoDateTimeSchema,
});
export type DeviceHealthChange = z.infer<typeof deviceHealthChangeSchema>;

export const gateSummarySchema = z.object({
  name: z.string(),
  type: z.literal("uhppote"),
  communityId: z.string(),
  host: z.string(),
  port: z.number().int(),
  serialNumber: z.number().int(),
  doors: z.array(z.object({ door: z.number().int(), name: z.string() })),
  /** Where the server receives the controller's pushed events, once listening. */
  listener: z.object({ host: z.string(), port: z.number().int() }).nullable(),
  health: deviceHealthSchema,
  since: isoDateTimeSchema,
});
export type GateSummary = z.infer<typeof gateSummarySchema>;

export const cameraTypes = ["hikvision-push", "dahua", "onvif"] as const;

export const cameraSummarySchema = z.object({
  name: z.string(),
  type: z.enum(cameraTypes),
  communityId: z.string(),
  location: z.string().nullable(),
  /** The camera's address; null for cameras that push to us. */
  host: z.string().nullable(),
  /** Where a pushing camera sends its reads (on the server's own port), null for the others. */
  pushPath: z.string().nullable(),
  health: deviceHealthSchema,
  since: isoDateTimeSchema,
});
export type CameraSummary = z.infer<typeof cameraSummarySchema>;

export const plateDirectionSchema = z.enum(["entry", "exit", "unknown"]);

/** One licence plate read, as stored; pictures are served from `url`. */
export const plateReadSchema = z.object({
  id: z.number().int(),
  camera: z.string(),
  communityId: z.string(),
  location: z.string().nullable(),
  source: z.enum(["hikvision", "dahua"]),
  plate: z.string(),
  plateColor: z.string().nullable(),
  direction: plateDirectionSchema,
  /** 0–100 as the camera reports it. */
  confidence: z.number().nullable(),
  vehicleType: z.string().nullable(),
  /** When the camera read it (its clock). */
  readAt: isoDateTimeSchema,
  receivedAt: isoDateTimeSchema,
  pictures: z.array(z.object({ kind: z.enum(["plate", "scene"]), url: z.string() })),
});
export type PlateRead = z.infer<typeof plateReadSchema>;

export const gateEventTypes = ["swipe", "door", "alarm", "other"] as const;

/** A card swipe, a door opening or closing, a button or an alarm reported by an access controller. */
export const gateEventSchema = z.object({
  id: z.number().int(),
  gate: z.string(),
  communityId: z.string(),
  /** The controller's own index of the event in its log. */
  eventIndex: z.number().int(),
  type: z.enum(gateEventTypes),
  door: z.number().int(),
  doorName: z.string().nullable(),
  direction: z.enum(["in", "out", "unknown"]),
  /** The card number for swipes, otherwise null. */
  card: z.number().int().nullable(),
  granted: z.boolean(),
  /** The controller's reason code and what it means. */
  reason: z.number().int(),
  reasonText: z.string(),
  /** The controller's clock at the event; null when its clock is not set. */
  occurredAt: isoDateTimeSchema.nullable(),
  receivedAt: isoDateTimeSchema,
});
export type GateEventView = z.infer<typeof gateEventSchema>;
