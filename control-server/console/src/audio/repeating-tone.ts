/**
 * A repeating tone made with the Web Audio API (no audio files): a cycle of notes played for as long as
 * it is wanted. Notes are scheduled on the audio clock a few seconds ahead, so a background tab whose
 * timers the browser slows down still sounds without gaps.
 *
 * - playing: the context is running and notes are scheduled
 * - idle: nothing to sound (the context is ready)
 * - blocked: the browser keeps the context suspended until the user interacts (autoplay policy)
 * - unsupported: this browser has no Web Audio
 */
export type ToneState = "playing" | "idle" | "blocked" | "unsupported";

/** What a tone sounds like: the notes of one cycle and how each note is shaped. */
export interface ToneSpec {
  cycleS: number;
  notes: Array<{ at: number; hz: number }>;
  noteS: number;
  waveform: OscillatorType;
  /** flat: a beep with short ramps; bell: quick attack, slow exponential decay. */
  envelope: "flat" | "bell";
  volume: number;
}

/** How far ahead notes are scheduled, and how often the schedule is topped up. */
const LOOKAHEAD_S = 3;
const TOP_UP_MS = 250;
const RAMP_S = 0.01;

export class RepeatingTone {
  readonly #spec: ToneSpec;
  readonly #context: AudioContext | null;
  readonly #output: GainNode | null;
  readonly #onChange: (state: ToneState) => void;
  readonly #voices = new Set<OscillatorNode>();
  #timer: ReturnType<typeof setInterval> | null = null;
  #scheduledUntil = 0;
  #state: ToneState = "idle";

  constructor(spec: ToneSpec, onChange: (state: ToneState) => void) {
    this.#spec = spec;
    this.#onChange = onChange;
    let context: AudioContext | null = null;
    try {
      context = new AudioContext();
    } catch {
      context = null;
    }
    this.#context = context;
    this.#output = context ? new GainNode(context, { gain: spec.volume }) : null;
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
  }

  /** Stops at once, notes already scheduled included. */
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
      for (const note of this.#spec.notes) this.#note(context, this.#output, cycle + note.at, note.hz);
      this.#scheduledUntil = cycle + this.#spec.cycleS;
    }
    this.#report();
  }

  #note(context: AudioContext, output: AudioNode, at: number, hz: number): void {
    const { noteS, waveform, envelope: shape } = this.#spec;
    const envelope = new GainNode(context, { gain: 0 });
    envelope.gain.setValueAtTime(0, at);
    envelope.gain.linearRampToValueAtTime(1, at + RAMP_S);
    if (shape === "flat") {
      envelope.gain.setValueAtTime(1, at + noteS - RAMP_S);
      envelope.gain.linearRampToValueAtTime(0, at + noteS);
    } else {
      envelope.gain.exponentialRampToValueAtTime(0.001, at + noteS);
    }
    const voice = new OscillatorNode(context, { type: waveform, frequency: hz });
    voice.connect(envelope).connect(output);
    voice.onended = () => {
      this.#voices.delete(voice);
      voice.disconnect();
      envelope.disconnect();
    };
    this.#voices.add(voice);
    voice.start(at);
    voice.stop(at + noteS);
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
