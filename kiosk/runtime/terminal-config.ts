import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";

/**
 * Device entries are validated by the hardware drivers that use them; here only their presence and
 * `type` are checked so that a typo is reported at start-up, not at the first card.
 */
const deviceEntrySchema = z.looseObject({ type: z.string().min(1) });

export const terminalConfigSchema = z.object({
  /** Base URL of the control server, e.g. http://192.168.1.10:8080 */
  server: z.url({ protocol: /^https?$/ }),
  /** One-time code from the console; needed only until the terminal has enrolled. */
  enrollmentCode: z.string().min(4).max(32).optional(),
  /** Where credentials, the outbox and caches live (relative paths are relative to the config file). */
  dataDir: z.string().min(1),
  devices: z.record(z.string(), deviceEntrySchema).default({}),
  alarm: z
    .object({
      /** During an SOS, how long the centre may be unreachable before the unit tells the elder to phone. */
      phoneAdviceSeconds: z.number().int().min(5).max(3600).default(60),
    })
    .default({ phoneAdviceSeconds: 60 }),
  ui: z
    .object({
      /** Loopback port of the browser-mode UI; 0 picks a free one. */
      port: z.number().int().min(0).max(65535).default(0),
    })
    .default({ port: 0 }),
});
export type TerminalConfig = z.infer<typeof terminalConfigSchema>;

/** Reads and checks a terminal config file; throws a readable message naming the file and every problem. */
export function loadTerminalConfig(file: string): TerminalConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`cannot read terminal config ${file}: ${(error as Error).message}`);
  }
  const parsed = terminalConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `bad terminal config ${file}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`,
    );
  }
  return { ...parsed.data, dataDir: resolve(dirname(resolve(file)), parsed.data.dataDir) };
}
