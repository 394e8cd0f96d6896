/**
 * The alarm sound, made with the Web Audio API (no audio files): three short alternating beeps, a pause,
 * again, for as long as it is wanted. Beeps are scheduled on the audio clock a few seconds ahead, so a
 * background tab whose timers the browser slows down still sounds without gaps.
 *
 * - playing: the context is running and beeps are scheduled
 * - idle: nothing to sound (the context is ready)
 * - blocked: the browser keeps the context suspended until the user interacts (autoplay policy)
 * - unsupported: this browser has no Web Audio
 */
export type ToneState = "playing" | "idle" | "blocked" | "unsupported";

const CYCLE_S = 1.6;
const BEEPS: Array<{ at: number; hz: number }> = [
  { at: 0, hz: 1046 },
  { at: 0.22, hz: 830 },
  { at: 0.44, hz: 1046 },
];
const BEEP_S = 0.16;
const RAMP_S = 0.01;
const VOLUME = 0.3;
/** How far ahead beeps are scheduled, and how often the schedule is topped up. */
const LOOKAHEAD_S = 3;
const TOP_UP_MS = 250;

export class AlarmTone {
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

  get state(): ToneState {
    return this.#state;
  }

  /** Starts sounding (again), until `stop`. */
  start(): void {
    if (!this.#context || this.#timer) return;
    this.#scheduledUntil = 0;
    this.#timer = setInterval(() => this.#schedule(), TOP_UP_MS);
    this.#schedule();
    this.#report();
  }

  /** Stops at once, beeps already scheduled included. */
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

  /** Asks the browser to let the sound play; it agrees inside a user's click or key press. */
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
    // A suspended context's clock stands still: nothing is scheduled until it runs again.
    while (this.#scheduledUntil < context.currentTime + LOOKAHEAD_S) {
      const cycle = Math.max(this.#scheduledUntil, context.currentTime + 0.05);
      for (const beep of BEEPS) this.#beep(context, this.#output, cycle + beep.at, beep.hz);
      this.#scheduledUntil = cycle + CYCLE_S;
    }
    this.#report();
  }

  #beep(context: AudioContext, output: AudioNode, at: number, hz: number): void {
    const envelope = new GainNode(context, { gain: 0 });
    envelope.gain.setValueAtTime(0, at);
    envelope.gain.linearRampToValueAtTime(1, at + RAMP_S);
    envelope.gain.setValueAtTime(1, at + BEEP_S - RAMP_S);
    envelope.gain.linearRampToValueAtTime(0, at + BEEP_S);
    const voice = new OscillatorNode(context, { type: "square", frequency: hz });
    voice.connect(envelope).connect(output);
    voice.onended = () => {
      this.#voices.delete(voice);
      voice.disconnect();
      envelope.disconnect();
    };
    this.#voices.add(voice);
    voice.start(at);
    voice.stop(at + BEEP_S);
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
