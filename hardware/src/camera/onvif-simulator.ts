import { createHash, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { XMLParser } from "fast-xml-parser";
import { type Logger, pino } from "pino";
import { DigestGuard, type HttpCredentials } from "./http-auth";
import type { OnvifDeviceInformation } from "./onvif-camera";
import { tinyJpeg } from "./tiny-jpeg";

export interface OnvifSimulatorOptions {
  host?: string;
  port?: number;
  /** When set, SOAP calls need WS-Security UsernameToken and the snapshot needs HTTP Digest. */
  credentials?: HttpCredentials;
  deviceInformation?: Partial<OnvifDeviceInformation>;
  logger?: Logger;
}

const namespaces =
  'xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:tt="http://www.onvif.org/ver10/schema" ' +
  'xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:trt="http://www.onvif.org/ver10/media/wsdl" ' +
  'xmlns:ter="http://www.onvif.org/ver10/error"';

const soapParser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
});

function envelope(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<s:Envelope ${namespaces}><s:Body>${body}</s:Body></s:Envelope>`;
}

function fault(code: "Sender" | "Receiver", subcode: string, reason: string): string {
  return envelope(
    `<s:Fault><s:Code><s:Value>s:${code}</s:Value><s:Subcode><s:Value>${subcode}</s:Value></s:Subcode></s:Code>` +
      `<s:Reason><s:Text xml:lang="en">${reason}</s:Text></s:Reason></s:Fault>`,
  );
}

function escapeXml(value: string): string {
  const entities: Record<string, string> = {
    "<": "&lt;",
    ">": "&gt;",
    "&": "&amp;",
    '"': "&quot;",
    "'": "&apos;",
  };
  return value.replace(/[<>&"']/g, (character) => entities[character]!);
}

/**
 * A minimal ONVIF Profile S device on HTTP: the device service (GetSystemDateAndTime, GetServices,
 * GetCapabilities, GetDeviceInformation) and the media service (GetProfiles, GetVideoSources,
 * GetSnapshotUri, GetStreamUri), answering exactly what the `onvif` package asks while it connects,
 * plus the snapshot JPEG. With credentials it checks WS-Security password digests and HTTP Digest
 * like a real camera.
 */
export class OnvifSimulator {
  readonly deviceInformation: OnvifDeviceInformation;
  readonly #options: OnvifSimulatorOptions;
  readonly #guard: DigestGuard | undefined;
  readonly #logger: Logger;
  #server: http.Server | undefined;
  #snapshotsServed = 0;

  constructor(options: OnvifSimulatorOptions = {}) {
    this.#options = options;
    this.deviceInformation = {
      manufacturer: "Linli",
      model: "SIM-ONVIF-1",
      firmwareVersion: "V1.0.0 build 250501",
      serialNumber: "LINLI-SIM-0001",
      hardwareId: "sim-1",
      ...options.deviceInformation,
    };
    this.#guard = options.credentials ? new DigestGuard("IP Camera", options.credentials) : undefined;
    this.#logger = (options.logger ?? pino({ level: "silent" })).child({ device: "onvif-simulator" });
  }

  get address(): { host: string; port: number } | undefined {
    const address = this.#server?.address() as AddressInfo | null | undefined;
    return address ? { host: address.address, port: address.port } : undefined;
  }

  /** How many snapshot JPEGs have been fetched. */
  get snapshotsServed(): number {
    return this.#snapshotsServed;
  }

  async start(): Promise<{ host: string; port: number }> {
    const server = http.createServer((request, response) => {
      this.#serve(request, response).catch((error: Error) => {
        this.#logger.warn({ err: error }, "request failed");
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
    });
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
    const server = this.#server;
    this.#server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async #serve(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const path = (request.url ?? "/").split("?")[0];
    const base = `http://${request.headers.host ?? `${this.address?.host}:${this.address?.port}`}`;
    if (request.method === "GET" && path === "/onvif/snapshot.jpg") {
      request.resume();
      if (this.#guard && !this.#guard.verify("GET", request.headers.authorization)) {
        response.writeHead(401, { "www-authenticate": this.#guard.challenge() });
        response.end();
        return;
      }
      this.#snapshotsServed++;
      const jpeg = tinyJpeg({ width: 64, height: 48, comment: `snapshot ${new Date().toISOString()}` });
      response.writeHead(200, { "content-type": "image/jpeg", "content-length": jpeg.length });
      response.end(jpeg);
      return;
    }
    if (request.method !== "POST" || (path !== "/onvif/device_service" && path !== "/onvif/media_service")) {
      request.resume();
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not an ONVIF service path");
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > 256 * 1024) {
        this.#soap(response, 400, fault("Sender", "ter:InvalidArgVal", "Request too large"));
        return;
      }
      chunks.push(chunk as Buffer);
    }
    let document: Record<string, unknown>;
    try {
      document = soapParser.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
    } catch {
      this.#soap(response, 400, fault("Sender", "ter:WellFormed", "Request is not well-formed XML"));
      return;
    }
    const soap = document.Envelope as
      | { Header?: Record<string, unknown>; Body?: Record<string, unknown> }
      | undefined;
    const action = soap?.Body && typeof soap.Body === "object" ? Object.keys(soap.Body)[0] : undefined;
    if (!action) {
      this.#soap(response, 400, fault("Sender", "ter:WellFormed", "No SOAP body"));
      return;
    }
    // ONVIF lets anyone read the clock, so that clients can compute their password digests.
    if (action !== "GetSystemDateAndTime" && !this.#authorised(soap?.Header)) {
      this.#soap(response, 400, fault("Sender", "ter:NotAuthorized", "Sender not authorized"));
      return;
    }
    const answer = this.#answer(action, base);
    if (answer === undefined) {
      this.#soap(
        response,
        500,
        fault("Receiver", "ter:ActionNotSupported", `${escapeXml(action)} is not supported`),
      );
      return;
    }
    this.#logger.debug({ action }, "SOAP call");
    this.#soap(response, 200, envelope(answer));
  }

  #soap(response: http.ServerResponse, status: number, xml: string): void {
    response.writeHead(status, { "content-type": "application/soap+xml; charset=utf-8" });
    response.end(xml);
  }

  /** Checks the WS-Security UsernameToken: Base64(SHA1(nonce + created + password)). */
  #authorised(header: Record<string, unknown> | undefined): boolean {
    const credentials = this.#options.credentials;
    if (!credentials) return true;
    const token = (header?.Security as { UsernameToken?: Record<string, unknown> } | undefined)
      ?.UsernameToken;
    if (!token || token.Username !== credentials.username) return false;
    const { Password: password, Nonce: nonce, Created: created } = token;
    if (typeof password !== "string" || typeof nonce !== "string" || typeof created !== "string")
      return false;
    const createdAt = Date.parse(created);
    if (Number.isNaN(createdAt) || Math.abs(Date.now() - createdAt) > 10 * 60_000) return false;
    const digest = createHash("sha1")
      .update(
        Buffer.concat([
          Buffer.from(nonce, "base64"),
          Buffer.from(created, "utf8"),
          Buffer.from(credentials.password, "utf8"),
        ]),
      )
      .digest();
    const given = Buffer.from(password, "base64");
    return given.length === digest.length && timingSafeEqual(given, digest);
  }

  #answer(action: string, base: string): string | undefined {
    const device = `${base}/onvif/device_service`;
    const media = `${base}/onvif/media_service`;
    switch (action) {
      case "GetSystemDateAndTime": {
        const now = new Date();
        return (
          `<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:DateTimeType>NTP</tt:DateTimeType>` +
          `<tt:DaylightSavings>false</tt:DaylightSavings><tt:TimeZone><tt:TZ>CST-8</tt:TZ></tt:TimeZone><tt:UTCDateTime>` +
          `<tt:Time><tt:Hour>${now.getUTCHours()}</tt:Hour><tt:Minute>${now.getUTCMinutes()}</tt:Minute><tt:Second>${now.getUTCSeconds()}</tt:Second></tt:Time>` +
          `<tt:Date><tt:Year>${now.getUTCFullYear()}</tt:Year><tt:Month>${now.getUTCMonth() + 1}</tt:Month><tt:Day>${now.getUTCDate()}</tt:Day></tt:Date>` +
          `</tt:UTCDateTime></tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>`
        );
      }
      case "GetServices": {
        const service = (namespace: string, address: string) =>
          `<tds:Service><tds:Namespace>${namespace}</tds:Namespace><tds:XAddr>${address}</tds:XAddr>` +
          `<tds:Version><tt:Major>2</tt:Major><tt:Minor>60</tt:Minor></tds:Version></tds:Service>`;
        return (
          `<tds:GetServicesResponse>${service("http://www.onvif.org/ver10/device/wsdl", device)}` +
          `${service("http://www.onvif.org/ver10/media/wsdl", media)}</tds:GetServicesResponse>`
        );
      }
      case "GetCapabilities":
        return (
          `<tds:GetCapabilitiesResponse><tds:Capabilities><tt:Device><tt:XAddr>${device}</tt:XAddr></tt:Device>` +
          `<tt:Media><tt:XAddr>${media}</tt:XAddr><tt:StreamingCapabilities><tt:RTPMulticast>false</tt:RTPMulticast>` +
          `<tt:RTP_TCP>true</tt:RTP_TCP><tt:RTP_RTSP_TCP>true</tt:RTP_RTSP_TCP></tt:StreamingCapabilities></tt:Media>` +
          `</tds:Capabilities></tds:GetCapabilitiesResponse>`
        );
      case "GetDeviceInformation": {
        const info = this.deviceInformation;
        return (
          `<tds:GetDeviceInformationResponse><tds:Manufacturer>${escapeXml(info.manufacturer)}</tds:Manufacturer>` +
          `<tds:Model>${escapeXml(info.model)}</tds:Model><tds:FirmwareVersion>${escapeXml(info.firmwareVersion)}</tds:FirmwareVersion>` +
          `<tds:SerialNumber>${escapeXml(info.serialNumber)}</tds:SerialNumber><tds:HardwareId>${escapeXml(info.hardwareId)}</tds:HardwareId>` +
          `</tds:GetDeviceInformationResponse>`
        );
      }
      case "GetProfiles":
        return (
          `<trt:GetProfilesResponse><trt:Profiles token="Profile_1" fixed="true"><tt:Name>mainStream</tt:Name>` +
          `<tt:VideoSourceConfiguration token="VideoSourceConfig_1"><tt:Name>VideoSourceConfig</tt:Name><tt:UseCount>1</tt:UseCount>` +
          `<tt:SourceToken>VideoSource_1</tt:SourceToken><tt:Bounds x="0" y="0" width="1920" height="1080"/></tt:VideoSourceConfiguration>` +
          `<tt:VideoEncoderConfiguration token="VideoEncoderConfig_1"><tt:Name>VideoEncoderConfig</tt:Name><tt:UseCount>1</tt:UseCount>` +
          `<tt:Encoding>H264</tt:Encoding><tt:Resolution><tt:Width>1920</tt:Width><tt:Height>1080</tt:Height></tt:Resolution>` +
          `<tt:Quality>4</tt:Quality><tt:RateControl><tt:FrameRateLimit>25</tt:FrameRateLimit><tt:EncodingInterval>1</tt:EncodingInterval>` +
          `<tt:BitrateLimit>4096</tt:BitrateLimit></tt:RateControl></tt:VideoEncoderConfiguration></trt:Profiles></trt:GetProfilesResponse>`
        );
      case "GetVideoSources":
        return (
          `<trt:GetVideoSourcesResponse><trt:VideoSources token="VideoSource_1"><tt:Framerate>25</tt:Framerate>` +
          `<tt:Resolution><tt:Width>1920</tt:Width><tt:Height>1080</tt:Height></tt:Resolution></trt:VideoSources></trt:GetVideoSourcesResponse>`
        );
      case "GetSnapshotUri":
        return (
          `<trt:GetSnapshotUriResponse><trt:MediaUri><tt:Uri>${base}/onvif/snapshot.jpg</tt:Uri>` +
          `<tt:InvalidAfterConnect>false</tt:InvalidAfterConnect><tt:InvalidAfterReboot>false</tt:InvalidAfterReboot>` +
          `<tt:Timeout>PT0S</tt:Timeout></trt:MediaUri></trt:GetSnapshotUriResponse>`
        );
      case "GetStreamUri":
        return (
          `<trt:GetStreamUriResponse><trt:MediaUri><tt:Uri>rtsp://${new URL(base).hostname}:554/Streaming/Channels/101</tt:Uri>` +
          `<tt:InvalidAfterConnect>false</tt:InvalidAfterConnect><tt:InvalidAfterReboot>false</tt:InvalidAfterReboot>` +
          `<tt:Timeout>PT0S</tt:Timeout></trt:MediaUri></trt:GetStreamUriResponse>`
        );
      default:
        return undefined;
    }
  }
}
