import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import type { Logger } from "pino";
import { HealthState } from "../health";
import { ReconnectingTransport, type ReconnectOptions } from "../transports/reconnecting-transport";
import type { StreamTransport } from "../transports/stream-transport";
import {
  encodeAsbEnable,
  encodeStatusQuery,
  notReadyReason,
  PrinterReplyParser,
  type PrinterStatus,
  STATUS_QUERIES,
  type StatusQuery,
  statusFromQueryReplies,
} from "./escpos-status";

export interface PrintJob {
  /** Identifies the job in the queue and its store; generated when absent. */
  id: string;
  /** The ESC/POS bytes, e.g. from `EscPosEncoder.encode()`. */
  data: Uint8Array;
  /** What the job is, for logs (e.g. the receipt code); never personal data. */
  label?: string;
}

export type PrintOutcome =
  | { outcome: "printed"; jobId: string }
  /** Kept and printed by itself once the printer is back; `reason` says why it waits. */
  | { outcome: "queued"; jobId: string; reason: string };

/**
 * Optional persistence of jobs that could not be printed yet, so that they survive a restart.
 * `save` is called when a job starts waiting, `remove` once it was printed, `load` at start.
 */
export interface PrintQueueStore {
  load(): PrintJob[] | Promise<PrintJob[]>;
  save(job: PrintJob): void | Promise<void>;
  remove(jobId: string): void | Promise<void>;
}

export interface ReceiptPrinterOptions {
  transport: StreamTransport;
  /** Device name in health reports, default "printer". */
  name?: string;
  /** How often to query status while idle (also a heartbeat), default 2000 ms. */
  statusIntervalMs?: number;
  /** How long to wait for each status byte, default 1000 ms. */
  statusTimeoutMs?: number;
  /** Consecutive unanswered status queries before the printer is reported unavailable and reopened, default 2. */
  timeoutsBeforeUnavailable?: number;
  /** Ask the printer to report changes by itself (GS a), default true. */
  automaticStatusBack?: boolean;
  queueStore?: PrintQueueStore;
  /** Jobs kept at most while the printer is away, default 100; beyond that `print` throws. */
  maxQueuedJobs?: number;
  reconnect?: Omit<ReconnectOptions, "logger">;
  logger?: Logger;
}

export interface ReceiptPrinterEvents {
  status: [status: PrinterStatus];
  printed: [jobId: string];
  queued: [jobId: string, reason: string];
}

class StatusTimeoutError extends Error {
  override readonly name = "StatusTimeoutError";
}

interface PendingQuery {
  resolve(byte: number): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * An ESC/POS receipt printer over serial, TCP 9100 or a device file. `print` resolves once the job
 * is written, or once it is queued because the printer is away, out of paper or has its cover open;
 * queued jobs print by themselves, in order, when the printer is back.
 */
export class ReceiptPrinter extends EventEmitter<ReceiptPrinterEvents> {
  readonly health: HealthState;
  readonly #link: ReconnectingTransport;
  readonly #logger: Logger | undefined;
  readonly #statusIntervalMs: number;
  readonly #statusTimeoutMs: number;
  readonly #timeoutsBeforeUnavailable: number;
  readonly #automaticStatusBack: boolean;
  readonly #store: PrintQueueStore | undefined;
  readonly #maxQueuedJobs: number;
  readonly #replies = new PrinterReplyParser();
  readonly #queue: PrintJob[] = [];
  readonly #persisted = new Set<string>();
  #running = false;
  #lock: Promise<unknown> = Promise.resolve();
  #pollTimer: NodeJS.Timeout | undefined;
  #pending: PendingQuery | undefined;
  #status: PrinterStatus | undefined;
  #timeouts = 0;
  #waitReason = "printer not connected";

  constructor(options: ReceiptPrinterOptions) {
    super();
    const name = options.name ?? "printer";
    this.#logger = options.logger?.child({ device: name });
    this.health = new HealthState(name);
    this.#statusIntervalMs = options.statusIntervalMs ?? 2000;
    this.#statusTimeoutMs = options.statusTimeoutMs ?? 1000;
    this.#timeoutsBeforeUnavailable = options.timeoutsBeforeUnavailable ?? 2;
    this.#automaticStatusBack = options.automaticStatusBack ?? true;
    this.#store = options.queueStore;
    this.#maxQueuedJobs = options.maxQueuedJobs ?? 100;
    this.#link = new ReconnectingTransport(options.transport, {
      ...options.reconnect,
      ...(this.#logger ? { logger: this.#logger } : {}),
    });
    this.#link.on("data", (chunk) => this.#onData(chunk));
    this.#link.on("up", () => this.#onUp());
    this.#link.on("down", (error) => this.#onDown(error));
    this.health.on("change", (health) => {
      if (health.status === "ok") this.#logger?.info({ reason: health.reason }, "printer ok");
      else this.#logger?.warn({ status: health.status, reason: health.reason }, "printer not ok");
    });
  }

  /** The last status the printer reported; undefined before the first answer or on a write-only link. */
  get status(): PrinterStatus | undefined {
    return this.#status;
  }

  /** Jobs waiting for the printer, oldest first. */
  get queuedJobs(): readonly PrintJob[] {
    return this.#queue;
  }

  async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    this.health.set("unavailable", `opening ${this.#link.transport.description}`);
    if (this.#store) {
      for (const job of await this.#store.load()) {
        this.#queue.push(job);
        this.#persisted.add(job.id);
      }
      if (this.#queue.length > 0)
        this.#logger?.info({ jobs: this.#queue.length }, "loaded waiting print jobs");
    }
    this.#link.start();
    if (this.#link.transport.readable) {
      this.#pollTimer = setInterval(() => this.#poll(), this.#statusIntervalMs);
    }
  }

  async stop(): Promise<void> {
    this.#running = false;
    clearInterval(this.#pollTimer);
    this.#pollTimer = undefined;
    this.#failPending(new Error("printer stopped"));
    await this.#lock;
    await this.#link.stop();
    this.health.set("unavailable", "stopped");
  }

  /** Prints a job, or keeps it until the printer can print it (see `PrintOutcome`). */
  async print(input: Omit<PrintJob, "id"> & { id?: string }): Promise<PrintOutcome> {
    const job: PrintJob = { ...input, id: input.id ?? randomUUID() };
    if (this.#queue.length >= this.#maxQueuedJobs) {
      throw new Error(`print queue full (${this.#maxQueuedJobs} jobs waiting): ${this.#waitReason}`);
    }
    this.#queue.push(job);
    await this.#flush();
    if (!this.#queue.includes(job)) return { outcome: "printed", jobId: job.id };
    const reason = this.#waitReason;
    if (this.#store && !this.#persisted.has(job.id)) {
      await this.#store.save(job);
      this.#persisted.add(job.id);
    }
    this.#logger?.warn({ job: job.label ?? job.id, reason }, "print job kept until the printer is back");
    this.emit("queued", job.id, reason);
    return { outcome: "queued", jobId: job.id, reason };
  }

  #exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#lock.then(task);
    this.#lock = run.catch(() => {});
    return run;
  }

  /** Writes waiting jobs in order for as long as the printer can print. */
  #flush(): Promise<void> {
    return this.#exclusive(async () => {
      while (this.#queue.length > 0 && this.#running) {
        if (!this.#link.isOpen) {
          this.#waitReason = "printer not connected";
          return;
        }
        if (this.#link.transport.readable) {
          const status = await this.#refreshStatus();
          const reason = status ? notReadyReason(status) : "printer not answering";
          if (reason) {
            this.#waitReason = reason;
            return;
          }
        }
        const job = this.#queue[0]!;
        try {
          await this.#link.write(job.data);
        } catch (error) {
          this.#waitReason = `write failed: ${(error as Error).message}`;
          return;
        }
        this.#queue.shift();
        if (this.#persisted.delete(job.id)) await this.#store?.remove(job.id);
        this.#logger?.info({ job: job.label ?? job.id, bytes: job.data.length }, "printed");
        this.emit("printed", job.id);
      }
    });
  }

  #poll(): void {
    if (!this.#running || !this.#link.isOpen) return;
    void this.#exclusive(() => this.#refreshStatus()).then(() => {
      if (this.#queue.length > 0) void this.#flush();
    });
  }

  /** Queries DLE EOT 1–4; returns undefined (and updates health) when the printer does not answer. */
  async #refreshStatus(): Promise<PrinterStatus | undefined> {
    const replies: Partial<Record<StatusQuery, number>> = {};
    try {
      for (const n of STATUS_QUERIES) replies[n] = await this.#queryStatusByte(n);
    } catch (error) {
      if (error instanceof StatusTimeoutError) this.#onStatusTimeout(error);
      return undefined;
    }
    this.#timeouts = 0;
    const status = statusFromQueryReplies(replies as Record<StatusQuery, number>);
    this.#applyStatus(status);
    return status;
  }

  async #queryStatusByte(n: StatusQuery): Promise<number> {
    if (!this.#running) throw new Error("printer stopped");
    const reply = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending = undefined;
        this.#replies.reset();
        reject(new StatusTimeoutError(`no answer to DLE EOT ${n} within ${this.#statusTimeoutMs} ms`));
      }, this.#statusTimeoutMs);
      this.#pending = { resolve, reject, timer };
    });
    // The reply may fail (stop, disconnect) while the write is still in flight, before it is awaited.
    reply.catch(() => {});
    try {
      await this.#link.write(encodeStatusQuery(n));
    } catch (error) {
      this.#failPending(error as Error);
    }
    return reply;
  }

  #applyStatus(status: PrinterStatus): void {
    const changed = JSON.stringify(status) !== JSON.stringify(this.#status);
    this.#status = status;
    const reason = notReadyReason(status);
    if (reason) this.health.set("unavailable", reason);
    else if (status.paperNearEnd) this.health.set("degraded", "paper near end");
    else this.health.set("ok");
    if (changed) this.emit("status", status);
  }

  #onStatusTimeout(error: StatusTimeoutError): void {
    this.#timeouts += 1;
    this.#logger?.debug({ err: error.message, timeouts: this.#timeouts }, "printer did not answer");
    if (this.#timeouts < this.#timeoutsBeforeUnavailable) {
      this.health.set("degraded", "printer slow to answer (timeout)");
      return;
    }
    this.health.set("unavailable", `printer not answering (${this.#timeouts} timeouts in a row)`);
    // A TCP peer that vanished without a reset, or a serial printer power-cycled: reopen.
    if (this.#timeouts % this.#timeoutsBeforeUnavailable === 0) void this.#link.reconnect(error);
  }

  #onUp(): void {
    this.#replies.reset();
    this.#timeouts = 0;
    if (!this.#link.transport.readable) {
      this.health.set("ok", "write-only device: paper and cover status unknown");
      void this.#flush();
      return;
    }
    void this.#exclusive(async () => {
      if (this.#automaticStatusBack) await this.#link.write(encodeAsbEnable()).catch(() => {});
      await this.#refreshStatus();
    }).then(() => this.#flush());
  }

  #onDown(error: Error | undefined): void {
    this.#failPending(error ?? new Error("printer disconnected"));
    this.#status = undefined;
    // A reopen we asked for after timeouts keeps its clearer "not answering" reason.
    if (!this.#running || error instanceof StatusTimeoutError) return;
    const detail = error?.message ?? "disconnected";
    this.health.set("unavailable", `printer not connected (${this.#link.transport.description}: ${detail})`);
  }

  #failPending(error: Error): void {
    const pending = this.#pending;
    if (!pending) return;
    this.#pending = undefined;
    clearTimeout(pending.timer);
    pending.reject(error);
  }

  #onData(chunk: Buffer): void {
    this.#logger?.trace({ bytes: chunk.toString("hex") }, "printer data");
    const { replies, skipped } = this.#replies.push(chunk);
    if (skipped > 0) this.#logger?.debug({ bytes: skipped }, "skipped bytes from printer");
    for (const reply of replies) {
      if (reply.kind === "asb") {
        this.#applyStatus(reply.status);
        if (!notReadyReason(reply.status) && this.#queue.length > 0) void this.#flush();
        continue;
      }
      const pending = this.#pending;
      if (!pending) continue;
      this.#pending = undefined;
      clearTimeout(pending.timer);
      pending.resolve(reply.byte);
    }
  }
}
