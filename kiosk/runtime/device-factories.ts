import type { DeviceFactory } from "./device-host";

/** Device types a terminal config may name, by `devices.<name>.type`. */
export const deviceFactories: Record<string, DeviceFactory> = {};
