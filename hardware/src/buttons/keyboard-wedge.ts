// Pure module, no Node or DOM imports: the kiosk and elder UIs use it in the browser.

/** The fields of a DOM KeyboardEvent the mapper reads. */
export interface KeyLike {
  /** `KeyboardEvent.key`, e.g. "F1", "Enter", "a". */
  key: string;
  /** `KeyboardEvent.code`, the physical key, e.g. "F1", "KeyA", "Numpad1". */
  code?: string;
  /** True for auto-repeat while the key is held. */
  repeat?: boolean;
}

/** The keys cheap panic buttons usually send, in the order of the usual button set. */
export const DEFAULT_KEYBOARD_BUTTONS: Readonly<Record<string, string>> = {
  F1: "sos",
  F2: "service",
  F3: "call",
  F4: "ok",
};

export interface KeyboardButtonMapperOptions {
  /** Key → button name; a key is matched by `code` first, then by `key`. */
  keys: Readonly<Record<string, string>>;
  /** A second press of the same button within this window is ignored, default 300 ms. */
  debounceMs?: number;
}

/**
 * Maps keystrokes of keyboard-wedge panic buttons to button names. Auto-repeat is ignored (an elder
 * leaning on the button raises one alarm, not thirty), and so is the double keystroke some of these
 * buttons send for one press.
 */
export class KeyboardButtonMapper {
  readonly #keys: Readonly<Record<string, string>>;
  readonly #debounceMs: number;
  readonly #lastPressAt = new Map<string, number>();

  constructor(options: KeyboardButtonMapperOptions) {
    this.#keys = options.keys;
    this.#debounceMs = options.debounceMs ?? 300;
  }

  /** The button a key is mapped to, regardless of timing. */
  buttonFor(event: KeyLike): string | undefined {
    if (event.code !== undefined && Object.hasOwn(this.#keys, event.code)) return this.#keys[event.code];
    if (Object.hasOwn(this.#keys, event.key)) return this.#keys[event.key];
    return undefined;
  }

  /** The button pressed by this keydown, or undefined when it is unmapped, a repeat or a bounce. */
  keydown(event: KeyLike, now: number = Date.now()): string | undefined {
    if (event.repeat) return undefined;
    const button = this.buttonFor(event);
    if (button === undefined) return undefined;
    const last = this.#lastPressAt.get(button);
    if (last !== undefined && now - last < this.#debounceMs) return undefined;
    this.#lastPressAt.set(button, now);
    return button;
  }

  /** The button released by this keyup, if the key is mapped. */
  keyup(event: KeyLike): string | undefined {
    return this.buttonFor(event);
  }
}
