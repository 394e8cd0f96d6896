import { type Ack, type AlarmUpdate, fail, ok } from "@linli/protocol";
import type { ElderAlarmState, LinkState } from "../bridge/contract";
import { ElderAlarm } from "./elder-alarm";
import type { RuntimeContext } from "./runtime-context";

/**
 * SOS from a physical button, a pendant or the screen: committed to the outbox first, so that the elder
 * hears "sending" only once it is on disk; then followed through the server's acknowledgement and updates.
 */
export class Sos {
  readonly #context: RuntimeContext;
  readonly #alarm: ElderAlarm;

  constructor(context: RuntimeContext) {
    this.#context = context;
    this.#alarm = new ElderAlarm(context.config.alarm.phoneAdviceSeconds * 1000);
    this.#alarm.on("change", () => context.publishState());
    // An SOS still in the outbox after a restart is still being sent: the elder must hear so.
    const pendingRaise = context.outbox.pendingOf("alarm:raise").at(-1);
    if (pendingRaise) this.#alarm.raised(pendingRaise.id, pendingRaise.createdAt, false);
  }

  get current(): ElderAlarmState | null {
    return this.#alarm.current;
  }

  raise(source: "button" | "pendant" | "screen"): Ack<{ raiseId: string }> {
    const sent = this.#context.send({
      event: "alarm:raise",
      payload: { kind: "sos", raisedAt: new Date().toISOString(), source },
    });
    if (!sent.ok) return sent;
    this.#context.log.warn({ raiseId: sent.data.id, source }, "SOS raised");
    this.#alarm.raised(sent.data.id, sent.data.queuedAt, this.#context.link()?.connected ?? false);
    return ok({ raiseId: sent.data.id });
  }

  cancel(): Ack<{ raiseId: string }> {
    const alarm = this.#alarm.current;
    if (
      !alarm ||
      (alarm.phase !== "sending" && alarm.phase !== "received" && alarm.phase !== "acknowledged")
    ) {
      return fail("not_found", "there is no alarm to cancel");
    }
    const sent = this.#context.send({
      event: "alarm:cancel",
      payload: { raiseId: alarm.raiseId, cancelledAt: new Date().toISOString() },
    });
    if (!sent.ok) return sent;
    this.#alarm.cancelled();
    return ok({ raiseId: alarm.raiseId });
  }

  linkState(state: LinkState): void {
    if (state === "online") this.#alarm.linkUp();
    else if (state === "offline" || state === "refused") this.#alarm.linkDown();
  }

  /** The server stored the SOS: its acknowledgement carries the alarm's id. */
  received(raiseId: string, alarmId: string): void {
    this.#alarm.received(raiseId, alarmId);
  }

  update(update: AlarmUpdate): void {
    this.#alarm.update(update);
  }
}
