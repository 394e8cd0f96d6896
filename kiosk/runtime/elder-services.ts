import { EventEmitter } from "node:events";
import type { ServiceUpdate } from "@linli/protocol";
import type { ElderServiceState } from "../bridge/contract";

const KEEP_CLOSED_MS = 24 * 3600 * 1000;
const CLOSED: ReadonlySet<ElderServiceState["status"]> = new Set(["done", "cancelled", "refused"]);

/**
 * The elder's service requests as the unit knows them: `sending` until the server acknowledged the
 * request, then whatever the server last said. Closed requests stay a day so that a finished one can
 * still be rated.
 */
export class ElderServices extends EventEmitter<{ change: [ElderServiceState[]] }> {
  readonly #requests = new Map<string, ElderServiceState>();

  get current(): ElderServiceState[] {
    const cutoff = new Date(Date.now() - KEEP_CLOSED_MS).toISOString();
    return [...this.#requests.values()]
      .filter((r) => !CLOSED.has(r.status) || r.at >= cutoff)
      .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
  }

  requested(requestEventId: string, serviceCode: string, requestedAt: string): void {
    this.#requests.set(requestEventId, {
      requestEventId,
      serviceCode,
      serviceName: null,
      status: "sending",
      providerName: null,
      rating: null,
      requestedAt,
      at: requestedAt,
    });
    this.#publish();
  }

  update(update: ServiceUpdate): void {
    const known = this.#requests.get(update.requestEventId);
    this.#requests.set(update.requestEventId, {
      requestEventId: update.requestEventId,
      serviceCode: update.serviceCode,
      serviceName: update.serviceName,
      status: update.status,
      providerName: update.providerName,
      rating: update.rating,
      requestedAt: known?.requestedAt ?? update.at,
      at: update.at,
    });
    this.#publish();
  }

  /** The server refused the request for good: the elder is told, and asks the centre by voice instead. */
  refused(requestEventId: string): void {
    const known = this.#requests.get(requestEventId);
    if (!known) return;
    this.#requests.set(requestEventId, { ...known, status: "refused", at: new Date().toISOString() });
    this.#publish();
  }

  /** The rating is on its way through the outbox; the server's update will confirm it. */
  rated(requestEventId: string, rating: NonNullable<ElderServiceState["rating"]>): void {
    const known = this.#requests.get(requestEventId);
    if (!known) return;
    this.#requests.set(requestEventId, { ...known, rating });
    this.#publish();
  }

  get(requestEventId: string): ElderServiceState | undefined {
    return this.#requests.get(requestEventId);
  }

  #publish(): void {
    this.emit("change", this.current);
  }
}
