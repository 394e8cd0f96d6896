import { resolve } from "node:path";
import { z } from "zod";

const seconds = (fallback: number) => z.coerce.number().int().min(1).max(3600).default(fallback);

const envSchema = z.object({
  LINLI_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  LINLI_HOST: z.string().min(1).default("0.0.0.0"),
  LINLI_DATA_DIR: z.string().min(1).default("./data"),
  LINLI_ADMIN_PASSWORD: z
    .string()
    .min(10, "LINLI_ADMIN_PASSWORD must have at least 10 characters")
    .optional(),
  LINLI_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LINLI_SUPERVISION_KIOSK_SECONDS: seconds(20),
  LINLI_SUPERVISION_ELDER_SECONDS: seconds(20),
  LINLI_ENROLLMENT_CODE_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 30)
    .default(24),
  LINLI_CHECKIN_HOUR: z.coerce.number().int().min(0).max(23).default(10),
  LINLI_TIME_ZONE: z
    .string()
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, "an IANA time zone such as Asia/Shanghai")
    .default("Asia/Shanghai"),
  LINLI_ALARM_ESCALATION_SECONDS: z.coerce.number().min(1).max(3600).default(60),
  LINLI_SMS_GATEWAY_URL: z.url({ protocol: /^https?$/ }).optional(),
  LINLI_SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
  LINLI_DEVICES_FILE: z.string().min(1).optional(),
  LINLI_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
});

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  adminPassword: string | undefined;
  logLevel: string;
  supervisionMs: { kiosk: number; elder: number };
  enrollmentCodeTtlMs: number;
  /** Elders who have not pressed "I'm fine" by this local hour get a check task. */
  checkinHour: number;
  /** The county's time zone: days and hours of check-ins are local. */
  timeZone: string;
  /** How long an alarm may stay unacknowledged before it escalates (and again for each next level). */
  alarmEscalationMs: number;
  /** The HTTP SMS provider that texts elders' emergency contacts; none configured means staff phone them. */
  smsGateway: { url: string; token: string | undefined } | null;
  /** The JSON file naming the gates and cameras this server drives; null means none. */
  devicesFile?: string | null;
  /** Where residents' phones reach this server (receipt QR codes, upload links); null: the URL it listens on. */
  publicUrl?: string | null;
}

/** Reads the server's configuration from the environment; throws one readable message listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  // An empty variable (`LINLI_ADMIN_PASSWORD=`) means "not set", as in most shells' conventions.
  const parsed = envSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== "")),
  );
  if (!parsed.success) {
    throw new Error(
      `bad configuration: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  const e = parsed.data;
  return {
    port: e.LINLI_PORT,
    host: e.LINLI_HOST,
    dataDir: resolve(e.LINLI_DATA_DIR),
    adminPassword: e.LINLI_ADMIN_PASSWORD,
    logLevel: e.LINLI_LOG_LEVEL,
    supervisionMs: {
      kiosk: e.LINLI_SUPERVISION_KIOSK_SECONDS * 1000,
      elder: e.LINLI_SUPERVISION_ELDER_SECONDS * 1000,
    },
    enrollmentCodeTtlMs: e.LINLI_ENROLLMENT_CODE_HOURS * 3600 * 1000,
    alarmEscalationMs: e.LINLI_ALARM_ESCALATION_SECONDS * 1000,
    checkinHour: e.LINLI_CHECKIN_HOUR,
    timeZone: e.LINLI_TIME_ZONE,
    smsGateway: e.LINLI_SMS_GATEWAY_URL
      ? { url: e.LINLI_SMS_GATEWAY_URL, token: e.LINLI_SMS_GATEWAY_TOKEN }
      : null,
    devicesFile: e.LINLI_DEVICES_FILE ? resolve(e.LINLI_DEVICES_FILE) : null,
    publicUrl: e.LINLI_PUBLIC_URL ? e.LINLI_PUBLIC_URL.replace(/\/+$/, "") : null,
  };
}
