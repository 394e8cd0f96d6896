import { z } from "zod";

/** WebRTC signalling between an elder unit's page and a console, relayed by the server (no media server). */
export const callSignalSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("description"),
    description: z.object({ type: z.enum(["offer", "answer"]), sdp: z.string().min(1).max(20_000) }),
  }),
  z.object({
    type: z.literal("candidate"),
    candidate: z.object({
      candidate: z.string().max(1000),
      sdpMid: z.string().max(64).nullable(),
      sdpMLineIndex: z.number().int().min(0).max(64).nullable(),
    }),
  }),
]);
export type CallSignal = z.infer<typeof callSignalSchema>;

export const callIdSchema = z.uuid();

export const callSignalMessageSchema = z.object({ callId: callIdSchema, signal: callSignalSchema });
export type CallSignalMessage = z.infer<typeof callSignalMessageSchema>;

export const callRefSchema = z.object({ callId: callIdSchema });

export const callEndReasons = ["hung-up", "unanswered", "link-lost"] as const;
export type CallEndReason = (typeof callEndReasons)[number];

/** A unit asking to talk to the centre, as consoles see it ring. */
export interface CallRinging {
  callId: string;
  terminal: { id: string; name: string };
  communityId: string;
  elder: { name: string; address: string } | null;
  at: string;
}
