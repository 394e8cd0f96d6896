import { EventEmitter } from "node:events";
import type http from "node:http";
import { type Logger, pino } from "pino";
import { HealthState } from "../health";
import { dahuaEventCode, dahuaEventStreamPath, dahuaPlateRead, parseDahuaTextPart } from "./dahua-event";
import { getWithAuth } from "./http-auth";
import { MultipartStreamParser, multipartBoundary, type StreamPart } from "./multipart-stream";
import {
  checkPlate,
  type PlateDirection,
  type PlateEvent,
  type PlatePicture,
  parseUtcOffset,
  type RejectedPlate,
} from "./plate-event";
import { isJpeg } from "./tiny-jpeg";

export interface DahuaItcClientOptions {
  /** Camera name in events and logs (default: the host). */
  id?: string;
  host: string;
  port?: number;
  username: string;
  password: string;
  /** Heartbeat interval asked of the camera. */
  heartbeatSeconds?: number;
  /** Offset for event times. */
  utcOffset?: string;
  /** Direction of cars at this camera when the event carries no ParkType. */
  direction?: PlateDirection;
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  /** Wait for the stream's response headers. */
  connectTimeoutMs?: number;
  /** How long after an event's text to wait for its JPEGs before emitting it. */
  pictureWaitMs?: number;
  maxPartBytes?: number;
  logger?: Logger;
}

type ClientEvents = {
  plate: [PlateEvent];
  heartbeat: [];
  rejected: [RejectedPlate];
};

interface PendingEvent {
  fields: Array<Record<string, string>>;
  receivedAt: Date;
  pictures: PlatePicture[];
  timer: NodeJS.Timeout;
}

/**
 * Client of a Dahua ITC camera's event stream (hardware.md §5). Holds the `attachFileProc` stream
 * open, emits `plate` for each TrafficJunction event (with the JPEGs that follow its text),
 * `heartbeat` for each heartbeat, and `rejected` for reads that are not valid plates. Health comes
 * from the heartbeats: ok while they arrive, degraded when one is late, unavailable when the stream
 * is down; it reconnects by itself with exponential backoff.
 */
export class DahuaItcClient extends EventEmitter<ClientEvents> {
  readonly health: HealthState;
  readonly id: string;
  readonly #options: DahuaItcClientOptions;
  readonly #heartbeatMs: number;
  readonly #offsetMinutes: number;
  readonly #logger: Logger;
  #running = false;
  #connection = 0;
  #request: http.ClientRequest | undefined;
  #watchdog: NodeJS.Timeout | undefined;
  #retryTimer: NodeJS.Timeout | undefined;
  #failures = 0;
  #lastDataAt = 0;
  #pending: PendingEvent | undefined;
  #loggedDown = false;

  constructor(options: DahuaItcClientOptions) {
    super();
    this.#options = options;
    this.id = options.id ?? options.host;
    const heartbeatSeconds = options.heartbeatSeconds ?? 5;
    if (!(heartbeatSeconds > 0)) throw new Error("heartbeatSeconds must be positive");
    this.#heartbeatMs = heartbeatSeconds * 1000;
    this.#offsetMinutes = parseUtcOffset(options.utcOffset ?? "+08:00");
    this.#logger = (options.logger ?? pino({ level: "silent" })).child({ device: this.id });
    this.health = new HealthState(this.id);
  }

  get url(): URL {
    const heartbeatSeconds = this.#heartbeatMs / 1000;
    return new URL(
      `http://${this.#options.host}:${this.#options.port ?? 80}${dahuaEventStreamPath(heartbeatSeconds)}`,
    );
  }

  /** Asks the camera for its model and serial number (`magicBox.cgi?action=getSystemInfo`). */
  async systemInfo(): Promise<Record<string, string>> {
    const url = new URL(
      `http://${this.#options.host}:${this.#options.port ?? 80}/cgi-bin/magicBox.cgi?action=getSystemInfo`,
    );
    const { request, response } = await getWithAuth(url, {
      credentials: { username: this.#options.username, password: this.#options.password },
      timeoutMs: this.#options.connectTimeoutMs ?? 10_000,
    });
    try {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response) {
        size += (chunk as Buffer).length;
        if (size > 64 * 1024) throw new Error("system info answer too long");
        chunks.push(chunk as Buffer);
      }
      if (response.statusCode !== 200)
        throw new Error(`the camera answered ${response.statusCode} to getSystemInfo`);
      const info: Record<string, string> = {};
      for (const line of Buffer.concat(chunks).toString("utf8").split(/\r?\n/)) {
        const equals = line.indexOf("=");
        if (equals > 0) info[line.slice(0, equals).trim()] = line.slice(equals + 1).trim();
      }
      return info;
    } finally {
      request.destroy();
    }
  }

  /** Opens the stream and keeps it open until {@link stop}; failures only show in health. */
  async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    this.health.set("unavailable", "connecting");
    void this.#connect();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#connection++;
    clearTimeout(this.#retryTimer);
    this.#closeStream();
    this.health.set("unavailable", "stopped");
  }

  async #connect(): Promise<void> {
    const connection = ++this.#connection;
    let response: http.IncomingMessage;
    try {
      const answer = await getWithAuth(this.url, {
        credentials: { username: this.#options.username, password: this.#options.password },
        timeoutMs: this.#options.connectTimeoutMs ?? 10_000,
      });
      if (connection !== this.#connection) {
        answer.request.destroy();
        return;
      }
      this.#request = answer.request;
      response = answer.response;
    } catch (error) {
      if (connection === this.#connection) this.#lost(`cannot reach the camera: ${(error as Error).message}`);
      return;
    }
    const status = response.statusCode ?? 0;
    const boundary = multipartBoundary(response.headers["content-type"]);
    if (status !== 200 || !boundary) {
      response.resume();
      const reason =
        status === 401
          ? "the camera refused the username or password (401)"
          : status !== 200
            ? `the camera answered ${status} to the event stream request`
            : `the camera answered ${response.headers["content-type"] ?? "no Content-Type"}, not a multipart stream`;
      this.#lost(reason);
      return;
    }
    const parser = new MultipartStreamParser(boundary, { maxPartBytes: this.#options.maxPartBytes });
    this.#logger.debug("event stream open");
    this.#lastDataAt = Date.now();
    this.#watchdog = setInterval(
      () => this.#checkHeartbeat(connection),
      Math.min(this.#heartbeatMs / 4, 1000),
    );
    response.on("data", (chunk: Buffer) => {
      if (connection !== this.#connection) return;
      this.#lastDataAt = Date.now();
      this.#logger.trace({ bytes: chunk.length }, "stream data");
      const { parts, problems } = parser.push(chunk);
      for (const problem of problems) this.#logger.warn({ problem }, "skipped part of the event stream");
      for (const part of parts) {
        try {
          this.#onPart(part);
        } catch (error) {
          // A listener that throws must not end the stream or the process.
          this.#logger.error({ err: error }, "a listener failed while handling a camera event");
        }
      }
    });
    const ended = (reason: string) => {
      if (connection === this.#connection) this.#lost(reason);
    };
    response.once("end", () => ended("the camera closed the event stream"));
    response.once("error", (error) => ended(`event stream broken: ${error.message}`));
    response.once("close", () => ended("event stream closed"));
  }

  #checkHeartbeat(connection: number): void {
    if (connection !== this.#connection) return;
    const silentMs = Date.now() - this.#lastDataAt;
    if (silentMs >= this.#heartbeatMs * 3) {
      this.#lost(`no heartbeat for ${Math.round(silentMs / 1000)} s; reconnecting`);
    } else if (silentMs >= this.#heartbeatMs * 1.5 && this.health.current.status === "ok") {
      this.health.set("degraded", `heartbeat late (nothing for ${(silentMs / 1000).toFixed(1)} s)`);
    }
  }

  #alive(): void {
    this.#failures = 0;
    if (this.#loggedDown || this.health.current.status !== "ok") {
      if (this.#loggedDown) this.#logger.info("camera event stream is back");
      this.#loggedDown = false;
      this.health.set("ok");
    }
  }

  #onPart(part: StreamPart): void {
    const contentType = (part.headers["content-type"] ?? "").toLowerCase();
    if (contentType.startsWith("image/") || isJpeg(part.body)) {
      this.#alive();
      if (!this.#pending) {
        this.#logger.debug("JPEG without an event before it; skipped");
        return;
      }
      if (!isJpeg(part.body)) {
        this.#logger.warn({ contentType }, "image part is not a JPEG; skipped");
        return;
      }
      this.#pending.pictures.push({ kind: "scene", contentType: "image/jpeg", bytes: part.body });
      this.#pending.timer.refresh();
      return;
    }
    const text = parseDahuaTextPart(part.body.toString("utf8"));
    this.#flushPending();
    this.#alive();
    if (text.kind === "heartbeat") {
      this.emit("heartbeat");
      return;
    }
    const traffic = text.events.filter((fields) => dahuaEventCode(fields) === "TrafficJunction");
    if (traffic.length === 0) {
      this.#logger.debug({ codes: text.events.map(dahuaEventCode) }, "ignored a non-TrafficJunction event");
      return;
    }
    const timer = setTimeout(() => this.#flushPending(), this.#options.pictureWaitMs ?? 500);
    this.#pending = { fields: traffic, receivedAt: new Date(), pictures: [], timer };
  }

  #flushPending(): void {
    const pending = this.#pending;
    if (!pending) return;
    this.#pending = undefined;
    clearTimeout(pending.timer);
    for (const fields of pending.fields) {
      const read = dahuaPlateRead(fields, {
        utcOffsetMinutes: this.#offsetMinutes,
        defaultDirection: this.#options.direction ?? "unknown",
        receivedAt: pending.receivedAt,
      });
      const check = checkPlate(read.rawPlate);
      if (!check.ok) {
        this.#logger.info({ reason: check.reason }, "plate read rejected");
        this.emit("rejected", {
          source: "dahua",
          cameraId: this.id,
          rawPlate: read.rawPlate,
          reason: check.reason,
          at: read.at,
        });
        continue;
      }
      const event: PlateEvent = {
        source: "dahua",
        cameraId: this.id,
        ip: this.#options.host,
        plate: check.plate,
        direction: read.direction,
        at: read.at,
        pictures: pending.pictures,
      };
      if (read.channel !== undefined) event.channel = read.channel;
      if (read.plateColor !== undefined) event.plateColor = read.plateColor;
      if (read.confidence !== undefined) event.confidence = read.confidence;
      if (read.vehicleType !== undefined) event.vehicleType = read.vehicleType;
      this.#logger.info({ plate: event.plate, direction: event.direction }, "plate read");
      this.emit("plate", event);
    }
  }

  #closeStream(): void {
    clearInterval(this.#watchdog);
    this.#watchdog = undefined;
    this.#flushPending();
    this.#request?.destroy();
    this.#request = undefined;
  }

  #lost(reason: string): void {
    if (!this.#running) return;
    this.#connection++;
    this.#closeStream();
    if (!this.#loggedDown) {
      this.#logger.warn({ reason }, "camera event stream lost");
      this.#loggedDown = true;
    }
    this.health.set("unavailable", reason);
    const minimum = this.#options.reconnectMinMs ?? 1000;
    const delay = Math.min(this.#options.reconnectMaxMs ?? 30_000, minimum * 2 ** this.#failures);
    this.#failures = Math.min(this.#failures + 1, 16);
    this.#logger.debug({ delay }, "reconnecting later");
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => void this.#connect(), delay);
  }
}
