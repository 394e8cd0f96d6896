import type { Logger } from "pino";
import type { ServerBus } from "../bus";
import type { NoticeBoard } from "./notice-board";

/** setTimeout cannot wait longer than this; a longer wait is taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Wakes up when a notice starts or ends and announces `notices:changed` for the terminals concerned, which
 * then get their new list; rearms whenever a notice changes. The times
 * live in the database: after a restart the next one is found again (and terminals that reconnect get
 * the current list anyway).
 */
export class NoticeSchedule {
  #timer: NodeJS.Timeout | null = null;
  #checkedUpTo: string;
  #stopped = true;

  constructor(
    private readonly board: NoticeBoard,
    private readonly bus: ServerBus,
    private readonly log: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.#checkedUpTo = clock().toISOString();
  }

  readonly #rearm = () => this.rearm();

  start(): void {
    this.bus.on("notices:changed", this.#rearm);
    this.#stopped = false;
    this.#checkedUpTo = this.clock().toISOString();
    this.rearm();
  }

  stop(): void {
    this.bus.off("notices:changed", this.#rearm);
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** After any notice changed: its times may be the next ones. */
  private rearm(): void {
    if (this.#stopped) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const next = this.board.nextBoundaryAfter(this.#checkedUpTo);
    if (!next) return;
    const wait = Math.min(MAX_TIMER_MS, Math.max(0, Date.parse(next) - this.clock().getTime()));
    this.#timer = setTimeout(() => this.#tick(), wait);
    this.#timer.unref();
  }

  #tick(): void {
    this.#timer = null;
    const now = this.clock().toISOString();
    try {
      const groups = this.board.groupsWithBoundaryIn(this.#checkedUpTo, now);
      this.#checkedUpTo = now;
      if (groups.length > 0) this.bus.emit("notices:changed", { groups });
    } catch (error) {
      this.log.error({ err: error }, "notice schedule tick failed");
    }
    this.rearm();
  }
}
