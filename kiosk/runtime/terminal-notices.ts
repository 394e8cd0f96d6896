import { join } from "node:path";
import { type Ack, fail, isoDateTimeSchema, type Notice, noticeSchema, ok } from "@linli/protocol";
import { z } from "zod";
import type { TerminalNotice } from "../bridge/contract";
import { readJsonFile, writeJsonFile } from "./json-file";
import type { RuntimeContext } from "./runtime-context";

type ReceiptKind = "delivered" | "shown" | "heard";

const noticesFileSchema = z.object({
  notices: z.array(noticeSchema),
  /** Receipts already committed to the outbox, per notice: each kind is sent once. */
  receipts: z.record(z.string(), z.array(z.enum(["delivered", "shown", "heard"]))),
  heardAt: z.record(z.string(), isoDateTimeSchema),
});
type NoticesFile = z.infer<typeof noticesFileSchema>;

const PRIORITY_ORDER: Record<Notice["priority"], number> = { emergency: 0, important: 1, normal: 2 };

/**
 * The notices meant for this terminal: the server's latest list, kept on disk so that they show after a
 * restart and while the server is unreachable. Each notice is acknowledged through the outbox once per
 * kind: `delivered` when it arrives, `shown` when the screen shows it (or the unit reads it aloud), and
 * on elder units `heard` when the household presses "heard it".
 */
export class TerminalNotices {
  readonly #context: RuntimeContext;
  readonly #file: string;
  #state: NoticesFile;
  /** Elder units: the notice being read aloud now; the physical OK button confirms it. */
  #beingRead: string | null = null;

  constructor(context: RuntimeContext) {
    this.#context = context;
    this.#file = join(context.config.dataDir, "notices.json");
    this.#state = readJsonFile(this.#file, noticesFileSchema, context.log) ?? {
      notices: [],
      receipts: {},
      heardAt: {},
    };
  }

  /** Current notices (started, not ended), most urgent first, then newest first. */
  get current(): TerminalNotice[] {
    const now = new Date().toISOString();
    return this.#state.notices
      .filter((notice) => notice.startsAt <= now && (notice.endsAt === null || notice.endsAt > now))
      .sort(
        (a, b) =>
          PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] ||
          b.publishedAt.localeCompare(a.publishedAt),
      )
      .map((notice) => ({ notice, heardAt: this.#state.heardAt[notice.id] ?? null }));
  }

  /** The server's list (on connect and on every change): replaces the kept one; new notices are receipted. */
  received(notices: Notice[]): void {
    const ids = new Set(notices.map((notice) => notice.id));
    const keep = <T>(record: Record<string, T>) =>
      Object.fromEntries(Object.entries(record).filter(([id]) => ids.has(id)));
    this.#state = {
      notices,
      receipts: keep(this.#state.receipts),
      heardAt: keep(this.#state.heardAt),
    };
    if (this.#beingRead && !ids.has(this.#beingRead)) this.#beingRead = null;
    for (const notice of notices) this.#receipt(notice.id, "delivered");
    this.#save();
    this.#context.publishState();
  }

  shown(request: unknown): Ack<{ noticeId: string }> {
    const notice = this.#find(request);
    if (!notice) return fail("not_found", "no such notice on this terminal");
    this.#receipt(notice.id, "shown");
    if (this.#context.kind === "elder" && !this.#state.heardAt[notice.id]) this.#beingRead = notice.id;
    this.#save();
    return ok({ noticeId: notice.id });
  }

  heard(request: unknown): Ack<{ noticeId: string }> {
    if (this.#context.kind !== "elder") return fail("invalid_payload", "only elder units confirm notices");
    const notice = this.#find(request);
    if (!notice) return fail("not_found", "no such notice on this terminal");
    // Heard means it was read aloud, even if the screen never said it started reading.
    this.#receipt(notice.id, "shown");
    this.#receipt(notice.id, "heard");
    this.#state.heardAt[notice.id] ??= new Date().toISOString();
    if (this.#beingRead === notice.id) this.#beingRead = null;
    this.#save();
    this.#context.publishState();
    return ok({ noticeId: notice.id });
  }

  /** The physical OK button: "heard it" while a notice is being read; false when it meant something else. */
  okPressed(): boolean {
    if (!this.#beingRead) return false;
    return this.heard({ noticeId: this.#beingRead }).ok;
  }

  #find(request: unknown): Notice | undefined {
    const noticeId = (request as { noticeId?: unknown } | null)?.noticeId;
    if (typeof noticeId !== "string") return undefined;
    return this.#state.notices.find((notice) => notice.id === noticeId);
  }

  /** Commits one receipt kind for a notice, unless it already was. */
  #receipt(noticeId: string, kind: ReceiptKind): void {
    const sent = this.#state.receipts[noticeId] ?? [];
    if (sent.includes(kind)) return;
    const committed = this.#context.send({
      event: "notice:receipt",
      payload: { noticeId, kind, at: new Date().toISOString() },
    });
    if (!committed.ok) {
      this.#context.log.error({ noticeId, kind, error: committed.error }, "notice receipt not committed");
      return;
    }
    this.#state.receipts[noticeId] = [...sent, kind];
  }

  #save(): void {
    writeJsonFile(this.#file, this.#state);
  }
}
