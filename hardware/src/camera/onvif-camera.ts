import onvif from "onvif";
import { type Logger, pino } from "pino";
import { HealthState } from "../health";
import { getWithAuth } from "./http-auth";
import { isJpeg } from "./tiny-jpeg";

export interface OnvifCameraOptions {
  /** Camera name in health and logs (default host:port). */
  id?: string;
  host: string;
  port?: number;
  username?: string;
  password?: string;
  /** How often a healthy camera is probed. */
  pollIntervalMs?: number;
  /** Per-request timeout. */
  timeoutMs?: number;
  /** First retry delay after a failure; doubles up to the poll interval. */
  reconnectMinMs?: number;
  maxSnapshotBytes?: number;
  logger?: Logger;
}

/** What GetDeviceInformation reports. */
export interface OnvifDeviceInformation {
  manufacturer: string;
  model: string;
  firmwareVersion: string;
  serialNumber: string;
  hardwareId: string;
}

export interface CameraSnapshot {
  contentType: string;
  bytes: Buffer;
}

type Cam = InstanceType<typeof onvif.Cam>;

/**
 * Calls a callback-style Cam method and settles once, whatever the library does with its callback:
 * it may call it twice, or never (an exception thrown inside its own XML callbacks is swallowed),
 * hence the deadline.
 */
function call<T>(
  what: string,
  deadlineMs: number,
  invoke: (callback: (error: Error | null, data?: T) => void) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error: unknown, data?: T) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(data as T);
    };
    const timer = setTimeout(
      () => settle(new Error(`${what}: no result within ${deadlineMs} ms`)),
      deadlineMs,
    );
    try {
      invoke((error, data) => settle(error, data));
    } catch (error) {
      settle(error);
    }
  });
}

/** Where a URL points, without credentials or query (snapshot URIs sometimes carry passwords). */
function describeUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/**
 * An ONVIF (Profile S) camera through the `onvif` package: device information, the snapshot URI and
 * the snapshot JPEG itself, and a health kept by probing the camera periodically (reconnecting with
 * backoff when it goes away).
 */
export class OnvifCamera {
  readonly health: HealthState;
  readonly id: string;
  readonly #options: OnvifCameraOptions;
  readonly #logger: Logger;
  readonly #timeoutMs: number;
  #cam: Cam | undefined;
  #running = false;
  #timer: NodeJS.Timeout | undefined;
  #failures = 0;
  #loggedDown = false;

  constructor(options: OnvifCameraOptions) {
    this.#options = options;
    this.id = options.id ?? `${options.host}:${options.port ?? 80}`;
    this.#timeoutMs = options.timeoutMs ?? 5000;
    this.#logger = (options.logger ?? pino({ level: "silent" })).child({ device: this.id });
    this.health = new HealthState(this.id);
  }

  /** Connects (time, services, profiles) unless already connected. */
  async connect(): Promise<void> {
    if (this.#cam) return;
    const cam = new onvif.Cam({
      hostname: this.#options.host,
      port: this.#options.port ?? 80,
      username: this.#options.username,
      password: this.#options.password,
      timeout: this.#timeoutMs,
      autoconnect: false,
      // Cameras behind NAT advertise their inside address; keep talking to the one we were given.
      preserveAddress: true,
    });
    cam.on("warning", (warning: unknown) => this.#logger.debug({ warning }, "onvif warning"));
    // Connecting is several requests (time, services, profiles, video sources).
    await call<unknown>("connect", this.#timeoutMs * 5, (callback) => cam.connect(callback));
    this.#cam = cam;
  }

  async deviceInformation(): Promise<OnvifDeviceInformation> {
    const cam = await this.#connected();
    const info = await call<Record<string, unknown>>(
      "GetDeviceInformation",
      this.#timeoutMs + 1000,
      (callback) => cam.getDeviceInformation(callback),
    );
    // The onvif package turns numeric-looking strings into numbers; serials are text.
    const field = (name: string) => (info?.[name] === undefined ? "" : String(info[name]));
    return {
      manufacturer: field("manufacturer"),
      model: field("model"),
      firmwareVersion: field("firmwareVersion"),
      serialNumber: field("serialNumber"),
      hardwareId: field("hardwareId"),
    };
  }

  async snapshotUri(): Promise<URL> {
    const cam = await this.#connected();
    const profileToken = cam.activeSource?.profileToken;
    if (!profileToken) throw new Error("the camera has no media profile with a video source");
    const answer = await call<{ uri?: unknown }>("GetSnapshotUri", this.#timeoutMs + 1000, (callback) =>
      cam.getSnapshotUri({ profileToken }, callback),
    );
    if (typeof answer?.uri !== "string") throw new Error("the camera gave no snapshot URI");
    return new URL(answer.uri);
  }

  /** Fetches a JPEG from the snapshot URI (HTTP Digest or Basic with the same credentials). */
  async snapshot(): Promise<CameraSnapshot> {
    const url = await this.snapshotUri();
    const credentials =
      this.#options.username !== undefined
        ? { username: this.#options.username, password: this.#options.password ?? "" }
        : undefined;
    const timeoutMs = this.#timeoutMs;
    const { request, response } = await getWithAuth(url, { credentials, timeoutMs });
    const maxBytes = this.#options.maxSnapshotBytes ?? 8 * 1024 * 1024;
    try {
      if (response.statusCode !== 200) {
        throw new Error(`the snapshot at ${describeUrl(url)} answered ${response.statusCode}`);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      const timer = setTimeout(
        () => request.destroy(new Error(`snapshot not complete within ${timeoutMs} ms`)),
        timeoutMs,
      );
      try {
        for await (const chunk of response) {
          size += (chunk as Buffer).length;
          if (size > maxBytes) throw new Error(`snapshot larger than ${maxBytes} bytes`);
          chunks.push(chunk as Buffer);
        }
      } finally {
        clearTimeout(timer);
      }
      const bytes = Buffer.concat(chunks);
      if (!isJpeg(bytes)) throw new Error(`the snapshot at ${describeUrl(url)} is not a JPEG`);
      this.#logger.debug({ bytes: bytes.length, from: describeUrl(url) }, "snapshot");
      return { contentType: "image/jpeg", bytes };
    } finally {
      request.destroy();
    }
  }

  /** Starts probing the camera for health; failures only show in health. */
  async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    this.health.set("unavailable", "connecting");
    void this.#probe();
  }

  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    this.#cam = undefined;
    this.health.set("unavailable", "stopped");
  }

  async #connected(): Promise<Cam> {
    await this.connect();
    return this.#cam!;
  }

  async #probe(): Promise<void> {
    const pollIntervalMs = this.#options.pollIntervalMs ?? 30_000;
    let delay: number;
    try {
      await this.deviceInformation();
      if (!this.#running) return;
      if (this.#loggedDown) this.#logger.info("camera answers again");
      this.#loggedDown = false;
      this.#failures = 0;
      this.health.set("ok");
      delay = pollIntervalMs;
    } catch (error) {
      if (!this.#running) return;
      // Reconnect from scratch next time: the camera may have rebooted with new profiles.
      this.#cam = undefined;
      const reason = `ONVIF failed: ${(error as Error).message}`;
      if (!this.#loggedDown) this.#logger.warn({ reason }, "camera unavailable");
      this.#loggedDown = true;
      this.health.set("unavailable", reason);
      delay = Math.min(pollIntervalMs, (this.#options.reconnectMinMs ?? 1000) * 2 ** this.#failures);
      this.#failures = Math.min(this.#failures + 1, 16);
    }
    this.#timer = setTimeout(() => void this.#probe(), delay);
  }
}
