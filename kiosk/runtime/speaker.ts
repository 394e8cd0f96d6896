import { type ChildProcess, spawn } from "node:child_process";

/** Mandarin speech through espeak-ng, for units whose browser has no Chinese Web Speech voice. */
export class EspeakSpeaker {
  #current: ChildProcess | null = null;

  constructor(
    private readonly options: {
      voice?: string;
      /** Write the speech to this WAV file instead of the speaker (a recording of what was said). */
      wavFile?: string;
      command?: string;
    } = {},
  ) {}

  /** Says the text; a newer sentence interrupts an older one, since only the latest state matters. */
  speak(text: string): Promise<void> {
    this.#current?.kill();
    const args = ["-v", this.options.voice ?? "cmn", "-s", "150"];
    if (this.options.wavFile) args.push("-w", this.options.wavFile);
    // An argument array, never a shell: the text cannot run anything.
    const child = spawn(this.options.command ?? "espeak-ng", [...args, "--", text.slice(0, 500)], {
      stdio: "ignore",
    });
    this.#current = child;
    return new Promise((resolve, reject) => {
      child.once("error", (error) => reject(new Error(`cannot speak: ${error.message}`)));
      child.once("exit", (code, signal) => {
        if (this.#current === child) this.#current = null;
        if (code === 0 || signal) resolve();
        else reject(new Error(`espeak-ng exited with ${code}`));
      });
    });
  }
}
