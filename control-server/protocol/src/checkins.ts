import { z } from "zod";
import { isoDateTimeSchema } from "./common";

/** A gentle task for staff: an elder did not press "I'm fine" by the day's check-in hour. */
export const checkTaskSchema = z.object({
  id: z.string(),
  date: z.string(),
  status: z.enum(["open", "done"]),
  elder: z.object({ id: z.string(), name: z.string(), address: z.string() }),
  community: z.object({ id: z.string(), name: z.string() }),
  terminalId: z.string(),
  createdAt: isoDateTimeSchema,
  doneAt: isoDateTimeSchema.nullable(),
  doneBy: z.string().nullable(),
  note: z.string().nullable(),
});
export type CheckTask = z.infer<typeof checkTaskSchema>;
