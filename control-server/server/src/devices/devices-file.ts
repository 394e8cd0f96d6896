import { readFileSync } from "node:fs";
import {
  dahuaConfigSchema,
  hikvisionPushConfigSchema,
  onvifConfigSchema,
} from "@linli/hardware/camera/camera-config";
import { uhppoteConfigSchema } from "@linli/hardware/gate/config";
import { z } from "zod";

/** Device names appear in URLs, file names and logs: keep them plain. */
const deviceName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "names are lower-case letters, digits and dashes, e.g. xiangbin-east");
const communityId = z.string().min(1).max(64);
const location = z.string().trim().min(1).max(100);

/** An access controller: the driver's own config plus where it is and what its doors are called. */
export const gateEntrySchema = z.strictObject({
  ...uhppoteConfigSchema.shape,
  communityId,
  /** Door number (1–4) → name shown to staff, e.g. {"1": "东门"}; only these doors can be opened. */
  doors: z
    .partialRecord(
      z.enum(["1", "2", "3", "4"], { error: "doors are numbered 1–4" }),
      z.string().trim().min(1).max(64),
    )
    .refine((doors) => Object.keys(doors).length > 0, 'name at least one door, e.g. {"1": "东门"}'),
});

const cameraPlace = { communityId, location: location.optional() };

/** A Hikvision camera pushing ANPR events to the server's own port, authenticated by its token. */
const hikvisionEntrySchema = hikvisionPushConfigSchema
  .extend({
    ...cameraPlace,
    /** The secret the camera presents (`?token=` in its push URL, or HTTP Basic/Bearer). */
    token: z
      .string()
      .min(16, "use a long random token (at least 16 characters), e.g. `openssl rand -hex 16`"),
  })
  .superRefine((camera, context) => {
    for (const key of ["listen", "path", "id"] as const) {
      if (camera[key] !== undefined) {
        context.addIssue({
          code: "custom",
          path: [key],
          message: `not used by the control server: cameras push to /api/v1/cameras/<name>/anpr on its own port`,
        });
      }
    }
  });

const dahuaEntrySchema = dahuaConfigSchema.extend(cameraPlace);
const onvifEntrySchema = onvifConfigSchema.extend(cameraPlace);

export const cameraEntrySchema = z.discriminatedUnion("type", [
  hikvisionEntrySchema,
  dahuaEntrySchema,
  onvifEntrySchema,
]);

export const devicesFileSchema = z.strictObject({
  gates: z.record(deviceName, gateEntrySchema).default({}),
  cameras: z.record(deviceName, cameraEntrySchema).default({}),
});

export type GateEntry = z.output<typeof gateEntrySchema>;
export type CameraEntry = z.output<typeof cameraEntrySchema>;
/** The validated file, and where it came from (for messages). */
export type DevicesConfig = z.output<typeof devicesFileSchema> & { source: string | null };

export const noDevices: DevicesConfig = { gates: {}, cameras: {}, source: null };

/** Thrown when the devices file cannot be used; the message names the file and every problem. */
export class DevicesFileError extends Error {}

/**
 * Reads and validates `LINLI_DEVICES_FILE`: named gates and cameras, each checked with its driver's own
 * schema. No file configured means no devices. Throws a {@link DevicesFileError} listing every problem.
 */
export function loadDevicesFile(file: string | null | undefined): DevicesConfig {
  if (!file) return noDevices;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new DevicesFileError(`devices file ${file}: cannot read it (${(error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DevicesFileError(`devices file ${file}: not valid JSON (${(error as Error).message})`);
  }
  return parseDevicesConfig(json, file);
}

/** Validates parsed devices config; `source` names it in the error. */
export function parseDevicesConfig(input: unknown, source: string | null = null): DevicesConfig {
  const name = source ?? "(devices config)";
  const result = devicesFileSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `  - ${issue.path.map(String).join(".") || "(file)"}: ${issue.message}`,
    );
    throw new DevicesFileError(
      `devices file ${name} has ${problems.length} problem(s):\n${problems.join("\n")}`,
      {
        cause: result.error,
      },
    );
  }
  const config = { ...result.data, source };
  const problems: string[] = [];
  const serials = new Map<string, string>();
  for (const [name, gate] of Object.entries(config.gates)) {
    const key = `${gate.host}:${gate.port}#${gate.serialNumber}`;
    const other = serials.get(key);
    if (other) problems.push(`  - gates.${name}: the same controller as gates.${other}`);
    serials.set(key, name);
  }
  for (const name of Object.keys(config.cameras)) {
    if (name in config.gates) problems.push(`  - cameras.${name}: a gate already has this name`);
  }
  if (problems.length > 0) {
    throw new DevicesFileError(
      `devices file ${name} has ${problems.length} problem(s):\n${problems.join("\n")}`,
    );
  }
  return config;
}
