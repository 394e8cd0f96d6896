import { join } from "node:path";
import { type Ack, isoDateTimeSchema, ok } from "@linli/protocol";
import { z } from "zod";
import { readJsonFile, writeJsonFile } from "./json-file";
import type { RuntimeContext } from "./runtime-context";

const checkinFileSchema = z.object({ lastCheckinAt: isoDateTimeSchema.nullable() });

/**
 * The daily "I'm fine" (我很好): committed to the outbox like every other event that must arrive, and
 * remembered on the unit (beside the settings) so that after a restart the screen still knows the elder
 * checked in today.
 */
export class DailyCheckin {
  readonly #context: RuntimeContext;
  readonly #file: string;
  #lastCheckinAt: string | null;

  constructor(context: RuntimeContext) {
    this.#context = context;
    this.#file = join(context.config.dataDir, "checkin.json");
    this.#lastCheckinAt = readJsonFile(this.#file, checkinFileSchema, context.log)?.lastCheckinAt ?? null;
  }

  get lastCheckinAt(): string | null {
    return this.#lastCheckinAt;
  }

  checkin(): Ack<{ at: string }> {
    const at = new Date().toISOString();
    const sent = this.#context.send({ event: "checkin:ok", payload: { at } });
    if (!sent.ok) return sent;
    this.#lastCheckinAt = at;
    writeJsonFile(this.#file, { lastCheckinAt: at });
    this.#context.publishState();
    return ok({ at });
  }
}
