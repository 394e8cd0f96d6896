import { MAX_MATERIAL_BYTES } from "@linli/protocol";
import { describe, expect, it } from "vitest";
import { checkMaterialFile } from "./check-material-file";

describe("checkMaterialFile", () => {
  it("accepts photos and PDFs up to the limit", () => {
    expect(checkMaterialFile({ name: "户口本.jpg", type: "image/jpeg", size: 300_000 })).toEqual({
      ok: true,
      mimeType: "image/jpeg",
    });
    expect(checkMaterialFile({ name: "a.png", type: "image/png", size: MAX_MATERIAL_BYTES })).toEqual({
      ok: true,
      mimeType: "image/png",
    });
    expect(checkMaterialFile({ name: "证明.PDF", type: "", size: 10 })).toEqual({
      ok: true,
      mimeType: "application/pdf",
    });
  });

  it("refuses other types, empty files and files over the limit", () => {
    expect(checkMaterialFile({ name: "photo.heic", type: "image/heic", size: 10 })).toEqual({
      ok: false,
      problem: "wrong-type",
    });
    expect(checkMaterialFile({ name: "notes.txt", type: "", size: 10 })).toEqual({
      ok: false,
      problem: "wrong-type",
    });
    expect(checkMaterialFile({ name: "a.jpg", type: "image/jpeg", size: 0 })).toEqual({
      ok: false,
      problem: "empty",
    });
    expect(checkMaterialFile({ name: "a.jpg", type: "image/jpeg", size: MAX_MATERIAL_BYTES + 1 })).toEqual({
      ok: false,
      problem: "too-large",
    });
  });
});
