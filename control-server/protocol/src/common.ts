import { z } from "zod";

export const terminalKinds = ["kiosk", "elder"] as const;
export const terminalKindSchema = z.enum(terminalKinds);
export type TerminalKind = z.infer<typeof terminalKindSchema>;

/** Client-generated ids of durable events: the server deduplicates by them. */
export const eventIdSchema = z.uuid();

export const isoDateTimeSchema = z.iso.datetime({ offset: true });

export const deviceStatuses = ["ok", "degraded", "unavailable"] as const;

/** What a terminal reports of one of its devices. */
export const deviceHealthSchema = z.object({
  device: z.string().min(1).max(64),
  status: z.enum(deviceStatuses),
  reason: z.string().max(200).optional(),
});
export type DeviceHealth = z.infer<typeof deviceHealthSchema>;
