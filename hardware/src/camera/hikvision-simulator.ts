import http from "node:http";
import { type Logger, pino } from "pino";
import { buildHikvisionAlertXml, buildHikvisionPushBody, type HikvisionAlert } from "./hikvision-anpr";
import { formatIsoWithOffset, type PlateDirection, parseUtcOffset } from "./plate-event";
import { tinyJpeg } from "./tiny-jpeg";

export interface HikvisionCameraSimulatorOptions {
  /** Where the camera pushes, e.g. http://127.0.0.1:8080/api/v1/cameras/push. */
  pushUrl: string;
  ip?: string;
  mac?: string;
  channel?: number;
  utcOffset?: string;
  /** Send a heartbeat this often once started; 0 sends none. */
  heartbeatIntervalMs?: number;
  /** Told how each periodic heartbeat went (the answer, or why it could not be sent). */
  onHeartbeat?: (outcome: PushResult | Error) => void;
  logger?: Logger;
}

export interface PushResult {
  status: number;
  body: string;
}

/**
 * A Hikvision ANPR camera as seen from the receiving server: each `drive()` POSTs the multipart
 * push a real camera sends (alert XML with the same schema the receiver parses, plus a plate
 * close-up and a scene JPEG), and heartbeats are pushed as `eventState` inactive.
 */
export class HikvisionCameraSimulator {
  readonly pushUrl: URL;
  readonly #options: HikvisionCameraSimulatorOptions;
  readonly #offsetMinutes: number;
  readonly #logger: Logger;
  #heartbeatTimer: NodeJS.Timeout | undefined;

  constructor(options: HikvisionCameraSimulatorOptions) {
    this.pushUrl = new URL(options.pushUrl);
    if (this.pushUrl.protocol !== "http:")
      throw new Error(`the push URL must be http://, not ${options.pushUrl}`);
    this.#options = options;
    this.#offsetMinutes = parseUtcOffset(options.utcOffset ?? "+08:00");
    this.#logger = (options.logger ?? pino({ level: "silent" })).child({ device: "hikvision-simulator" });
  }

  get ip(): string {
    return this.#options.ip ?? "192.168.1.64";
  }

  get mac(): string {
    return this.#options.mac ?? "44:19:b6:00:00:01";
  }

  start(): void {
    const interval = this.#options.heartbeatIntervalMs ?? 0;
    if (interval > 0 && !this.#heartbeatTimer) {
      this.#heartbeatTimer = setInterval(() => {
        this.heartbeat().then(
          (result) => this.#options.onHeartbeat?.(result),
          (error: Error) => {
            this.#logger.debug({ err: error }, "heartbeat push failed");
            this.#options.onHeartbeat?.(error);
          },
        );
      }, interval);
    }
  }

  stop(): void {
    clearInterval(this.#heartbeatTimer);
    this.#heartbeatTimer = undefined;
  }

  /** A car passes: pushes one ANPR event; forward for entry, reverse for exit. */
  drive(
    plate: string,
    direction: PlateDirection = "entry",
    details: { confidence?: number; plateColor?: string; vehicleType?: string } = {},
  ): Promise<PushResult> {
    const at = new Date();
    const pictures = [
      {
        fileName: "licensePlatePicture.jpg",
        type: "licensePlatePicture",
        bytes: tinyJpeg({ comment: `plate ${plate}` }),
      },
      {
        fileName: "detectionPicture.jpg",
        type: "detectionPicture",
        bytes: tinyJpeg({
          width: 64,
          height: 32,
          comment: `scene ${plate} ${direction} ${at.toISOString()}`,
        }),
      },
    ];
    const alert: HikvisionAlert = {
      ...this.#origin(at),
      eventType: "ANPR",
      eventState: "active",
      anpr: {
        licensePlate: plate,
        confidence: details.confidence ?? 97,
        direction: direction === "entry" ? "forward" : direction === "exit" ? "reverse" : "unknown",
        plateColor: details.plateColor ?? "blue",
        vehicleType: details.vehicleType ?? "vehicle",
        pictures: pictures.map(({ fileName, type }) => ({ fileName, type })),
      },
    };
    const { contentType, body } = buildHikvisionPushBody(buildHikvisionAlertXml(alert), pictures);
    return this.post(contentType, body);
  }

  /** Pushes a heartbeat (`eventState` inactive), as the camera does periodically. */
  heartbeat(): Promise<PushResult> {
    const alert: HikvisionAlert = {
      ...this.#origin(new Date()),
      eventType: "videoloss",
      eventState: "inactive",
    };
    const { contentType, body } = buildHikvisionPushBody(buildHikvisionAlertXml(alert), [], "heartbeat.xml");
    return this.post(contentType, body);
  }

  /** POSTs any body to the push URL (also used to send deliberately broken pushes in tests). */
  post(contentType: string, body: Buffer): Promise<PushResult> {
    return new Promise((resolve, reject) => {
      const request = http.request(this.pushUrl, {
        method: "POST",
        headers: { "content-type": contentType, "content-length": body.length },
        timeout: 10_000,
      });
      request.once("timeout", () =>
        request.destroy(new Error(`no answer from ${this.pushUrl.host} within 10 s`)),
      );
      request.once("error", reject);
      request.once("response", (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.once("error", reject);
        response.once("end", () => {
          const result = { status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") };
          this.#logger.debug(result, "push answered");
          resolve(result);
        });
      });
      request.end(body);
    });
  }

  #origin(at: Date): Pick<HikvisionAlert, "ip" | "mac" | "channel" | "dateTime"> {
    return {
      ip: this.ip,
      mac: this.mac,
      channel: this.#options.channel ?? 1,
      dateTime: formatIsoWithOffset(at, this.#offsetMinutes),
    };
  }
}
