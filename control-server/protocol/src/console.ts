import { z } from "zod";
import type { AlarmView } from "./alarms";
import { deviceHealthSchema, isoDateTimeSchema, terminalKindSchema } from "./common";

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
}

// biome-ignore lint/complexity/noBannedTypes: the console sends nothing yet; later issues add events here
export type ConsoleToServerEvents = {};
