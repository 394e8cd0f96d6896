import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type ApplicationView, MAX_MATERIAL_BYTES } from "@linli/protocol";
import type { Database } from "../db/database";
import {
  MATERIAL_EXTENSIONS,
  MATERIAL_TYPE_NAMES,
  type MaterialMimeType,
  sniffMaterialType,
} from "./material-file-type";
import { refuse } from "./refuse";

interface FileRow {
  id: string;
  material_code: string;
  file_name: string;
  mime_type: MaterialMimeType;
  size: number;
  source: "kiosk" | "phone";
  path: string;
  added_at: string;
}

export interface NewMaterialFile {
  /** The kiosk's durable event id; null for phone uploads. */
  eventId: string | null;
  receiptCode: string;
  materialCode: string;
  fileName: string;
  /** What the sender says it is; the bytes decide. */
  claimedType: string;
  bytes: Buffer;
  source: "kiosk" | "phone";
  terminalId: string | null;
  addedAt: Date;
}

/** A file as staff fetch it. */
export interface MaterialFileContent {
  absolutePath: string;
  mimeType: MaterialMimeType;
  fileName: string;
  materialCode: string;
}

/** Keeps what a resident's file name says, without paths or control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (cleaned || "material").slice(0, 120);
}

/**
 * Materials on disk, `<dataDir>/materials/<receipt code>/<file id>.<ext>`, and their rows. Keyed by
 * receipt code only: a kiosk's material may arrive before its application.
 */
export class MaterialStore {
  constructor(
    private readonly db: Database,
    private readonly dataDir: string,
  ) {}

  /** Checks size and the real type (by magic bytes) against the claim, then writes the file and its row. */
  store(input: NewMaterialFile): void {
    if (input.bytes.length === 0) refuse("invalid_payload", "the file is empty");
    if (input.bytes.length > MAX_MATERIAL_BYTES)
      refuse("invalid_payload", `the file is larger than ${MAX_MATERIAL_BYTES / 1024 / 1024} MB`);
    const actual =
      sniffMaterialType(input.bytes) ??
      refuse("invalid_payload", "the file is not a JPEG or PNG image or a PDF document");
    if (actual !== input.claimedType)
      refuse("invalid_payload", `the file is ${MATERIAL_TYPE_NAMES[actual]}, not ${input.claimedType}`);
    const id = randomUUID();
    const relative = join("materials", input.receiptCode, `${id}.${MATERIAL_EXTENSIONS[actual]}`);
    mkdirSync(join(this.dataDir, "materials", input.receiptCode), { recursive: true });
    // Flushed before the row commits: an acknowledged material survives a power cut.
    writeFileSync(join(this.dataDir, relative), input.bytes, { flush: true });
    this.db
      .prepare(
        `INSERT INTO application_files (id, event_id, receipt_code, material_code, file_name, mime_type, size,
           source, terminal_id, path, added_at, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        input.eventId,
        input.receiptCode,
        input.materialCode,
        cleanFileName(input.fileName),
        actual,
        input.bytes.length,
        input.source,
        input.terminalId,
        relative,
        input.addedAt.toISOString(),
        new Date().toISOString(),
      );
  }

  /** The material codes the centre has at least one file for. */
  provided(receiptCode: string): Set<string> {
    const rows = this.db
      .prepare("SELECT DISTINCT material_code FROM application_files WHERE receipt_code = ?")
      .all(receiptCode) as Array<{ material_code: string }>;
    return new Set(rows.map((row) => row.material_code));
  }

  files(receiptCode: string): ApplicationView["files"] {
    const rows = this.db
      .prepare("SELECT * FROM application_files WHERE receipt_code = ? ORDER BY added_at, id")
      .all(receiptCode) as FileRow[];
    return rows.map((file) => ({
      id: file.id,
      materialCode: file.material_code,
      fileName: file.file_name,
      mimeType: file.mime_type,
      size: file.size,
      source: file.source,
      addedAt: file.added_at,
    }));
  }

  file(receiptCode: string, fileId: string): MaterialFileContent | null {
    const row = this.db
      .prepare("SELECT * FROM application_files WHERE id = ? AND receipt_code = ?")
      .get(fileId, receiptCode) as FileRow | undefined;
    return row
      ? {
          absolutePath: join(this.dataDir, row.path),
          mimeType: row.mime_type,
          fileName: row.file_name,
          materialCode: row.material_code,
        }
      : null;
  }

  /**
   * Deletes materials that never became part of an application (the resident walked away before
   * submitting) once they are older than `before`: scans of ID cards must not linger on the server.
   * Returns how many files went.
   */
  purgeUnclaimed(before: Date): number {
    const rows = this.db
      .prepare(
        `SELECT id, path FROM application_files f
         WHERE received_at < ? AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.receipt_code = f.receipt_code)`,
      )
      .all(before.toISOString()) as Array<{ id: string; path: string }>;
    const remove = this.db.prepare("DELETE FROM application_files WHERE id = ?");
    for (const row of rows) {
      rmSync(join(this.dataDir, row.path), { force: true });
      remove.run(row.id);
    }
    return rows.length;
  }
}
