import { EventEmitter } from "node:events";
import type { Logger } from "pino";
import { HealthState } from "../health";
import type { ButtonSource, ButtonSourceEvents } from "./button-source";
import { KeyboardButtonMapper, type KeyboardButtonMapperOptions, type KeyLike } from "./keyboard-wedge";

export interface KeyboardButtonsOptions extends KeyboardButtonMapperOptions {
  name?: string;
  logger?: Logger;
}

/**
 * Keyboard-wedge panic buttons as a ButtonSource: the UI forwards key events (through the terminal
 * bridge) to `handleKeyDown` / `handleKeyUp`. A keyboard cannot be probed, so health says `ok`
 * with a reason that tells why it is not really known.
 */
export class KeyboardButtons extends EventEmitter<ButtonSourceEvents> implements ButtonSource {
  readonly health: HealthState;
  readonly mapper: KeyboardButtonMapper;
  readonly #logger: Logger | undefined;
  readonly #held = new Set<string>();
  #running = false;

  constructor(options: KeyboardButtonsOptions) {
    super();
    const name = options.name ?? "buttons";
    this.health = new HealthState(name);
    this.mapper = new KeyboardButtonMapper(options);
    this.#logger = options.logger?.child({ device: name });
  }

  async start(): Promise<void> {
    this.#running = true;
    this.health.set("ok", "keyboard wedge: presence cannot be checked");
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#held.clear();
    this.health.set("unavailable", "stopped");
  }

  /** Returns true when the key was a button press (so the UI can swallow the keystroke). */
  handleKeyDown(event: KeyLike, now?: number): boolean {
    if (!this.#running) return false;
    const button = this.mapper.keydown(event, now);
    if (button === undefined) return false;
    this.#logger?.debug({ button, key: event.code ?? event.key }, "key press");
    this.#held.add(button);
    this.emit("press", { button });
    return true;
  }

  handleKeyUp(event: KeyLike): boolean {
    if (!this.#running) return false;
    const button = this.mapper.keyup(event);
    if (button === undefined) return false;
    if (this.#held.delete(button)) this.emit("release", { button });
    return true;
  }
}
