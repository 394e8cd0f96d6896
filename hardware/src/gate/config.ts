import { z } from "zod";
import { UHPPOTE_PORT } from "./uhppote-codec";

/** "host:port", e.g. "192.168.1.10:60001". */
const hostPort = z
  .string()
  .regex(/^[^\s:]+:\d{1,5}$/, 'expected "host:port", e.g. "192.168.1.10:60001"')
  .transform((text) => {
    const at = text.lastIndexOf(":");
    return { host: text.slice(0, at), port: Number(text.slice(at + 1)) };
  })
  .refine((address) => address.port <= 65535, "port must be 0–65535");

export const uhppoteConfigSchema = z.object({
  type: z.literal("uhppote"),
  name: z.string().min(1).optional(),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(UHPPOTE_PORT),
  serialNumber: z.number().int().min(1).max(0xffffffff),
  /** Where to receive pushed events; the controller is pointed there unless the host is 0.0.0.0. */
  listen: hostPort.optional(),
  timeoutMs: z.number().int().min(10).optional(),
  retries: z.number().int().min(0).max(10).optional(),
  healthIntervalMs: z.number().int().min(100).optional(),
});

export type UhppoteConfigInput = z.input<typeof uhppoteConfigSchema>;
export type UhppoteConfig = z.output<typeof uhppoteConfigSchema>;

/** Validates plain JSON config; throws an Error listing every problem, one per line. */
export function parseUhppoteConfig(input: unknown): UhppoteConfig {
  const result = uhppoteConfigSchema.safeParse(input);
  if (!result.success) {
    throw new Error(`invalid gate controller config:\n${z.prettifyError(result.error)}`, {
      cause: result.error,
    });
  }
  return result.data;
}
