import { z } from "zod";
import { eventIdSchema, isoDateTimeSchema, terminalKindSchema } from "./common";

export const noticeCategories = ["government", "water", "power", "gas", "community"] as const;
/** normal; important (shown first, read aloud twice on elder units); emergency (takes over the screen). */
export const noticePriorities = ["normal", "important", "emergency"] as const;

/** A notice as a terminal shows it. Targeting (communities, terminal kinds) stays on the server. */
export const noticeSchema = z.object({
  id: z.string(),
  title: z.string().min(1).max(80),
  body: z.string().min(1).max(2000),
  category: z.enum(noticeCategories),
  priority: z.enum(noticePriorities),
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema.nullable(),
  /** Households must confirm they heard it (a water or power cut); those who do not are called back. */
  requiresConfirmation: z.boolean(),
  publishedAt: isoDateTimeSchema,
});
export type Notice = z.infer<typeof noticeSchema>;

/** Server → terminal, on connect and whenever they change: every notice currently meant for this terminal. */
export const noticeListSchema = z.object({ notices: z.array(noticeSchema).max(200) });
export type NoticeList = z.infer<typeof noticeListSchema>;

/**
 * Durable (terminal → server): proof of delivery (the terminal has it), of display (on screen or read
 * aloud) and, on elder units, that the household pressed "heard it".
 */
export const noticeReceiptSchema = z.object({
  id: eventIdSchema,
  noticeId: z.string().min(1).max(64),
  kind: z.enum(["delivered", "shown", "heard"]),
  at: isoDateTimeSchema,
});
export type NoticeReceipt = z.infer<typeof noticeReceiptSchema>;

/** What staff publish or change: the notice, whom it is for, and when it shows. */
export const noticeInputSchema = z
  .object({
    title: z.string().trim().min(1).max(80),
    body: z.string().trim().min(1).max(2000),
    category: z.enum(noticeCategories),
    priority: z.enum(noticePriorities),
    /** Community ids; empty means every community. */
    communityIds: z.array(z.string().min(1).max(64)).max(50),
    terminalKinds: z.array(terminalKindSchema).min(1).max(2),
    /** Absent: from now on. */
    startsAt: isoDateTimeSchema.nullish(),
    endsAt: isoDateTimeSchema.nullish(),
    requiresConfirmation: z.boolean(),
  })
  .refine(
    (input) => !input.startsAt || !input.endsAt || Date.parse(input.endsAt) > Date.parse(input.startsAt),
    {
      message: "the end must be after the start",
      path: ["endsAt"],
    },
  );
export type NoticeInput = z.infer<typeof noticeInputSchema>;

export const noticeStates = ["scheduled", "current", "ended", "withdrawn"] as const;

/** A notice as staff see it: its targeting, who published it, and how far it got. */
export const staffNoticeSchema = noticeSchema.extend({
  communityIds: z.array(z.string()),
  terminalKinds: z.array(terminalKindSchema),
  publishedBy: z.object({ id: z.string(), name: z.string() }),
  updatedAt: isoDateTimeSchema,
  withdrawnAt: isoDateTimeSchema.nullable(),
  state: z.enum(noticeStates),
  /** Terminals it is meant for (in the reader's communities) and how many of them proved each step. */
  counts: z.object({
    targeted: z.number().int(),
    delivered: z.number().int(),
    shown: z.number().int(),
    heard: z.number().int(),
    /** Elder units that have not confirmed a notice that requires confirmation. */
    toCallBack: z.number().int(),
  }),
});
export type StaffNotice = z.infer<typeof staffNoticeSchema>;

/** A household on an elder unit, as the receipts and the call-back list name it. */
export const noticeHouseholdSchema = z.object({
  elderId: z.string(),
  name: z.string(),
  address: z.string(),
  /** The first emergency contact (masked for roles that do not phone people). */
  contact: z.object({ name: z.string(), relation: z.string(), phone: z.string() }).nullable(),
});
export type NoticeHousehold = z.infer<typeof noticeHouseholdSchema>;

export const noticeTerminalReceiptSchema = z.object({
  terminalId: z.string(),
  name: z.string(),
  kind: terminalKindSchema,
  community: z.object({ id: z.string(), name: z.string() }),
  online: z.boolean(),
  /** Elder units: the household bound to the unit, if a profile names it. */
  elder: noticeHouseholdSchema.nullable(),
  deliveredAt: isoDateTimeSchema.nullable(),
  shownAt: isoDateTimeSchema.nullable(),
  heardAt: isoDateTimeSchema.nullable(),
  /** Staff phoned the household: when, who, and what they found. */
  callBack: z.object({ at: isoDateTimeSchema, by: z.string(), note: z.string() }).nullable(),
});
export type NoticeTerminalReceipt = z.infer<typeof noticeTerminalReceiptSchema>;

/** `GET /api/v1/notices/{id}/receipts`: every targeted terminal, and the households still to call back. */
export const noticeReceiptsViewSchema = z.object({
  notice: staffNoticeSchema,
  terminals: z.array(noticeTerminalReceiptSchema),
  /** Elder units that did not confirm a notice that requires confirmation (empty when it does not). */
  callBack: z.array(noticeTerminalReceiptSchema),
});
export type NoticeReceiptsView = z.infer<typeof noticeReceiptsViewSchema>;
