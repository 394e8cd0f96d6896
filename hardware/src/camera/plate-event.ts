/** Where a car was going when the camera read its plate. */
export type PlateDirection = "entry" | "exit" | "unknown";

export const plateDirections: readonly PlateDirection[] = ["entry", "exit", "unknown"];

export interface PlatePicture {
  /** `plate`: the close-up of the plate; `scene`: the wider picture of the car. */
  kind: "plate" | "scene";
  contentType: string;
  bytes: Buffer;
}

/** One licence plate read by a camera, the same shape whichever brand produced it. */
export interface PlateEvent {
  source: "hikvision" | "dahua";
  /** The configured camera name, or the camera's own MAC/IP when it pushes to a shared receiver. */
  cameraId: string;
  ip?: string;
  mac?: string;
  channel?: number;
  /** Normalised plate, e.g. 湘A12345 (validated by {@link checkPlate}). */
  plate: string;
  plateColor?: string;
  /** 0–100 as the camera reports it. */
  confidence?: number;
  direction: PlateDirection;
  vehicleType?: string;
  /** ISO 8601 with the configured UTC offset, e.g. 2025-05-01T10:20:30.000+08:00. */
  at: string;
  pictures: PlatePicture[];
}

/** A read the camera reported but whose plate is not a valid Chinese plate (e.g. 无车牌). */
export interface RejectedPlate {
  source: "hikvision" | "dahua";
  cameraId: string;
  rawPlate: string;
  reason: string;
  at: string;
}

export type PlateCheck =
  | { ok: true; plate: string; kind: "ordinary" | "new-energy" }
  | { ok: false; reason: string };

/** Province (and special-authority) characters that open a civil Chinese plate (GA 36-2018). */
const provinceCharacters = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
// Chinese plates never use I or O, to keep them apart from 1 and 0.
const authorityLetter = /^[A-HJ-NP-Z]$/;
const serialCharacter = /^[A-HJ-NP-Z0-9]$/;
const newEnergySerial = /^(?:[DF][A-HJ-NP-Z0-9][0-9]{4}|[0-9]{5}[DF])$/;

/**
 * Normalises what a camera read (full-width characters, lower case, separators such as 湘A·12345)
 * and checks that it has the shape of a Chinese plate: province character, authority letter, then
 * 5 serial characters (ordinary) or 6 (new-energy: D/F first for small cars, last for large ones).
 */
export function checkPlate(raw: string): PlateCheck {
  const plate = raw
    .normalize("NFKC")
    .replace(/[\s·•.\-_]/g, "")
    .toUpperCase();
  if (plate === "") return { ok: false, reason: "no plate was read" };
  const [province = "", letter = "", ...rest] = Array.from(plate);
  const serial = rest.join("");
  if (!provinceCharacters.includes(province)) {
    return { ok: false, reason: `"${plate}" does not start with a province character (京, 湘, 粤 …)` };
  }
  if (!authorityLetter.test(letter)) {
    return { ok: false, reason: `"${plate}": the second character must be a letter A–Z other than I and O` };
  }
  const badCharacter = rest.find((character) => !serialCharacter.test(character));
  if (badCharacter !== undefined) {
    return {
      ok: false,
      reason: `"${plate}" contains "${badCharacter}"; a plate's serial is letters (not I or O) and digits`,
    };
  }
  if (rest.length === 5) return { ok: true, plate, kind: "ordinary" };
  if (rest.length === 6) {
    if (newEnergySerial.test(serial)) return { ok: true, plate, kind: "new-energy" };
    return {
      ok: false,
      reason: `"${plate}" has 6 serial characters but is not a new-energy plate (D or F first or last)`,
    };
  }
  return {
    ok: false,
    reason: `"${plate}" has ${rest.length} serial characters; a Chinese plate has 5 (6 for new-energy)`,
  };
}

/** Parses a UTC offset such as "+08:00", "-0530" or "Z" into minutes east of UTC. */
export function parseUtcOffset(offset: string): number {
  if (offset === "Z") return 0;
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
  if (!match) throw new Error(`"${offset}" is not a UTC offset like +08:00`);
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  if (minutes > 14 * 60) throw new Error(`"${offset}" is beyond ±14:00`);
  return match[1] === "-" ? -minutes : minutes;
}

/** Formats an instant as ISO 8601 in the given offset, e.g. 2025-05-01T10:20:30.000+08:00. */
export function formatIsoWithOffset(instant: Date, offsetMinutes: number): string {
  const shifted = new Date(instant.getTime() + offsetMinutes * 60_000).toISOString();
  const sign = offsetMinutes < 0 ? "-" : "+";
  const absolute = Math.abs(offsetMinutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, "0");
  const minutes = String(absolute % 60).padStart(2, "0");
  return `${shifted.slice(0, -1)}${sign}${hours}:${minutes}`;
}

/**
 * Reads a camera timestamp: with an offset (or Z) it is an instant; without one it is wall-clock
 * time at `offsetMinutes`. Returns undefined for anything that is not a date.
 */
export function parseCameraTime(text: string, offsetMinutes: number): Date | undefined {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?/.test(trimmed)) return undefined;
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/.test(trimmed);
  const instant = hasOffset
    ? new Date(trimmed)
    : new Date(new Date(`${trimmed}Z`).getTime() - offsetMinutes * 60_000);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}
