import { z } from "zod";

export const SAM_V_BAUD_RATE = 115200;

export const samVReaderConfigSchema = z.object({
  type: z.literal("sam-v"),
  transport: z.literal("serial"),
  name: z.string().min(1).optional(),
  path: z.string().min(1),
  baudRate: z.number().int().positive().default(SAM_V_BAUD_RATE),
  pollIntervalMs: z.number().int().min(50).max(60_000).optional(),
  readFingerprint: z.boolean().optional(),
});

export type SamVReaderConfigInput = z.input<typeof samVReaderConfigSchema>;
export type SamVReaderConfig = z.output<typeof samVReaderConfigSchema>;

/** Validates plain JSON config; throws an Error listing every problem, one per line. */
export function parseSamVReaderConfig(input: unknown): SamVReaderConfig {
  const result = samVReaderConfigSchema.safeParse(input);
  if (!result.success) {
    throw new Error(`invalid ID card reader config:\n${z.prettifyError(result.error)}`, {
      cause: result.error,
    });
  }
  return result.data;
}
