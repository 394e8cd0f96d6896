/** A button went down (`press`) or came back up (`release`). */
export interface ButtonEdge {
  button: string;
  kind: "press" | "release";
}

/**
 * Turns successive "which buttons are held" snapshots into press/release edges, with a lockout
 * debounce: after a button changes state, further changes of that button are held back for
 * `debounceMs`, so contact bounce yields one press. A change that is still there when the lockout
 * ends is reported then — call `settle()` at `nextSettleAt()`, because HID boxes send a report only
 * when something changes and a quick real release would otherwise be lost.
 */
export class ButtonEdgeDetector {
  readonly debounceMs: number;
  readonly #accepted = new Map<string, { down: boolean; changedAt: number }>();
  #reported = new Set<string>();

  constructor(debounceMs: number) {
    this.debounceMs = debounceMs;
  }

  /** Feeds the buttons held in the latest report; returns the edges accepted now. */
  update(held: ReadonlySet<string>, now: number): ButtonEdge[] {
    this.#reported = new Set(held);
    return this.settle(now);
  }

  /** Re-examines the last report once lockouts have ended. */
  settle(now: number): ButtonEdge[] {
    const edges: ButtonEdge[] = [];
    const names = new Set([...this.#accepted.keys(), ...this.#reported]);
    for (const button of names) {
      const down = this.#reported.has(button);
      const state = this.#accepted.get(button);
      if ((state?.down ?? false) === down) continue;
      if (state && now - state.changedAt < this.debounceMs) continue;
      this.#accepted.set(button, { down, changedAt: now });
      edges.push({ button, kind: down ? "press" : "release" });
    }
    return edges;
  }

  /** When a held-back change can next be accepted, or undefined if nothing is pending. */
  nextSettleAt(): number | undefined {
    let next: number | undefined;
    const names = new Set([...this.#accepted.keys(), ...this.#reported]);
    for (const button of names) {
      const state = this.#accepted.get(button);
      if ((state?.down ?? false) === this.#reported.has(button) || !state) continue;
      const at = state.changedAt + this.debounceMs;
      if (next === undefined || at < next) next = at;
    }
    return next;
  }

  /** Forgets every state, e.g. when the device went away while a button was held. */
  reset(): void {
    this.#accepted.clear();
    this.#reported = new Set();
  }
}
