import { z } from "zod";
import { isoDateTimeSchema } from "./common";
import { alarmStatuses } from "./terminal";

/** A person to call; `phone` is masked (138****5678) unless the reader's role needs it in full. */
export const contactSchema = z.object({
  name: z.string(),
  relation: z.string(),
  phone: z.string(),
});
export type Contact = z.infer<typeof contactSchema>;

/** What staff need to know about an elder the moment their alarm sounds. */
export const elderSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  livingSituation: z.string(),
  conditions: z.array(z.string()),
  medicationNotes: z.string(),
  keyHolder: contactSchema.nullable(),
  /** In the order they are to be called. */
  emergencyContacts: z.array(contactSchema),
});
export type ElderSummary = z.infer<typeof elderSummarySchema>;

export const alarmEventSchema = z.object({
  at: isoDateTimeSchema,
  type: z.enum(["raised", "acknowledged", "escalated", "contact-notified", "note", "resolved", "cancelled"]),
  actor: z.string().nullable(),
  note: z.string().nullable(),
});
export type AlarmEvent = z.infer<typeof alarmEventSchema>;

export const alarmViewSchema = z.object({
  id: z.string(),
  kind: z.literal("sos"),
  source: z.string().nullable(),
  status: z.enum(alarmStatuses),
  raisedAt: isoDateTimeSchema,
  receivedAt: isoDateTimeSchema,
  escalationLevel: z.number().int(),
  terminal: z.object({ id: z.string(), name: z.string() }),
  community: z.object({ id: z.string(), name: z.string() }),
  elder: elderSummarySchema.nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: isoDateTimeSchema.nullable(),
  resolvedAt: isoDateTimeSchema.nullable(),
  resolution: z.string().nullable(),
  cancelledAt: isoDateTimeSchema.nullable(),
  events: z.array(alarmEventSchema),
});
export type AlarmView = z.infer<typeof alarmViewSchema>;
