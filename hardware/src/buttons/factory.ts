import type { Logger } from "pino";
import type { ButtonSource } from "./button-source";
import { type ButtonsConfigInput, parseButtonsConfig } from "./config";
import { type HidAccess, HidButtonBox } from "./hid-button-box";
import { KeyboardButtons } from "./keyboard-buttons";
import { nodeHidAccess } from "./node-hid-access";

export interface CreateButtonsOptions {
  logger?: Logger;
  /** Replaces node-hid, e.g. in tests. */
  hid?: HidAccess;
}

/**
 * Builds the button driver named by plain JSON config, e.g.
 * `{type: "hid", vendorId: "0x0483", productId: "0x5750", buttons: [{name: "sos", byte: 1, mask: 1}]}`
 * or `{type: "keyboard", keys: {F1: "sos", F2: "service"}}`. Throws an Error listing every problem
 * when the config is invalid.
 */
export function createButtons(config: ButtonsConfigInput, options: CreateButtonsOptions = {}): ButtonSource {
  const parsed = parseButtonsConfig(config);
  if (parsed.type === "keyboard") {
    return new KeyboardButtons({
      name: parsed.name,
      keys: parsed.keys,
      debounceMs: parsed.debounceMs,
      logger: options.logger,
    });
  }
  return new HidButtonBox({
    name: parsed.name,
    vendorId: parsed.vendorId,
    productId: parsed.productId,
    buttons: parsed.buttons,
    hid: options.hid ?? nodeHidAccess(),
    debounceMs: parsed.debounceMs,
    pollIntervalMs: parsed.pollIntervalMs,
    logger: options.logger,
  });
}
