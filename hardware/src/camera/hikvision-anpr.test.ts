import { describe, expect, it } from "vitest";
import {
  buildHikvisionAlertXml,
  buildHikvisionPushBody,
  CameraPushError,
  parseHikvisionAlertXml,
  readHikvisionPush,
} from "./hikvision-anpr";
import { tinyJpeg } from "./tiny-jpeg";

// Shaped after the ISAPI EventNotificationAlert a Hikvision ANPR camera pushes.
const anprXml = `<?xml version="1.0" encoding="UTF-8"?>
<EventNotificationAlert version="2.0" xmlns="http://www.isapi.org/ver20/XMLSchema">
<ipAddress>192.168.1.64</ipAddress>
<ipv6Address>::</ipv6Address>
<portNo>80</portNo>
<protocol>HTTP</protocol>
<macAddress>44:19:B6:6D:24:85</macAddress>
<channelID>1</channelID>
<dateTime>2025-05-01T10:20:30+08:00</dateTime>
<activePostCount>1</activePostCount>
<eventType>ANPR</eventType>
<eventState>active</eventState>
<eventDescription>ANPR</eventDescription>
<ANPR>
<country>3</country>
<licensePlate>湘A12345</licensePlate>
<line>1</line>
<direction>reverse</direction>
<confidenceLevel>98</confidenceLevel>
<plateType>unknown</plateType>
<plateColor>blue</plateColor>
<vehicleType>vehicle</vehicleType>
<pictureInfoList>
<pictureInfo><fileName>licensePlatePicture.jpg</fileName><type>licensePlatePicture</type><dataType>0</dataType></pictureInfo>
<pictureInfo><fileName>detectionPicture.jpg</fileName><type>detectionPicture</type><dataType>0</dataType></pictureInfo>
</pictureInfoList>
</ANPR>
</EventNotificationAlert>`;

const oldFirmwareHeartbeat = `<?xml version="1.0" encoding="UTF-8"?>
<hik:EventNotificationAlert version="1.0" xmlns:hik="http://www.hikvision.com/ver20/XMLSchema">
<hik:ipAddress>192.168.1.65</hik:ipAddress>
<hik:channelID>1</hik:channelID>
<hik:dateTime>2025-05-01T10:21:00+08:00</hik:dateTime>
<hik:eventType>videoloss</hik:eventType>
<hik:eventState>inactive</hik:eventState>
</hik:EventNotificationAlert>`;

function multipart(
  boundary: string,
  parts: Array<{ headers: string; body: Buffer | string }>,
  close = true,
): Buffer {
  return Buffer.concat([
    ...parts.flatMap((part) => [
      Buffer.from(`--${boundary}\r\n${part.headers}\r\n\r\n`),
      Buffer.isBuffer(part.body) ? part.body : Buffer.from(part.body),
      Buffer.from("\r\n"),
    ]),
    Buffer.from(close ? `--${boundary}--\r\n` : ""),
  ]);
}

describe("parseHikvisionAlertXml", () => {
  it("reads the ANPR fields of an ISAPI alert", () => {
    const alert = parseHikvisionAlertXml(anprXml);
    expect(alert).toEqual({
      namespace: "http://www.isapi.org/ver20/XMLSchema",
      eventType: "ANPR",
      eventState: "active",
      ip: "192.168.1.64",
      mac: "44:19:b6:6d:24:85",
      channel: 1,
      dateTime: "2025-05-01T10:20:30+08:00",
      anpr: {
        licensePlate: "湘A12345",
        confidence: 98,
        direction: "reverse",
        plateColor: "blue",
        vehicleType: "vehicle",
        pictures: [
          { fileName: "licensePlatePicture.jpg", type: "licensePlatePicture" },
          { fileName: "detectionPicture.jpg", type: "detectionPicture" },
        ],
      },
    });
  });

  it("reads the older Hikvision namespace with prefixed elements", () => {
    const alert = parseHikvisionAlertXml(oldFirmwareHeartbeat);
    expect(alert.namespace).toBe("http://www.hikvision.com/ver20/XMLSchema");
    expect(alert.eventState).toBe("inactive");
    expect(alert.ip).toBe("192.168.1.65");
    expect(alert.anpr).toBeUndefined();
  });

  it("refuses XML that is not well-formed or not an alert, with a 400 and the reason", () => {
    expect(() =>
      parseHikvisionAlertXml("<EventNotificationAlert><eventType>ANPR</EventNotificationAlert>"),
    ).toThrow(/not well-formed/);
    const notAlert = (() => {
      try {
        parseHikvisionAlertXml("<ResponseStatus><statusCode>1</statusCode></ResponseStatus>");
      } catch (error) {
        return error;
      }
    })();
    expect(notAlert).toBeInstanceOf(CameraPushError);
    expect((notAlert as CameraPushError).status).toBe(400);
    expect((notAlert as CameraPushError).message).toMatch(
      /expected an EventNotificationAlert, got <ResponseStatus>/,
    );
  });

  it("reads back what the simulator's builder writes", () => {
    const alert = {
      namespace: "http://www.isapi.org/ver20/XMLSchema",
      eventType: "ANPR",
      eventState: "active",
      ip: "10.0.0.5",
      mac: "44:19:b6:00:00:01",
      channel: 2,
      dateTime: "2025-05-01T10:20:30.000+08:00",
      anpr: {
        licensePlate: "粤B<D>12345",
        confidence: 90,
        direction: "forward",
        plateColor: "green",
        vehicleType: "vehicle",
        pictures: [{ fileName: "licensePlatePicture.jpg", type: "licensePlatePicture" }],
      },
    };
    expect(parseHikvisionAlertXml(buildHikvisionAlertXml(alert))).toEqual(alert);
  });
});

describe("readHikvisionPush", () => {
  const plateJpeg = tinyJpeg({ comment: "plate" });
  const sceneJpeg = tinyJpeg({ width: 64, height: 32 });

  it("splits a multipart push into the alert and its JPEG parts", async () => {
    const body = multipart("MIME_boundary", [
      {
        headers:
          'Content-Disposition: form-data; name="anpr.xml"; filename="anpr.xml"\r\nContent-Type: text/xml',
        body: anprXml,
      },
      {
        headers:
          'Content-Disposition: form-data; name="licensePlatePicture.jpg"; filename="licensePlatePicture.jpg"\r\nContent-Type: image/jpeg',
        body: plateJpeg,
      },
      {
        headers:
          'Content-Disposition: form-data; name="detectionPicture.jpg"; filename="detectionPicture.jpg"\r\nContent-Type: image/jpeg',
        body: sceneJpeg,
      },
    ]);
    const push = await readHikvisionPush("multipart/form-data; boundary=MIME_boundary", body, 1 << 20);
    expect(push.alert.anpr?.licensePlate).toBe("湘A12345");
    expect(
      push.files.map((file) => [
        file.name,
        file.contentType,
        file.bytes.equals(file.name.startsWith("license") ? plateJpeg : sceneJpeg),
      ]),
    ).toEqual([
      ["licensePlatePicture.jpg", "image/jpeg", true],
      ["detectionPicture.jpg", "image/jpeg", true],
    ]);
  });

  it("finds the XML when firmware sends it as a plain form field", async () => {
    const body = multipart("b", [
      { headers: 'Content-Disposition: form-data; name="MoveDetection.xml"', body: oldFirmwareHeartbeat },
    ]);
    const push = await readHikvisionPush("multipart/form-data; boundary=b", body, 1 << 20);
    expect(push.alert.eventState).toBe("inactive");
    expect(push.files).toEqual([]);
  });

  it("accepts a bare XML body", async () => {
    const push = await readHikvisionPush(
      "application/xml; charset=UTF-8",
      Buffer.from(oldFirmwareHeartbeat),
      1 << 20,
    );
    expect(push.alert.ip).toBe("192.168.1.65");
  });

  it("round-trips the simulator's multipart body", async () => {
    const { contentType, body } = buildHikvisionPushBody(anprXml, [
      { fileName: "licensePlatePicture.jpg", bytes: plateJpeg },
    ]);
    const push = await readHikvisionPush(contentType, body, 1 << 20);
    expect(push.alert.anpr?.direction).toBe("reverse");
    expect(push.files[0]?.bytes.equals(plateJpeg)).toBe(true);
  });

  it.each([
    [
      "no boundary",
      "multipart/form-data",
      multipart("x", [{ headers: 'Content-Disposition: form-data; name="a"', body: "b" }]),
      400,
      /multipart/,
    ],
    [
      "a body cut short",
      "multipart/form-data; boundary=x",
      multipart(
        "x",
        [{ headers: 'Content-Disposition: form-data; name="anpr.xml"', body: anprXml }],
        false,
      ).subarray(0, 100),
      400,
      /malformed|no EventNotificationAlert/,
    ],
    [
      "no XML part",
      "multipart/form-data; boundary=x",
      multipart("x", [
        {
          headers:
            'Content-Disposition: form-data; name="p.jpg"; filename="p.jpg"\r\nContent-Type: image/jpeg',
          body: plateJpeg,
        },
      ]),
      400,
      /no EventNotificationAlert XML part/,
    ],
    ["JSON instead", "application/json", Buffer.from("{}"), 415, /expected multipart\/form-data/],
    ["no content type", undefined, Buffer.from("x"), 415, /no Content-Type/],
  ])("refuses %s", async (_name, contentType, body, status, message) => {
    const failure = await readHikvisionPush(contentType, body, 1 << 20).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(CameraPushError);
    expect((failure as CameraPushError).status).toBe(status);
    expect((failure as CameraPushError).message).toMatch(message);
  });

  it("refuses a part larger than the limit", async () => {
    const body = multipart("x", [
      {
        headers:
          'Content-Disposition: form-data; name="anpr.xml"; filename="anpr.xml"\r\nContent-Type: text/xml',
        body: anprXml,
      },
      {
        headers:
          'Content-Disposition: form-data; name="big.jpg"; filename="big.jpg"\r\nContent-Type: image/jpeg',
        body: Buffer.alloc(5000, 0xff),
      },
    ]);
    await expect(readHikvisionPush("multipart/form-data; boundary=x", body, 4096)).rejects.toThrow(
      /larger than 4096 bytes/,
    );
  });
});
