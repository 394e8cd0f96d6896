import { z } from "zod";
import { RFLINK_BAUD_RATE } from "./rflink-codec";

export const pendantMappingSchema = z.object({
  id: z.string().regex(/^[0-9A-Fa-f]{1,8}$/, "expected the transmitter id in hex, e.g. 295FD59"),
  switch: z.union([z.number().int().min(0), z.string().regex(/^[0-9A-Za-z]{1,4}$/)]).optional(),
  protocol: z.string().min(1).optional(),
  button: z.string().min(1),
  owner: z.string().min(1).optional(),
});

export const rflinkReceiverConfigSchema = z.object({
  type: z.literal("rflink"),
  transport: z.literal("serial"),
  name: z.string().min(1).optional(),
  path: z.string().min(1),
  baudRate: z.number().int().positive().default(RFLINK_BAUD_RATE),
  pendants: z.array(pendantMappingSchema).default([]),
  debounceMs: z.number().int().min(0).max(10_000).optional(),
  pingIntervalMs: z.number().int().min(100).optional(),
});

export type RflinkReceiverConfigInput = z.input<typeof rflinkReceiverConfigSchema>;
export type RflinkReceiverConfig = z.output<typeof rflinkReceiverConfigSchema>;

/** Validates plain JSON config; throws an Error listing every problem, one per line. */
export function parseRflinkReceiverConfig(input: unknown): RflinkReceiverConfig {
  const result = rflinkReceiverConfigSchema.safeParse(input);
  if (!result.success) {
    throw new Error(`invalid pendant receiver config:\n${z.prettifyError(result.error)}`, {
      cause: result.error,
    });
  }
  return result.data;
}
