import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from "node:fs";
import { dirname } from "node:path";
import type { Logger } from "pino";
import type { z } from "zod";

/**
 * Replaces a JSON file all at once: written beside it, flushed to disk, then renamed over it, so that a
 * power cut leaves the old copy or the new one, never half of each.
 */
export function writeJsonFile(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.tmp`;
  const fd = openSync(temporary, "w", 0o600);
  try {
    writeSync(fd, JSON.stringify(value));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}

/** Reads a JSON file kept by the runtime; a missing, unreadable or malformed one counts as absent. */
export function readJsonFile<S extends z.ZodType>(file: string, schema: S, log: Logger): z.output<S> | null {
  if (!existsSync(file)) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (parsed.success) return parsed.data;
    log.warn({ file }, "malformed file ignored");
  } catch (error) {
    log.warn({ file, err: (error as Error).message }, "unreadable file ignored");
  }
  return null;
}
