import { type Ack, fail, ok, type ServiceUpdate } from "@linli/protocol";
import type { ElderServiceState } from "../bridge/contract";
import { ElderServices } from "./elder-services";
import type { RuntimeContext } from "./runtime-context";

/** Elder services (meals, housekeeping, medical, …): asked for through the outbox, followed, rated. */
export class ServiceRequests {
  readonly #context: RuntimeContext;
  readonly #services = new ElderServices();

  constructor(context: RuntimeContext) {
    this.#context = context;
    this.#services.on("change", () => context.publishState());
    for (const pending of context.outbox.pendingOf("service:request")) {
      this.#services.requested(pending.id, String(pending.payload.serviceCode), pending.createdAt);
    }
  }

  get current(): ElderServiceState[] {
    return this.#services.current;
  }

  /** A service from the catalogue, committed to the outbox; the centre confirms it by its update. */
  request(serviceCode: unknown): Ack<{ requestEventId: string }> {
    if (typeof serviceCode !== "string")
      return fail("invalid_payload", "a service request needs a serviceCode");
    const sent = this.#context.send({
      event: "service:request",
      payload: { serviceCode, requestedAt: new Date().toISOString() },
    });
    if (!sent.ok) return sent;
    this.#services.requested(sent.data.id, serviceCode, sent.data.queuedAt);
    return ok({ requestEventId: sent.data.id });
  }

  rate(request: unknown): Ack<{ requestEventId: string }> {
    const { requestEventId, rating } = (request ?? {}) as { requestEventId?: unknown; rating?: unknown };
    const known = typeof requestEventId === "string" ? this.#services.get(requestEventId) : undefined;
    if (known?.status !== "done") return fail("not_found", "there is no finished service request to rate");
    const sent = this.#context.send({
      event: "service:rate",
      payload: { requestEventId: known.requestEventId, rating, ratedAt: new Date().toISOString() },
    });
    if (!sent.ok) return sent;
    this.#services.rated(known.requestEventId, rating as NonNullable<typeof known.rating>);
    return ok({ requestEventId: known.requestEventId });
  }

  refused(requestEventId: string): void {
    this.#services.refused(requestEventId);
  }

  update(update: ServiceUpdate): void {
    this.#services.update(update);
  }
}
