import { describe, expect, it } from "vitest";
import {
  buildDahuaEventText,
  dahuaEventCode,
  dahuaEventStreamPath,
  dahuaPlateRead,
  parseDahuaTextPart,
} from "./dahua-event";

const options = {
  utcOffsetMinutes: 480,
  defaultDirection: "unknown" as const,
  receivedAt: new Date("2025-05-01T00:00:00Z"),
};

describe("Dahua event text", () => {
  it("asks for the TrafficJunction stream with the heartbeat interval", () => {
    expect(dahuaEventStreamPath(5)).toBe(
      "/cgi-bin/snapManager.cgi?action=attachFileProc&Flags[0]=Event&Events=[TrafficJunction]&heartbeat=5",
    );
  });

  it("recognises heartbeats", () => {
    expect(parseDahuaTextPart("Heartbeat\r\n")).toEqual({ kind: "heartbeat" });
  });

  it("groups Events[n] fields and drops lines that are not fields", () => {
    const text = [
      "Events[0].EventBaseInfo.Code=TrafficJunction",
      "Events[0].TrafficCar.PlateNumber=湘A12345",
      "Events[0].CommInfo.ParkType=2",
      "stray line",
      "Code=NotAnEventField",
      "Events[1].Code=VideoMotion",
    ].join("\r\n");
    const part = parseDahuaTextPart(text);
    expect(part).toEqual({
      kind: "events",
      events: [
        {
          "EventBaseInfo.Code": "TrafficJunction",
          "TrafficCar.PlateNumber": "湘A12345",
          "CommInfo.ParkType": "2",
        },
        { Code: "VideoMotion" },
      ],
    });
    if (part.kind === "events")
      expect(part.events.map(dahuaEventCode)).toEqual(["TrafficJunction", "VideoMotion"]);
  });

  it("reads plate, colour, confidence, park type and UTC time", () => {
    const read = dahuaPlateRead(
      {
        "TrafficCar.PlateNumber": "湘A12345",
        "TrafficCar.PlateColor": "Yellow",
        "TrafficCar.VehicleType": "Motor",
        "Object.Confidence": "88",
        "CommInfo.ParkType": "1",
        UTC: "1746094830",
        UTCMS: "250",
        Channel: "0",
      },
      options,
    );
    expect(read).toEqual({
      rawPlate: "湘A12345",
      plateColor: "Yellow",
      vehicleType: "Motor",
      confidence: 88,
      direction: "entry",
      channel: 0,
      at: "2025-05-01T18:20:30.250+08:00",
    });
  });

  it("falls back to Object.Text, the camera's direction, LocaleTime, and the arrival time", () => {
    expect(
      dahuaPlateRead(
        { "Object.Text": "粤BD12345", LocaleTime: "2025-05-01 09:00:00" },
        { ...options, defaultDirection: "exit" },
      ),
    ).toEqual({ rawPlate: "粤BD12345", direction: "exit", at: "2025-05-01T09:00:00.000+08:00" });
    expect(dahuaPlateRead({}, options)).toEqual({
      rawPlate: "",
      direction: "unknown",
      at: "2025-05-01T08:00:00.000+08:00",
    });
  });

  it("builds text the parser reads back (the simulator's side)", () => {
    const at = new Date("2025-05-01T02:20:30.125Z");
    const part = parseDahuaTextPart(
      buildDahuaEventText({ plate: "京N8P8F8", direction: "exit", at, confidence: 91 }),
    );
    expect(part.kind).toBe("events");
    if (part.kind !== "events") return;
    expect(dahuaEventCode(part.events[0]!)).toBe("TrafficJunction");
    expect(dahuaPlateRead(part.events[0]!, options)).toMatchObject({
      rawPlate: "京N8P8F8",
      direction: "exit",
      confidence: 91,
      at: "2025-05-01T10:20:30.125+08:00",
    });
  });
});
