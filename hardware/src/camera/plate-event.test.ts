import { describe, expect, it } from "vitest";
import { checkPlate, formatIsoWithOffset, parseCameraTime, parseUtcOffset } from "./plate-event";

describe("checkPlate", () => {
  it.each([
    ["湘A12345", "湘A12345", "ordinary"],
    ["京N8P8F8", "京N8P8F8", "ordinary"],
    ["湘AD12345", "湘AD12345", "new-energy"],
    ["粤BFA1234", "粤BFA1234", "new-energy"],
    ["粤B12345D", "粤B12345D", "new-energy"],
    [" 湘a·12345 ", "湘A12345", "ordinary"],
    ["湘Ａ１２３４５", "湘A12345", "ordinary"],
  ])("accepts %s as %s (%s)", (raw, plate, kind) => {
    expect(checkPlate(raw)).toEqual({ ok: true, plate, kind });
  });

  it.each([
    ["", "no plate was read"],
    ["无车牌", '"无车牌" does not start with a province character (京, 湘, 粤 …)'],
    ["A12345", '"A12345" does not start with a province character (京, 湘, 粤 …)'],
    ["湘112345", '"湘112345": the second character must be a letter A–Z other than I and O'],
    ["湘I12345", '"湘I12345": the second character must be a letter A–Z other than I and O'],
    ["湘A1234O", '"湘A1234O" contains "O"; a plate\'s serial is letters (not I or O) and digits'],
    ["湘A1234", '"湘A1234" has 4 serial characters; a Chinese plate has 5 (6 for new-energy)'],
    ["湘A1234567", '"湘A1234567" has 7 serial characters; a Chinese plate has 5 (6 for new-energy)'],
    ["湘A123456", '"湘A123456" has 6 serial characters but is not a new-energy plate (D or F first or last)'],
    ["湘A12345学", '"湘A12345学" contains "学"; a plate\'s serial is letters (not I or O) and digits'],
  ])("rejects %j clearly", (raw, reason) => {
    expect(checkPlate(raw)).toEqual({ ok: false, reason });
  });
});

describe("times", () => {
  it("parses UTC offsets", () => {
    expect(parseUtcOffset("+08:00")).toBe(480);
    expect(parseUtcOffset("-0530")).toBe(-330);
    expect(parseUtcOffset("Z")).toBe(0);
    expect(() => parseUtcOffset("8")).toThrow(/not a UTC offset/);
    expect(() => parseUtcOffset("+15:00")).toThrow(/beyond/);
  });

  it("formats instants in an offset", () => {
    const instant = new Date("2025-05-01T18:20:30.250Z");
    expect(formatIsoWithOffset(instant, 480)).toBe("2025-05-02T02:20:30.250+08:00");
    expect(formatIsoWithOffset(instant, -330)).toBe("2025-05-01T12:50:30.250-05:30");
    expect(formatIsoWithOffset(instant, 0)).toBe("2025-05-01T18:20:30.250+00:00");
  });

  it("reads camera times with or without an offset", () => {
    expect(parseCameraTime("2025-05-01T10:20:30+08:00", 0)?.toISOString()).toBe("2025-05-01T02:20:30.000Z");
    expect(parseCameraTime("2025-05-01T10:20:30Z", 480)?.toISOString()).toBe("2025-05-01T10:20:30.000Z");
    expect(parseCameraTime("2025-05-01T10:20:30", 480)?.toISOString()).toBe("2025-05-01T02:20:30.000Z");
    expect(parseCameraTime("yesterday", 480)).toBeUndefined();
    expect(parseCameraTime("2025-13-45T10:20:30+08:00", 480)).toBeUndefined();
  });
});
