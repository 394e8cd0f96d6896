import { type Ack, describeIssues, fail } from "@linli/protocol";
import type { Logger } from "pino";
import type { z } from "zod";

/** The part of a Socket.IO socket an acknowledged event needs. */
interface EventSocket {
  on(event: string, listener: (payload: unknown, ack: unknown) => void): unknown;
}

/**
 * Registers an acknowledged event: the payload is checked against its schema, the handler's envelope is
 * the answer, and nothing is thrown across the socket. Events sent without an acknowledgement callback
 * cannot be answered and are ignored.
 */
export function onAcknowledged<S extends z.ZodType, R>(
  socket: EventSocket,
  event: string,
  schema: S,
  run: (payload: z.infer<S>) => Ack<R>,
  log: Logger,
): void {
  socket.on(event, (payload: unknown, ack: unknown) => {
    if (typeof ack !== "function") {
      log.debug({ event }, "event without acknowledgement callback ignored");
      return;
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) return ack(fail("invalid_payload", `${event}: ${describeIssues(parsed.error)}`));
    try {
      ack(run(parsed.data));
    } catch (error) {
      log.error({ err: error, event }, "event failed");
      ack(fail("internal", "the server could not process this event; try again"));
    }
  });
}
