import { EventEmitter } from "node:events";
import type { AlarmUpdate } from "@linli/protocol";
import type { ElderAlarmState } from "../bridge/contract";

/**
 * What an elder's unit knows about its latest SOS, from the unit's own point of view. The phases only
 * move forward on evidence: `sending` once it is on disk here, `received` only when the server has
 * acknowledged the event, `acknowledged` only when a person has taken the call. The unit must never say
 * help is coming before the server said so.
 */
export class ElderAlarm extends EventEmitter<{ change: [ElderAlarmState | null] }> {
  #state: ElderAlarmState | null = null;
  #unreachableSince: number | null = null;
  #adviceTimer: NodeJS.Timeout | null = null;

  constructor(
    /** After this long without reaching the server during an alarm, tell the elder to use the phone. */
    private readonly phoneAdviceMs: number,
  ) {
    super();
  }

  get current(): ElderAlarmState | null {
    return this.#state;
  }

  /** The SOS is committed to the outbox. */
  raised(raiseId: string, raisedAt: string, linkUp: boolean): void {
    this.#state = {
      raiseId,
      raisedAt,
      phase: "sending",
      alarmId: null,
      acknowledgedBy: null,
      escalationLevel: 0,
      unreachable: !linkUp,
      advisePhone: false,
    };
    if (!linkUp) this.linkDown();
    else this.#publish();
  }

  /** The server stored the SOS (its ack to `alarm:raise`). */
  received(raiseId: string, alarmId: string): void {
    if (this.#state?.raiseId !== raiseId || this.#state.phase !== "sending") return;
    this.#state = { ...this.#state, phase: "received", alarmId };
    this.#publish();
  }

  /** The server's word on the alarm: who took it, escalation, closing. Also replayed after a reconnection. */
  update(update: AlarmUpdate): void {
    if (this.#state && this.#state.raiseId !== update.raiseId && this.#state.raisedAt > update.at) return;
    const phase = update.status === "open" ? "received" : update.status;
    this.#state = {
      raiseId: update.raiseId,
      raisedAt: this.#state?.raiseId === update.raiseId ? this.#state.raisedAt : update.at,
      phase,
      alarmId: update.alarmId,
      acknowledgedBy: update.acknowledgedBy,
      escalationLevel: update.escalationLevel,
      unreachable: this.#state?.unreachable ?? false,
      advisePhone: this.#state?.advisePhone ?? false,
    };
    this.#publish();
  }

  /** The elder pressed "false alarm"; the cancel is on its way through the outbox. */
  cancelled(): void {
    if (!this.#state) return;
    this.#state = { ...this.#state, phase: "cancelled" };
    this.#publish();
  }

  linkDown(): void {
    if (this.#unreachableSince === null) this.#unreachableSince = Date.now();
    if (!this.#state || !this.#isActive()) return;
    this.#state = { ...this.#state, unreachable: true };
    if (!this.#adviceTimer) {
      const wait = Math.max(0, this.phoneAdviceMs - (Date.now() - this.#unreachableSince));
      this.#adviceTimer = setTimeout(() => {
        if (this.#state?.unreachable && this.#isActive()) {
          this.#state = { ...this.#state, advisePhone: true };
          this.#publish();
        }
      }, wait);
      this.#adviceTimer.unref();
    }
    this.#publish();
  }

  linkUp(): void {
    this.#unreachableSince = null;
    if (this.#adviceTimer) clearTimeout(this.#adviceTimer);
    this.#adviceTimer = null;
    if (!this.#state || (!this.#state.unreachable && !this.#state.advisePhone)) return;
    this.#state = { ...this.#state, unreachable: false, advisePhone: false };
    this.#publish();
  }

  /** An alarm the elder still waits on (not closed). */
  #isActive(): boolean {
    return this.#state?.phase === "sending" || this.#state?.phase === "received";
  }

  #publish(): void {
    this.emit("change", this.#state);
  }
}
