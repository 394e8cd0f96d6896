import type { Ack, TerminalKind } from "@linli/protocol";
import type { Logger } from "pino";
import type { BridgeEventName, BridgeEvents } from "../bridge/contract";
import type { Outbox } from "./outbox";
import type { ServerLink } from "./server-link";
import type { TerminalConfig } from "./terminal-config";

/** What the runtime tells its UI (the bridge events), and what it tells tests and logs besides. */
export type RuntimeEvents = { [E in BridgeEventName]: [BridgeEvents[E]] } & {
  /** A sentence the unit said aloud (for logs and tests; not sent to the UI). */
  spoke: [string];
};

/**
 * What a feature of the runtime (SOS, services, notices, applications, …) may use of it: the config,
 * the durable outbox (through `send`, which validates), the live link when there is one, and the way to
 * tell the UI that something changed.
 */
export interface RuntimeContext {
  readonly config: TerminalConfig;
  readonly kind: TerminalKind;
  readonly log: Logger;
  readonly outbox: Outbox;
  /** The server link; null before enrolment (and while a restart command replaces it). */
  link(): ServerLink | null;
  /** Validates and commits a durable event; `ok` only once it is on disk. */
  send(request: unknown): Ack<{ id: string; queuedAt: string }>;
  /** The snapshot changed: push it to the UI. */
  publishState(): void;
  emit<E extends keyof RuntimeEvents>(event: E, ...payload: RuntimeEvents[E]): boolean;
}
