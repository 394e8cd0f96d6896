import { MAX_MATERIAL_BYTES, materialMimeTypes } from "@linli/protocol";

export type MaterialMimeType = (typeof materialMimeTypes)[number];

/** Some phones' pickers leave `type` empty (a PDF from a file manager): the name's extension decides then. */
const BY_EXTENSION: Record<string, MaterialMimeType> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  pdf: "application/pdf",
};

export type FileCheck =
  | { ok: true; mimeType: MaterialMimeType }
  | { ok: false; problem: "wrong-type" | "too-large" | "empty" };

/** The server's own rules (type and size), checked before a resident waits for an upload that must fail. */
export function checkMaterialFile(file: { name: string; type: string; size: number }): FileCheck {
  const extension = file.name.toLowerCase().split(".").pop() ?? "";
  const declared = file.type.toLowerCase();
  const mimeType = (materialMimeTypes as readonly string[]).includes(declared)
    ? (declared as MaterialMimeType)
    : declared === ""
      ? BY_EXTENSION[extension]
      : undefined;
  if (!mimeType) return { ok: false, problem: "wrong-type" };
  if (file.size === 0) return { ok: false, problem: "empty" };
  if (file.size > MAX_MATERIAL_BYTES) return { ok: false, problem: "too-large" };
  return { ok: true, mimeType };
}
