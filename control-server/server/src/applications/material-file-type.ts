import type { materialMimeTypes } from "@linli/protocol";

export type MaterialMimeType = (typeof materialMimeTypes)[number];

const SIGNATURES: Array<[MaterialMimeType, number[]]> = [
  ["image/jpeg", [0xff, 0xd8, 0xff]],
  ["image/png", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  // "%PDF-"
  ["application/pdf", [0x25, 0x50, 0x44, 0x46, 0x2d]],
];

/** What the file really is, by its first bytes (the claimed type is not trusted); null for anything else. */
export function sniffMaterialType(bytes: Uint8Array): MaterialMimeType | null {
  for (const [type, signature] of SIGNATURES) {
    if (bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte))
      return type;
  }
  return null;
}

export const MATERIAL_EXTENSIONS: Record<MaterialMimeType, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "application/pdf": "pdf",
};

/** Names staff read in refusals: "a PNG image", not a MIME type. */
export const MATERIAL_TYPE_NAMES: Record<MaterialMimeType, string> = {
  "image/jpeg": "a JPEG image",
  "image/png": "a PNG image",
  "application/pdf": "a PDF document",
};
