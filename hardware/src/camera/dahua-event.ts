import { formatIsoWithOffset, type PlateDirection, parseCameraTime } from "./plate-event";

/** The event-stream request of a Dahua ITC camera (hardware.md §5). */
export function dahuaEventStreamPath(heartbeatSeconds: number): string {
  return `/cgi-bin/snapManager.cgi?action=attachFileProc&Flags[0]=Event&Events=[TrafficJunction]&heartbeat=${heartbeatSeconds}`;
}

export type DahuaTextPart =
  | { kind: "heartbeat" }
  /** Fields of each `Events[n]` with the prefix removed, e.g. `TrafficCar.PlateNumber`. */
  | { kind: "events"; events: Array<Record<string, string>> };

const eventKey = /^(?:Return)?Events\[(\d+)\]\.(.+)$/;

/** Parses a `text/plain` part of the stream: a heartbeat, or `Events[n].Key=Value` lines. */
export function parseDahuaTextPart(text: string): DahuaTextPart {
  const trimmed = text.trim();
  if (/^heartbeat$/i.test(trimmed)) return { kind: "heartbeat" };
  const events: Array<Record<string, string>> = [];
  for (const line of trimmed.split(/\r?\n/)) {
    const equals = line.indexOf("=");
    if (equals <= 0) continue;
    const match = eventKey.exec(line.slice(0, equals).trim());
    if (!match) continue;
    const index = Number(match[1]);
    if (index > 63) continue;
    events[index] ??= {};
    events[index][match[2]!] = line.slice(equals + 1).trim();
  }
  return { kind: "events", events: events.filter((event) => event !== undefined) };
}

/** What one TrafficJunction event says about a car, before the plate is validated. */
export interface DahuaPlateRead {
  rawPlate: string;
  plateColor?: string;
  confidence?: number;
  direction: PlateDirection;
  vehicleType?: string;
  channel?: number;
  at: string;
}

/** The event code, wherever the firmware puts it. */
export function dahuaEventCode(fields: Record<string, string>): string | undefined {
  return fields["EventBaseInfo.Code"] ?? fields.Code;
}

/**
 * Reads the plate fields of a TrafficJunction event. `CommInfo.ParkType` says entry (1) or exit (2)
 * on parking firmware; without it the camera's configured direction applies. The time comes from
 * `UTC` (+ `UTCMS`), else the wall-clock `LocaleTime`, else the moment of arrival. Note: many Dahua
 * firmwares fill `UTC` with local wall-clock seconds; set the camera to UTC+0 or correct the
 * offset in the configuration if times are shifted.
 */
export function dahuaPlateRead(
  fields: Record<string, string>,
  options: { utcOffsetMinutes: number; defaultDirection: PlateDirection; receivedAt: Date },
): DahuaPlateRead {
  const parkType = fields["CommInfo.ParkType"];
  const direction: PlateDirection =
    parkType === "1" ? "entry" : parkType === "2" ? "exit" : options.defaultDirection;
  let instant: Date | undefined;
  const utcSeconds = Number(fields.UTC);
  if (fields.UTC !== undefined && Number.isFinite(utcSeconds) && utcSeconds > 0) {
    const milliseconds = Number(fields.UTCMS ?? 0);
    instant = new Date(utcSeconds * 1000 + (Number.isFinite(milliseconds) ? milliseconds : 0));
  } else if (fields.LocaleTime) {
    instant = parseCameraTime(fields.LocaleTime.replace(" ", "T"), options.utcOffsetMinutes);
  }
  const read: DahuaPlateRead = {
    rawPlate: fields["TrafficCar.PlateNumber"] ?? fields["Object.Text"] ?? "",
    direction,
    at: formatIsoWithOffset(instant ?? options.receivedAt, options.utcOffsetMinutes),
  };
  const plateColor = fields["TrafficCar.PlateColor"];
  if (plateColor) read.plateColor = plateColor;
  const confidence = Number(fields["Object.Confidence"]);
  if (fields["Object.Confidence"] !== undefined && Number.isFinite(confidence)) read.confidence = confidence;
  const vehicleType = fields["TrafficCar.VehicleType"] ?? fields["Vehicle.Category"];
  if (vehicleType) read.vehicleType = vehicleType;
  const channel = Number(fields.Channel ?? fields["EventBaseInfo.Channel"]);
  if (Number.isInteger(channel)) read.channel = channel;
  return read;
}

/** The text part a Dahua ITC camera sends for one car (used by the simulator). */
export function buildDahuaEventText(car: {
  plate: string;
  direction: PlateDirection;
  at: Date;
  plateColor?: string;
  confidence?: number;
  vehicleType?: string;
  index?: number;
}): string {
  const utcMilliseconds = car.at.getTime();
  const lines = [
    "Events[0].EventBaseInfo.Code=TrafficJunction",
    "Events[0].EventBaseInfo.Action=Pulse",
    `Events[0].EventBaseInfo.Index=${car.index ?? 0}`,
    "Events[0].Channel=0",
    `Events[0].UTC=${Math.floor(utcMilliseconds / 1000)}`,
    `Events[0].UTCMS=${utcMilliseconds % 1000}`,
    `Events[0].TrafficCar.PlateNumber=${car.plate}`,
    `Events[0].TrafficCar.PlateColor=${car.plateColor ?? "Blue"}`,
    `Events[0].TrafficCar.VehicleType=${car.vehicleType ?? "Motor"}`,
    `Events[0].Object.Text=${car.plate}`,
    `Events[0].Object.Confidence=${car.confidence ?? 96}`,
  ];
  if (car.direction !== "unknown")
    lines.push(`Events[0].CommInfo.ParkType=${car.direction === "entry" ? 1 : 2}`);
  return `${lines.join("\r\n")}\r\n`;
}
