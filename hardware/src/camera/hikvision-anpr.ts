import { randomBytes } from "node:crypto";
import busboy from "busboy";
import { XMLParser, XMLValidator } from "fast-xml-parser";

export const isapiNamespace = "http://www.isapi.org/ver20/XMLSchema";
/** Older Hikvision firmware uses its own namespace for the same schema. */
export const hikvisionNamespace = "http://www.hikvision.com/ver20/XMLSchema";

/** A push the receiver cannot accept; `status` is the HTTP status to answer with. */
export class CameraPushError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
    this.name = "CameraPushError";
  }
}

export interface HikvisionAnpr {
  licensePlate: string;
  confidence?: number;
  /** As the camera says it: forward, reverse or unknown. */
  direction?: string;
  plateColor?: string;
  vehicleType?: string;
  /** pictureInfoList: which file part is which picture. */
  pictures: Array<{ fileName: string; type: string }>;
}

/** The fields of an `EventNotificationAlert` that Linli uses. */
export interface HikvisionAlert {
  namespace?: string;
  eventType: string;
  /** active, or inactive for heartbeats. */
  eventState: string;
  ip?: string;
  mac?: string;
  channel?: number;
  dateTime?: string;
  anpr?: HikvisionAnpr;
}

const alertParser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  // Also decodes numeric character references (&#60;), which some firmware writes.
  htmlEntities: true,
  isArray: (name) => name === "pictureInfo",
});

function text(value: unknown): string | undefined {
  if (typeof value === "string") return value === "" ? undefined : value;
  if (typeof value === "number") return String(value);
  return undefined;
}

function number(value: unknown): number | undefined {
  const raw = text(value);
  if (raw === undefined) return undefined;
  const parsed = Number(raw);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** Parses the XML of an ISAPI event push (ISAPI or older Hikvision namespace, with or without prefixes). */
export function parseHikvisionAlertXml(xml: string): HikvisionAlert {
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    throw new CameraPushError(
      400,
      `the event XML is not well-formed: ${validation.err.msg} (line ${validation.err.line})`,
    );
  }
  const document = alertParser.parse(xml) as Record<string, unknown>;
  const root = document.EventNotificationAlert;
  if (typeof root !== "object" || root === null) {
    const found = Object.keys(document).filter((key) => !key.startsWith("?"));
    throw new CameraPushError(
      400,
      `expected an EventNotificationAlert, got <${found.join(">, <") || "nothing"}>`,
    );
  }
  const fields = root as Record<string, unknown>;
  const namespace = /<(?:[\w.-]+:)?EventNotificationAlert\b[^>]*?\sxmlns(?::[\w.-]+)?\s*=\s*"([^"]*)"/.exec(
    xml,
  )?.[1];
  const alert: HikvisionAlert = {
    eventType: text(fields.eventType) ?? "",
    eventState: (text(fields.eventState) ?? "active").toLowerCase(),
  };
  if (namespace !== undefined) alert.namespace = namespace;
  const ip = text(fields.ipAddress);
  if (ip) alert.ip = ip;
  const mac = text(fields.macAddress);
  if (mac) alert.mac = mac.toLowerCase();
  const channel = number(fields.channelID);
  if (channel !== undefined) alert.channel = channel;
  const dateTime = text(fields.dateTime);
  if (dateTime) alert.dateTime = dateTime;

  const anprFields = fields.ANPR;
  if (typeof anprFields === "object" && anprFields !== null) {
    const anpr = anprFields as Record<string, unknown>;
    const list = anpr.pictureInfoList as { pictureInfo?: Array<Record<string, unknown>> } | undefined;
    const result: HikvisionAnpr = {
      licensePlate: text(anpr.licensePlate) ?? "",
      pictures: (list?.pictureInfo ?? []).flatMap((picture) => {
        const fileName = text(picture.fileName);
        return fileName ? [{ fileName, type: text(picture.type) ?? "" }] : [];
      }),
    };
    const confidence = number(anpr.confidenceLevel);
    if (confidence !== undefined) result.confidence = confidence;
    const direction = text(anpr.direction);
    if (direction) result.direction = direction.toLowerCase();
    const plateColor = text(anpr.plateColor);
    if (plateColor) result.plateColor = plateColor;
    const vehicleType = text(anpr.vehicleType);
    if (vehicleType) result.vehicleType = vehicleType;
    alert.anpr = result;
  }
  return alert;
}

export interface PushFile {
  /** The form field name, e.g. licensePlatePicture.jpg. */
  name: string;
  filename?: string;
  contentType: string;
  bytes: Buffer;
}

export interface HikvisionPush {
  alert: HikvisionAlert;
  files: PushFile[];
}

function isXmlPart(name: string, contentType: string, bytes: Buffer): boolean {
  if (/xml/i.test(contentType) || /\.xml$/i.test(name)) return true;
  return bytes.subarray(0, 64).toString("utf8").trimStart().startsWith("<");
}

function readMultipart(contentType: string, body: Buffer, maxPartBytes: number): Promise<PushFile[]> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { "content-type": contentType },
        defParamCharset: "utf8",
        limits: { parts: 16, files: 16, fields: 16, fileSize: maxPartBytes, fieldSize: maxPartBytes },
      });
    } catch (error) {
      reject(new CameraPushError(400, `cannot read the multipart body: ${(error as Error).message}`));
      return;
    }
    const parts: PushFile[] = [];
    const pending: Array<Promise<void>> = [];
    let failure: CameraPushError | undefined;
    const fail = (message: string) => {
      failure ??= new CameraPushError(400, message);
    };
    parser.on("file", (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      pending.push(
        new Promise((done) => {
          stream.on("end", () => {
            if (stream.truncated) fail(`part "${name}" is larger than ${maxPartBytes} bytes`);
            else
              parts.push({
                name,
                filename: info.filename,
                contentType: info.mimeType,
                bytes: Buffer.concat(chunks),
              });
            done();
          });
          stream.on("error", (error) => {
            fail(`part "${name}" is broken: ${error.message}`);
            done();
          });
        }),
      );
    });
    parser.on("field", (name, value, info) => {
      if (info.valueTruncated) fail(`part "${name}" is larger than ${maxPartBytes} bytes`);
      else parts.push({ name, contentType: info.mimeType, bytes: Buffer.from(value, "utf8") });
    });
    parser.on("partsLimit", () => fail("the body has more than 16 parts"));
    parser.on("error", (error: Error) => {
      reject(new CameraPushError(400, `the multipart body is malformed: ${error.message}`));
    });
    parser.on("close", () => {
      void Promise.all(pending).then(() => (failure ? reject(failure) : resolve(parts)));
    });
    parser.end(body);
  });
}

/**
 * Reads a Hikvision push body: `multipart/form-data` with the alert XML and JPEG parts, or a bare
 * XML body (some firmware sends heartbeats that way). Throws {@link CameraPushError} for anything
 * that is not such a push.
 */
export async function readHikvisionPush(
  contentType: string | undefined,
  body: Buffer,
  maxPartBytes: number,
): Promise<HikvisionPush> {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/xml" || type === "text/xml") {
    return { alert: parseHikvisionAlertXml(body.toString("utf8")), files: [] };
  }
  if (type !== "multipart/form-data") {
    throw new CameraPushError(
      415,
      `expected multipart/form-data (or XML) from a Hikvision camera, got ${contentType ? `"${contentType}"` : "no Content-Type"}`,
    );
  }
  const parts = await readMultipart(contentType!, body, maxPartBytes);
  const xmlPart = parts.find((part) => isXmlPart(part.name, part.contentType, part.bytes));
  if (!xmlPart) throw new CameraPushError(400, "the multipart body has no EventNotificationAlert XML part");
  return {
    alert: parseHikvisionAlertXml(xmlPart.bytes.toString("utf8")),
    files: parts.filter((part) => part !== xmlPart),
  };
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

/** Builds the XML a Hikvision camera pushes (used by the simulator; same fields the parser reads). */
export function buildHikvisionAlertXml(alert: HikvisionAlert): string {
  const element = (name: string, value: string | number | undefined) =>
    value === undefined ? "" : `<${name}>${escapeXml(String(value))}</${name}>`;
  const anpr = alert.anpr
    ? `<ANPR>${element("country", 3)}${element("licensePlate", alert.anpr.licensePlate)}${element("line", 1)}${element(
        "direction",
        alert.anpr.direction,
      )}${element("confidenceLevel", alert.anpr.confidence)}${element("plateColor", alert.anpr.plateColor)}${element(
        "vehicleType",
        alert.anpr.vehicleType,
      )}<pictureInfoList>${alert.anpr.pictures
        .map(
          (picture) =>
            `<pictureInfo>${element("fileName", picture.fileName)}${element("type", picture.type)}</pictureInfo>`,
        )
        .join("")}</pictureInfoList></ANPR>`
    : "";
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<EventNotificationAlert version="2.0" xmlns="${escapeXml(alert.namespace ?? isapiNamespace)}">` +
    element("ipAddress", alert.ip) +
    element("portNo", 80) +
    element("protocol", "HTTP") +
    element("macAddress", alert.mac) +
    element("channelID", alert.channel) +
    element("dateTime", alert.dateTime) +
    element("activePostCount", 1) +
    element("eventType", alert.eventType) +
    element("eventState", alert.eventState) +
    element("eventDescription", alert.eventType) +
    anpr +
    `</EventNotificationAlert>`
  );
}

/** Builds the multipart/form-data body of a push: the XML as `anpr.xml`, then each picture. */
export function buildHikvisionPushBody(
  xml: string,
  pictures: Array<{ fileName: string; bytes: Uint8Array }>,
  xmlName = "anpr.xml",
): { contentType: string; body: Buffer } {
  const boundary = `----linli${randomBytes(12).toString("hex")}`;
  const part = (name: string, contentType: string, bytes: Uint8Array) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}"\r\n` +
          `Content-Type: ${contentType}\r\nContent-Length: ${bytes.length}\r\n\r\n`,
        "utf8",
      ),
      bytes,
      Buffer.from("\r\n"),
    ]);
  const body = Buffer.concat([
    part(xmlName, "application/xml", Buffer.from(xml, "utf8")),
    ...pictures.map((picture) => part(picture.fileName, "image/jpeg", picture.bytes)),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return { contentType: `multipart/form-data; boundary=${boundary}`, body };
}
