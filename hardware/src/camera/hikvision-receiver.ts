import { EventEmitter } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { type Logger, pino } from "pino";
import { HealthState } from "../health";
import {
  CameraPushError,
  type HikvisionAlert,
  type HikvisionPush,
  readHikvisionPush,
} from "./hikvision-anpr";
import {
  checkPlate,
  formatIsoWithOffset,
  type PlateDirection,
  type PlateEvent,
  type PlatePicture,
  parseCameraTime,
  parseUtcOffset,
  type RejectedPlate,
} from "./plate-event";
import { isJpeg } from "./tiny-jpeg";

export interface HikvisionPushReceiverOptions {
  /** Name of this receiver; also the camera id when a push carries neither MAC nor IP. */
  id?: string;
  /** Run a standalone HTTP server here; leave out to mount {@link HikvisionPushReceiver.handle} in another server. */
  listen?: { host: string; port: number };
  /** Standalone only: the one path cameras push to (default: any path). */
  path?: string;
  /** Largest accepted body; larger pushes get 413. */
  maxBodyBytes?: number;
  /** Offset for the `at` of events (and for camera times without one). */
  utcOffset?: string;
  /** What the camera's forward/reverse mean at this gate. */
  directions?: { forward: PlateDirection; reverse: PlateDirection };
  /** Camera names by IP or MAC address, e.g. {"192.168.1.64": "north-gate-in"}. */
  cameraNames?: Record<string, string>;
  /** Health turns unavailable when no camera has pushed (plate or heartbeat) for this long. */
  staleAfterMs?: number;
  logger?: Logger;
}

export interface HikvisionHeartbeat {
  cameraId: string;
  ip?: string;
  mac?: string;
  channel?: number;
  at: string;
}

/** The HTTP answer to one push. */
export interface PushOutcome {
  status: number;
  message: string;
}

type ReceiverEvents = {
  plate: [PlateEvent];
  heartbeat: [HikvisionHeartbeat];
  rejected: [RejectedPlate];
};

/**
 * Receives Hikvision ISAPI ANPR pushes (hardware.md §5) and emits `plate`, `heartbeat` and
 * `rejected` (reads whose plate is not a valid Chinese plate). Answers each push as soon as its
 * body is read — cameras do not retry — and only then emits, so slow listeners never delay a camera.
 */
export class HikvisionPushReceiver extends EventEmitter<ReceiverEvents> {
  readonly health: HealthState;
  readonly id: string;
  readonly #options: HikvisionPushReceiverOptions;
  readonly #maxBodyBytes: number;
  readonly #offsetMinutes: number;
  readonly #staleAfterMs: number;
  readonly #logger: Logger;
  #server: http.Server | undefined;
  #staleTimer: NodeJS.Timeout | undefined;
  #lastPushAt: number | undefined;
  #started = false;

  constructor(options: HikvisionPushReceiverOptions = {}) {
    super();
    this.#options = options;
    this.id = options.id ?? "hikvision-push";
    this.#maxBodyBytes = options.maxBodyBytes ?? 4 * 1024 * 1024;
    this.#offsetMinutes = parseUtcOffset(options.utcOffset ?? "+08:00");
    this.#staleAfterMs = options.staleAfterMs ?? 120_000;
    this.#logger = (options.logger ?? pino({ level: "silent" })).child({ device: this.id });
    this.health = new HealthState(this.id);
  }

  /** Where the standalone server listens, once started. */
  get address(): { host: string; port: number } | undefined {
    const address = this.#server?.address() as AddressInfo | null | undefined;
    return address ? { host: address.address, port: address.port } : undefined;
  }

  /** Starts the standalone server when configured, and the watch for silent cameras. */
  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    this.health.set("unavailable", "waiting for the first push from a camera");
    const listen = this.#options.listen;
    if (listen) {
      const server = http.createServer((request, response) => {
        const path = (request.url ?? "/").split("?")[0];
        if (this.#options.path !== undefined && path !== this.#options.path) {
          this.#reply(response, { status: 404, message: `cameras push to ${this.#options.path}` });
          request.resume();
          return;
        }
        this.handle(request, response);
      });
      server.requestTimeout = 30_000;
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(listen.port, listen.host, () => {
          server.off("error", reject);
          resolve();
        });
      });
      this.#server = server;
      this.#logger.info({ address: this.address }, "listening for Hikvision pushes");
    }
  }

  async stop(): Promise<void> {
    this.#started = false;
    clearTimeout(this.#staleTimer);
    const server = this.#server;
    this.#server = undefined;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    this.health.set("unavailable", "stopped");
  }

  /**
   * Node HTTP handler for one push. Mount it on any server that leaves the body unread. With
   * Fastify, in an encapsulated plugin: `scope.removeAllContentTypeParsers();
   * scope.addContentTypeParser("*", (_request, _payload, done) => done(null));` then a POST route
   * doing `reply.hijack(); receiver.handle(request.raw, reply.raw);`.
   */
  handle(request: http.IncomingMessage, response: http.ServerResponse): void {
    if (request.method !== "POST") {
      response.setHeader("allow", "POST");
      this.#reply(response, { status: 405, message: "cameras push with POST" });
      request.resume();
      return;
    }
    const declared = Number(request.headers["content-length"]);
    if (Number.isFinite(declared) && declared > this.#maxBodyBytes) {
      this.#refuseOversized(request, response);
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    let refused = false;
    request.on("data", (chunk: Buffer) => {
      if (refused) return;
      received += chunk.length;
      if (received > this.#maxBodyBytes) {
        refused = true;
        chunks.length = 0;
        this.#refuseOversized(request, response);
        return;
      }
      chunks.push(chunk);
    });
    request.on("error", (error) => this.#logger.debug({ err: error }, "push aborted by the sender"));
    request.on("end", () => {
      if (refused) return;
      void this.#process(request.headers["content-type"], Buffer.concat(chunks)).then(
        ({ outcome, deliver }) => {
          this.#reply(response, outcome);
          this.#deliverSafely(deliver);
        },
      );
    });
  }

  /**
   * For servers that have already read the body: checks and parses one push and resolves with the
   * HTTP answer to give; events are emitted right after.
   */
  async accept(contentType: string | undefined, body: Buffer): Promise<PushOutcome> {
    if (body.length > this.#maxBodyBytes) {
      return { status: 413, message: `push larger than ${this.#maxBodyBytes} bytes` };
    }
    const { outcome, deliver } = await this.#process(contentType, body);
    setImmediate(() => this.#deliverSafely(deliver));
    return outcome;
  }

  /** A listener that throws must not take the server (or the next push) down with it. */
  #deliverSafely(deliver: () => void): void {
    try {
      deliver();
    } catch (error) {
      this.#logger.error({ err: error }, "a listener failed while handling a push");
    }
  }

  #refuseOversized(request: http.IncomingMessage, response: http.ServerResponse): void {
    this.#logger.warn({ from: request.socket.remoteAddress }, "push refused: body too large");
    response.setHeader("connection", "close");
    this.#reply(response, { status: 413, message: `push larger than ${this.#maxBodyBytes} bytes` });
    request.resume();
  }

  #reply(response: http.ServerResponse, outcome: PushOutcome): void {
    if (response.headersSent) return;
    response.writeHead(outcome.status, { "content-type": "text/plain; charset=utf-8" });
    response.end(outcome.message);
  }

  async #process(
    contentType: string | undefined,
    body: Buffer,
  ): Promise<{ outcome: PushOutcome; deliver: () => void }> {
    const receivedAt = new Date();
    let push: HikvisionPush;
    try {
      push = await readHikvisionPush(contentType, body, this.#maxBodyBytes);
    } catch (error) {
      const status = error instanceof CameraPushError ? error.status : 400;
      const message = error instanceof Error ? error.message : String(error);
      this.#logger.warn({ status, reason: message }, "push refused");
      this.#logger.trace({ body: body.subarray(0, 512).toString("hex") }, "refused push body");
      if (this.#started && this.health.current.status !== "unavailable") {
        this.health.set("degraded", `last push was refused: ${message}`);
      }
      return { outcome: { status, message }, deliver: () => {} };
    }
    return { outcome: { status: 200, message: "OK" }, deliver: () => this.#deliver(push, receivedAt) };
  }

  #cameraId(alert: HikvisionAlert): string {
    const names = this.#options.cameraNames ?? {};
    return (
      (alert.mac && names[alert.mac]) || (alert.ip && names[alert.ip]) || alert.mac || alert.ip || this.id
    );
  }

  #deliver(push: HikvisionPush, receivedAt: Date): void {
    const { alert } = push;
    this.#markAlive(alert);
    const instant = (alert.dateTime && parseCameraTime(alert.dateTime, this.#offsetMinutes)) || receivedAt;
    const at = formatIsoWithOffset(instant, this.#offsetMinutes);
    const cameraId = this.#cameraId(alert);
    const origin = { cameraId, ip: alert.ip, mac: alert.mac, channel: alert.channel };
    if (alert.eventState === "inactive") {
      this.#logger.debug({ cameraId }, "heartbeat");
      this.emit("heartbeat", withoutUndefined({ ...origin, at }));
      return;
    }
    if (alert.eventType.toUpperCase() !== "ANPR" || !alert.anpr) {
      this.#logger.debug({ cameraId, eventType: alert.eventType }, "ignored a non-ANPR event");
      return;
    }
    const anpr = alert.anpr;
    const check = checkPlate(anpr.licensePlate);
    if (!check.ok) {
      this.#logger.info({ cameraId, reason: check.reason }, "plate read rejected");
      this.emit("rejected", {
        source: "hikvision",
        cameraId,
        rawPlate: anpr.licensePlate,
        reason: check.reason,
        at,
      });
      return;
    }
    const directions = this.#options.directions ?? { forward: "entry", reverse: "exit" };
    const direction: PlateDirection =
      anpr.direction === "forward"
        ? directions.forward
        : anpr.direction === "reverse"
          ? directions.reverse
          : "unknown";
    const event: PlateEvent = withoutUndefined({
      source: "hikvision" as const,
      ...origin,
      plate: check.plate,
      plateColor: anpr.plateColor,
      confidence: anpr.confidence,
      direction,
      vehicleType: anpr.vehicleType,
      at,
      pictures: this.#pictures(push),
    });
    this.#logger.info({ cameraId, plate: event.plate, direction }, "plate read");
    this.emit("plate", event);
  }

  #pictures(push: HikvisionPush): PlatePicture[] {
    const listed = new Map(push.alert.anpr?.pictures.map((picture) => [picture.fileName, picture.type]));
    const pictures: PlatePicture[] = [];
    for (const file of push.files) {
      if (!isJpeg(file.bytes)) {
        this.#logger.warn(
          { part: file.name, contentType: file.contentType },
          "skipped a part that is not a JPEG",
        );
        continue;
      }
      const type = listed.get(file.filename ?? file.name) ?? listed.get(file.name) ?? file.name;
      pictures.push({
        kind: /licensePlate|plate/i.test(type) ? "plate" : "scene",
        contentType: "image/jpeg",
        bytes: file.bytes,
      });
    }
    return pictures;
  }

  #markAlive(alert: HikvisionAlert): void {
    const wasSilent = this.health.current.status === "unavailable";
    this.#lastPushAt = Date.now();
    if (!this.#started) return;
    if (wasSilent) this.#logger.info({ camera: alert.ip ?? alert.mac }, "camera pushes arriving");
    this.health.set("ok");
    clearTimeout(this.#staleTimer);
    this.#staleTimer = setTimeout(() => {
      const seconds = Math.round((Date.now() - (this.#lastPushAt ?? 0)) / 1000);
      this.#logger.warn({ seconds }, "no push from any camera");
      this.health.set("unavailable", `no push for ${seconds} s (camera offline, or its heartbeat is off)`);
    }, this.#staleAfterMs);
    this.#staleTimer.unref();
  }
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
