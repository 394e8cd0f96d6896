import type { ToneState } from "../alarms/alarm-tone";

/**
 * The ring of an incoming call, made with the Web Audio API: a soft two-note chime (sine, not the alarm's
 * square beeps; rising, not alternating), twice, then a pause, for as long as a call rings. Scheduled on
 * the audio clock ahead of time, like the alarm, so a background tab still rings without gaps.
 */
const CYCLE_S = 3;
const NOTES: Array<{ at: number; hz: number }> = [
  { at: 0, hz: 659 },
  { at: 0.3, hz: 880 },
  { at: 0.9, hz: 659 },
  { at: 1.2, hz: 880 },
];
const NOTE_S = 0.28;
const VOLUME = 0.18;
const LOOKAHEAD_S = 3;
const TOP_UP_MS = 250;

export class RingTone {
  readonly #context: AudioContext | null;
  readonly #output: GainNode | null;
  readonly #onChange: (state: ToneState) => void;
  readonly #voices = new Set<OscillatorNode>();
  #timer: ReturnType<typeof setInterval> | null = null;
  #scheduledUntil = 0;
  #state: ToneState = "idle";

  constructor(onChange: (state: ToneState) => void) {
    this.#onChange = onChange;
    let context: AudioContext | null = null;
    try {
      context = new AudioContext();
    } catch {
      context = null;
    }
    this.#context = context;
    this.#output = context ? new GainNode(context, { gain: VOLUME }) : null;
    this.#output?.connect(context!.destination);
    if (context) context.onstatechange = () => this.#report();
    this.#report();
  }

  start(): void {
    if (!this.#context || this.#timer) return;
    this.#scheduledUntil = 0;
    this.#timer = setInterval(() => this.#schedule(), TOP_UP_MS);
    this.#schedule();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    for (const voice of this.#voices) {
      voice.onended = null;
      voice.stop();
      voice.disconnect();
    }
    this.#voices.clear();
    this.#report();
  }

  /** Asks the browser to let the ring play; it agrees inside a user's click or key press. */
  async unlock(): Promise<void> {
    if (this.#context?.state === "suspended") await this.#context.resume().catch(() => undefined);
    this.#report();
  }

  close(): void {
    this.stop();
    if (this.#context) {
      this.#context.onstatechange = null;
      void this.#context.close().catch(() => undefined);
    }
  }

  #schedule(): void {
    const context = this.#context;
    if (!context || !this.#output || context.state === "closed") return;
    while (this.#scheduledUntil < context.currentTime + LOOKAHEAD_S) {
      const cycle = Math.max(this.#scheduledUntil, context.currentTime + 0.05);
      for (const note of NOTES) this.#note(context, this.#output, cycle + note.at, note.hz);
      this.#scheduledUntil = cycle + CYCLE_S;
    }
    this.#report();
  }

  #note(context: AudioContext, output: AudioNode, at: number, hz: number): void {
    // A bell-like note: quick attack, slow exponential decay.
    const envelope = new GainNode(context, { gain: 0 });
    envelope.gain.setValueAtTime(0, at);
    envelope.gain.linearRampToValueAtTime(1, at + 0.01);
    envelope.gain.exponentialRampToValueAtTime(0.001, at + NOTE_S);
    const voice = new OscillatorNode(context, { type: "sine", frequency: hz });
    voice.connect(envelope).connect(output);
    voice.onended = () => {
      this.#voices.delete(voice);
      voice.disconnect();
      envelope.disconnect();
    };
    this.#voices.add(voice);
    voice.start(at);
    voice.stop(at + NOTE_S);
  }

  #report(): void {
    const context = this.#context;
    const next: ToneState = !context
      ? "unsupported"
      : context.state === "suspended"
        ? "blocked"
        : context.state === "running" && this.#timer !== null && this.#voices.size > 0
          ? "playing"
          : "idle";
    if (next === this.#state) return;
    this.#state = next;
    this.#onChange(next);
  }
}
