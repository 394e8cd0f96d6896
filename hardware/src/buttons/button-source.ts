import type { EventEmitter } from "node:events";
import type { HealthState } from "../health";

/** A button was pressed (or released) on an elder unit's button box or panic button. */
export interface ButtonPress {
  /** Configured button name, e.g. "sos", "service", "call", "ok". */
  button: string;
}

export interface ButtonSourceEvents {
  press: [ButtonPress];
  release: [ButtonPress];
}

/** What the terminal runtime needs from any kind of button hardware. */
export interface ButtonSource extends EventEmitter<ButtonSourceEvents> {
  readonly health: HealthState;
  start(): Promise<void>;
  stop(): Promise<void>;
}
