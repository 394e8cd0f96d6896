import type { Logger } from "pino";
import { z } from "zod";
import { DahuaItcClient } from "./dahua-client";
import { HikvisionPushReceiver } from "./hikvision-receiver";
import { OnvifCamera } from "./onvif-camera";
import { parseUtcOffset, plateDirections } from "./plate-event";

const cameraId = z.string().min(1).max(64);
const port = z.number().int().min(0).max(65535);
const direction = z.enum(plateDirections as ["entry", "exit", "unknown"]);
const utcOffset = z.string().refine(
  (offset) => {
    try {
      parseUtcOffset(offset);
      return true;
    } catch {
      return false;
    }
  },
  { error: 'expected a UTC offset like "+08:00"' },
);

/** Hikvision cameras push ANPR events to us (standalone port, or mounted in the control server). */
export const hikvisionPushConfigSchema = z.strictObject({
  type: z.literal("hikvision-push"),
  id: cameraId.optional(),
  /** Standalone HTTP server; leave out when the control server mounts the receiver on its own port. */
  listen: z.strictObject({ host: z.string().min(1).default("0.0.0.0"), port }).optional(),
  path: z.string().startsWith("/").optional(),
  maxBodyBytes: z
    .number()
    .int()
    .min(16 * 1024)
    .max(64 * 1024 * 1024)
    .optional(),
  utcOffset: utcOffset.optional(),
  directions: z.strictObject({ forward: direction, reverse: direction }).optional(),
  cameraNames: z.record(z.string().min(1), cameraId).optional(),
  staleAfterMs: z.number().int().min(1000).optional(),
});

/** A Dahua ITC camera whose event stream we hold open. */
export const dahuaConfigSchema = z.strictObject({
  type: z.literal("dahua"),
  id: cameraId.optional(),
  host: z.string().min(1),
  port: port.default(80),
  username: z.string().min(1),
  password: z.string(),
  heartbeatSeconds: z.number().positive().max(300).optional(),
  utcOffset: utcOffset.optional(),
  direction: direction.optional(),
  reconnectMinMs: z.number().int().min(10).optional(),
  reconnectMaxMs: z.number().int().min(10).optional(),
});

/** Any ONVIF Profile S camera: device information, snapshots, health. */
export const onvifConfigSchema = z.strictObject({
  type: z.literal("onvif"),
  id: cameraId.optional(),
  host: z.string().min(1),
  port: port.default(80),
  username: z.string().min(1).optional(),
  password: z.string().optional(),
  pollIntervalMs: z.number().int().min(100).optional(),
  timeoutMs: z.number().int().min(100).optional(),
});

export const cameraConfigSchema = z.discriminatedUnion("type", [
  hikvisionPushConfigSchema,
  dahuaConfigSchema,
  onvifConfigSchema,
]);

export type CameraConfigInput = z.input<typeof cameraConfigSchema>;
export type CameraConfig = z.output<typeof cameraConfigSchema>;

/** Any camera device: each has `health`, `start()` and `stop()`; the first two also emit `plate`. */
export type CameraDevice = HikvisionPushReceiver | DahuaItcClient | OnvifCamera;

/** Validates plain JSON camera config; throws an Error listing every problem, one per line. */
export function parseCameraConfig(input: unknown): CameraConfig {
  const result = cameraConfigSchema.safeParse(input);
  if (!result.success) {
    throw new Error(`invalid camera config:\n${z.prettifyError(result.error)}`, { cause: result.error });
  }
  return result.data;
}

/**
 * Builds the camera named by plain JSON config, e.g.
 * `{type: "dahua", host: "192.168.1.108", username: "admin", password: "…"}`,
 * `{type: "onvif", host: "192.168.1.64", port: 80, username: "admin", password: "…"}` or
 * `{type: "hikvision-push", listen: {port: 8081}}`. Not started: call `start()`.
 */
export function createCamera(config: CameraConfigInput, options: { logger?: Logger } = {}): CameraDevice {
  const parsed = parseCameraConfig(config);
  switch (parsed.type) {
    case "hikvision-push":
      return new HikvisionPushReceiver({ ...parsed, logger: options.logger });
    case "dahua":
      return new DahuaItcClient({ ...parsed, logger: options.logger });
    case "onvif":
      return new OnvifCamera({ ...parsed, logger: options.logger });
  }
}
