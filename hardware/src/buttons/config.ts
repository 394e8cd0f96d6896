import { z } from "zod";

/** A USB id as a number or a hex string like "0x0483" (JSON has no hex literals). */
const usbId = z.union(
  [
    z.number().int().min(0).max(0xffff),
    z
      .string()
      .regex(/^0x[0-9a-f]{1,4}$/i)
      .transform((text) => Number.parseInt(text, 16)),
  ],
  { error: 'expected a USB id: a number 0-65535 or a hex string like "0x0483"' },
);

export const hidButtonMappingSchema = z.object({
  name: z.string().min(1),
  byte: z.number().int().min(0).max(63),
  mask: z.number().int().min(1).max(0xff),
});

export const hidButtonsConfigSchema = z.object({
  type: z.literal("hid"),
  name: z.string().min(1).optional(),
  vendorId: usbId,
  productId: usbId,
  buttons: z.array(hidButtonMappingSchema).min(1),
  debounceMs: z.number().int().min(0).max(2000).optional(),
  pollIntervalMs: z.number().int().min(50).optional(),
});

export const keyboardButtonsConfigSchema = z.object({
  type: z.literal("keyboard"),
  name: z.string().min(1).optional(),
  /** Key (KeyboardEvent.code or .key) → button name, e.g. {"F1": "sos"}. */
  keys: z.record(z.string().min(1), z.string().min(1)),
  debounceMs: z.number().int().min(0).max(5000).optional(),
});

export const buttonsConfigSchema = z.discriminatedUnion("type", [
  hidButtonsConfigSchema,
  keyboardButtonsConfigSchema,
]);

export type ButtonsConfigInput = z.input<typeof buttonsConfigSchema>;
export type ButtonsConfig = z.output<typeof buttonsConfigSchema>;

/** Validates plain JSON config; throws an Error listing every problem, one per line. */
export function parseButtonsConfig(input: unknown): ButtonsConfig {
  const result = buttonsConfigSchema.safeParse(input);
  if (!result.success) {
    throw new Error(`invalid buttons config:\n${z.prettifyError(result.error)}`, { cause: result.error });
  }
  return result.data;
}
