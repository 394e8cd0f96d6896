import { join } from "node:path";
import type { PrintJob, PrintQueueStore } from "@linli/hardware/printer/receipt-printer";
import type { Logger } from "pino";
import { z } from "zod";
import { readJsonFile, writeJsonFile } from "./json-file";

const queueFileSchema = z.array(
  z.object({ id: z.string(), label: z.string().optional(), dataBase64: z.string() }),
);

/**
 * Receipts waiting for the printer (out of paper, cover open), kept in `dataDir/print-queue.json` so that
 * a restart of the kiosk does not lose a receipt the resident is waiting for.
 */
export class PrintQueueFile implements PrintQueueStore {
  readonly #file: string;

  constructor(
    dataDir: string,
    private readonly log: Logger,
  ) {
    this.#file = join(dataDir, "print-queue.json");
  }

  load(): PrintJob[] {
    return (readJsonFile(this.#file, queueFileSchema, this.log) ?? []).map((job) => ({
      id: job.id,
      data: Buffer.from(job.dataBase64, "base64"),
      ...(job.label ? { label: job.label } : {}),
    }));
  }

  save(job: PrintJob): void {
    const jobs = readJsonFile(this.#file, queueFileSchema, this.log) ?? [];
    jobs.push({ id: job.id, label: job.label, dataBase64: Buffer.from(job.data).toString("base64") });
    writeJsonFile(this.#file, jobs);
  }

  remove(jobId: string): void {
    const jobs = readJsonFile(this.#file, queueFileSchema, this.log) ?? [];
    writeJsonFile(
      this.#file,
      jobs.filter((job) => job.id !== jobId),
    );
  }
}
