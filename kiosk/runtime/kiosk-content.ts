import { join } from "node:path";
import { type KioskContent, kioskContentSchema } from "@linli/protocol";
import { readJsonFile, writeJsonFile } from "./json-file";
import type { RuntimeContext } from "./runtime-context";

/**
 * What a kiosk shows without a resident (catalogue, notices, guides, facilities, lifts): fetched on
 * connect and whenever the server says it changed, kept in `content.json` and loaded at start, so that
 * the kiosk still shows it while the server is unreachable.
 */
export class KioskContentCache {
  readonly #context: RuntimeContext;
  readonly #file: string;
  #content: KioskContent | null;
  #fetching: Promise<void> | null = null;
  #again = false;

  constructor(context: RuntimeContext) {
    this.#context = context;
    this.#file = join(context.config.dataDir, "content.json");
    this.#content = readJsonFile(this.#file, kioskContentSchema, context.log);
  }

  get current(): KioskContent | null {
    return this.#content;
  }

  /** Fetches the content again; a change announced while a fetch runs starts one more after it. */
  refresh(): Promise<void> {
    if (this.#fetching) {
      this.#again = true;
      return this.#fetching;
    }
    this.#fetching = this.#fetch().finally(() => {
      this.#fetching = null;
      if (this.#again) {
        this.#again = false;
        void this.refresh();
      }
    });
    return this.#fetching;
  }

  async #fetch(): Promise<void> {
    const link = this.#context.link();
    if (!link?.connected) return;
    const answer = await link.request<unknown>("kiosk:content", null);
    if (!answer.ok) {
      this.#context.log.warn({ error: answer.error }, "kiosk content not fetched; the cached copy stays");
      return;
    }
    const content = kioskContentSchema.safeParse(answer.data);
    if (!content.success) {
      this.#context.log.warn("malformed kiosk content from the server ignored");
      return;
    }
    writeJsonFile(this.#file, content.data);
    this.#content = content.data;
    this.#context.log.info(
      { services: content.data.catalogue.length, notices: content.data.notices.length },
      "kiosk content fetched",
    );
    this.#context.publishState();
  }
}
