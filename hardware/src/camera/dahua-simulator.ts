import http from "node:http";
import type { AddressInfo } from "node:net";
import { type Logger, pino } from "pino";
import { buildDahuaEventText } from "./dahua-event";
import { DigestGuard } from "./http-auth";
import { encodeStreamPart } from "./multipart-stream";
import type { PlateDirection } from "./plate-event";
import { tinyJpeg } from "./tiny-jpeg";

export interface DahuaItcSimulatorOptions {
  host?: string;
  port?: number;
  username?: string;
  password?: string;
  logger?: Logger;
}

const boundary = "myboundary";

interface EventStream {
  response: http.ServerResponse;
  heartbeat: NodeJS.Timeout;
}

/**
 * A Dahua ITC (traffic/parking) camera's event stream: answers
 * `GET /cgi-bin/snapManager.cgi?action=attachFileProc...` behind HTTP Digest with an endless
 * `multipart/x-mixed-replace` stream of heartbeats, and of a key=value text part plus a JPEG for
 * each car driven past. `dropStreams()` and `silence()` imitate a cable pulled or a hung camera.
 */
export class DahuaItcSimulator {
  /** What `magicBox.cgi?action=getSystemInfo` reports. */
  readonly systemInfo: Record<string, string> = {
    deviceType: "ITC237-PW6M-IRLZF",
    hardwareVersion: "1.00",
    processor: "SIM",
    serialNumber: "LINLI-ITC-0001",
    updateSerial: "ITC237-SIM",
  };
  readonly #options: DahuaItcSimulatorOptions;
  readonly #guard: DigestGuard;
  readonly #streams = new Set<EventStream>();
  readonly #logger: Logger;
  #server: http.Server | undefined;
  #silent = false;
  #eventIndex = 0;

  constructor(options: DahuaItcSimulatorOptions = {}) {
    this.#options = options;
    this.#guard = new DigestGuard("Login to ITC", {
      username: options.username ?? "admin",
      password: options.password ?? "admin123",
    });
    this.#logger = (options.logger ?? pino({ level: "silent" })).child({ device: "dahua-simulator" });
  }

  get address(): { host: string; port: number } | undefined {
    const address = this.#server?.address() as AddressInfo | null | undefined;
    return address ? { host: address.address, port: address.port } : undefined;
  }

  /** How many clients are receiving the event stream. */
  get streamCount(): number {
    return this.#streams.size;
  }

  async start(): Promise<{ host: string; port: number }> {
    const server = http.createServer((request, response) => this.#serve(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.#options.port ?? 0, this.#options.host ?? "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
    this.#server = server;
    return this.address!;
  }

  async stop(): Promise<void> {
    this.dropStreams();
    const server = this.#server;
    this.#server = undefined;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  /** A car passes: every connected client receives the event text and a scene JPEG. Returns how many. */
  drive(
    plate: string,
    direction: PlateDirection = "entry",
    details: { confidence?: number; plateColor?: string; vehicleType?: string } = {},
  ): number {
    const at = new Date();
    const text = buildDahuaEventText({ plate, direction, at, index: this.#eventIndex++, ...details });
    const picture = tinyJpeg({ width: 64, height: 32, comment: `${plate} ${direction} ${at.toISOString()}` });
    const bytes = Buffer.concat([
      encodeStreamPart(boundary, "text/plain", Buffer.from(text, "utf8")),
      encodeStreamPart(boundary, "image/jpeg", picture),
    ]);
    for (const stream of this.#streams) stream.response.write(bytes);
    return this.#streams.size;
  }

  /** Cuts every event stream, as a network drop would. */
  dropStreams(): void {
    for (const stream of this.#streams) {
      clearInterval(stream.heartbeat);
      stream.response.socket?.destroy();
    }
    this.#streams.clear();
  }

  /** Keeps connections open but stops sending heartbeats (a hung camera); `silence(false)` resumes. */
  silence(silent = true): void {
    this.#silent = silent;
  }

  #serve(request: http.IncomingMessage, response: http.ServerResponse): void {
    const url = new URL(request.url ?? "/", "http://camera");
    if (url.pathname !== "/cgi-bin/snapManager.cgi" && url.pathname !== "/cgi-bin/magicBox.cgi") {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("Error\r\nNot Found!\r\n");
      return;
    }
    if (!this.#guard.verify(request.method ?? "GET", request.headers.authorization)) {
      response.writeHead(401, { "www-authenticate": this.#guard.challenge(), "content-type": "text/plain" });
      response.end("Error\r\nUnauthorized!\r\n");
      return;
    }
    if (url.pathname === "/cgi-bin/magicBox.cgi") {
      const ok = url.searchParams.get("action") === "getSystemInfo";
      response.writeHead(ok ? 200 : 400, { "content-type": "text/plain" });
      response.end(
        ok
          ? `${Object.entries(this.systemInfo)
              .map(([key, value]) => `${key}=${value}`)
              .join("\r\n")}\r\n`
          : "Error\r\nBad Request!\r\n",
      );
      return;
    }
    const heartbeatSeconds = Number(url.searchParams.get("heartbeat") ?? "0");
    if (url.searchParams.get("action") !== "attachFileProc" || !(heartbeatSeconds > 0)) {
      response.writeHead(400, { "content-type": "text/plain" });
      response.end("Error\r\nBad Request!\r\n");
      return;
    }
    response.writeHead(200, {
      "content-type": `multipart/x-mixed-replace; boundary=${boundary}`,
      connection: "close",
    });
    response.flushHeaders();
    const stream: EventStream = {
      response,
      heartbeat: setInterval(() => {
        if (!this.#silent)
          response.write(encodeStreamPart(boundary, "text/plain", Buffer.from("Heartbeat\r\n")));
      }, heartbeatSeconds * 1000),
    };
    this.#streams.add(stream);
    this.#logger.debug({ streams: this.#streams.size }, "event stream opened");
    response.once("close", () => {
      clearInterval(stream.heartbeat);
      this.#streams.delete(stream);
    });
  }
}
