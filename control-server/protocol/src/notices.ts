import { z } from "zod";
import { eventIdSchema, isoDateTimeSchema } from "./common";

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
