import { z } from "zod";

/** Many thermal receipt printers leave the factory at 9600 baud; set `baudRate` for others. */
export const ESCPOS_DEFAULT_BAUD_RATE = 9600;
export const ESCPOS_DEFAULT_TCP_PORT = 9100;

const common = {
  type: z.literal("escpos"),
  name: z.string().min(1).optional(),
  statusIntervalMs: z.number().int().min(100).max(600_000).optional(),
  automaticStatusBack: z.boolean().optional(),
  maxQueuedJobs: z.number().int().min(1).max(10_000).optional(),
};

export const escPosPrinterConfigSchema = z.discriminatedUnion("transport", [
  z.object({
    ...common,
    transport: z.literal("serial"),
    path: z.string().min(1),
    baudRate: z.number().int().positive().default(ESCPOS_DEFAULT_BAUD_RATE),
  }),
  z.object({
    ...common,
    transport: z.literal("tcp"),
    host: z.string().min(1),
    port: z.number().int().min(1).max(65_535).default(ESCPOS_DEFAULT_TCP_PORT),
  }),
  z.object({
    ...common,
    transport: z.literal("file"),
    /** A write-only printer device such as /dev/usb/lp0. */
    path: z.string().min(1),
  }),
]);

export type EscPosPrinterConfigInput = z.input<typeof escPosPrinterConfigSchema>;
export type EscPosPrinterConfig = z.output<typeof escPosPrinterConfigSchema>;

/** Validates plain JSON config; throws an Error listing every problem, one per line. */
export function parseEscPosPrinterConfig(input: unknown): EscPosPrinterConfig {
  const result = escPosPrinterConfigSchema.safeParse(input);
  if (!result.success) {
    throw new Error(`invalid receipt printer config:\n${z.prettifyError(result.error)}`, {
      cause: result.error,
    });
  }
  return result.data;
}
