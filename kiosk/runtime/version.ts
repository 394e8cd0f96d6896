import { readFileSync } from "node:fs";

/** The terminal software version reported to the server: the kiosk package's version. */
export const TERMINAL_VERSION = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;
