import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import type { TerminalSettings } from "../bridge/contract";

const settingsSchema = z.record(
  z.string().min(1).max(64),
  z.union([z.string().max(500), z.number(), z.boolean()]),
);

/** Settings pushed by staff with the `update-config` command, kept across restarts. */
export class RemoteSettings {
  #current: TerminalSettings;

  constructor(private readonly file: string) {
    this.#current = existsSync(file) ? settingsSchema.parse(JSON.parse(readFileSync(file, "utf8"))) : {};
  }

  get current(): TerminalSettings {
    return this.#current;
  }

  /** Merges new values in; a value of null removes a key. Throws (changing nothing) on a bad value. */
  update(params: Record<string, unknown>): TerminalSettings {
    const removals = Object.keys(params).filter((key) => params[key] === null);
    const updates = settingsSchema.parse(
      Object.fromEntries(Object.entries(params).filter(([, v]) => v !== null)),
    );
    const next = { ...this.#current, ...updates };
    for (const key of removals) delete next[key];
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(`${this.file}.tmp`, JSON.stringify(next, null, 2));
    renameSync(`${this.file}.tmp`, this.file);
    this.#current = next;
    return next;
  }
}
