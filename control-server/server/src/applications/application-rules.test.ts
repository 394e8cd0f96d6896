import { describe, expect, it } from "vitest";
import { loadConfig } from "../config";
import { jpegFile, pdfFile, pngFile } from "./application-fixtures";
import { maskName } from "./mask-name";
import { sniffMaterialType } from "./material-file-type";
import { addWorkingDays } from "./working-days";

describe("target dates count working days in the county's time zone", () => {
  const shanghai = (local: string) => new Date(`${local}+08:00`);

  it("skips the weekend", () => {
    // Friday 27 November 2026, 16:00 in Xiangtan: one working day later is Monday.
    expect(addWorkingDays(shanghai("2026-11-27T16:00:00"), 1, "Asia/Shanghai")).toEqual(
      shanghai("2026-11-30T16:00:00"),
    );
    // Five working days from a Monday is the next Monday; ten is the Monday after.
    expect(addWorkingDays(shanghai("2026-11-30T09:30:00"), 5, "Asia/Shanghai")).toEqual(
      shanghai("2026-12-07T09:30:00"),
    );
    expect(addWorkingDays(shanghai("2026-11-30T09:30:00"), 10, "Asia/Shanghai")).toEqual(
      shanghai("2026-12-14T09:30:00"),
    );
  });

  it("uses the local weekday, not UTC's: Saturday 01:00 in Xiangtan is still Friday in UTC", () => {
    // Submitted Saturday 05:00 local (Friday 21:00 UTC): the first working day is Monday.
    expect(addWorkingDays(shanghai("2026-11-28T05:00:00"), 1, "Asia/Shanghai")).toEqual(
      shanghai("2026-11-30T05:00:00"),
    );
  });
});

describe("material files are recognised by their bytes", () => {
  it("knows JPEG, PNG and PDF, and nothing else", () => {
    expect(sniffMaterialType(jpegFile())).toBe("image/jpeg");
    expect(sniffMaterialType(pngFile())).toBe("image/png");
    expect(sniffMaterialType(pdfFile())).toBe("application/pdf");
    expect(sniffMaterialType(Buffer.from("GIF89a......"))).toBeNull();
    expect(sniffMaterialType(Buffer.from("<html>%PDF-</html>"))).toBeNull();
    expect(sniffMaterialType(Buffer.from([0xff, 0xd8]))).toBeNull();
  });
});

describe("names on public pages", () => {
  it("keep the first and last character only", () => {
    expect(maskName("王秀英")).toBe("王*英");
    expect(maskName("李强")).toBe("李*");
    expect(maskName("欧阳建华")).toBe("欧**华");
    expect(maskName("X")).toBe("*");
  });
});

describe("LINLI_PUBLIC_URL", () => {
  it("is optional, an http(s) URL, kept without a trailing slash", () => {
    expect(loadConfig({}).publicUrl).toBeNull();
    expect(loadConfig({ LINLI_PUBLIC_URL: "https://linli.example.gov.cn/" }).publicUrl).toBe(
      "https://linli.example.gov.cn",
    );
    expect(() => loadConfig({ LINLI_PUBLIC_URL: "linli.example.gov.cn" })).toThrow(/LINLI_PUBLIC_URL/);
  });
});
