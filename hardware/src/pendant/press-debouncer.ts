/**
 * Collapses the repeats of one radio press: a pendant sends its code several times per press, and
 * holding the button keeps sending it. A key is accepted when it was not seen for `windowMs`; every
 * sighting restarts the window, so a held button yields one press, not one per second.
 */
export class PressDebouncer {
  readonly windowMs: number;
  readonly #lastSeen = new Map<string, number>();

  constructor(windowMs: number) {
    this.windowMs = windowMs;
  }

  accept(key: string, now: number): boolean {
    const last = this.#lastSeen.get(key);
    this.#lastSeen.set(key, now);
    this.#forgetOlderThan(now - this.windowMs);
    return last === undefined || now - last >= this.windowMs;
  }

  /** Keeps the map small: a receiver hears every neighbour's doorbell and weather station. */
  #forgetOlderThan(cutoff: number): void {
    if (this.#lastSeen.size < 64) return;
    for (const [key, seen] of this.#lastSeen) if (seen < cutoff) this.#lastSeen.delete(key);
  }
}
