import type { Ack, DurableTerminalEvent, TerminalToServerEvents } from "@linli/protocol";
import type { z } from "zod";

/**
 * What the terminal gateway hands, for each connected terminal, to the modules that answer some of its
 * events: `handle` for an acknowledged event, `durable` for one stored at most once through the inbox
 * (`announce` after the commit and only the first time; a refusal stores nothing).
 */
export interface TerminalEventHandlers {
  handle<S extends z.ZodType, R>(
    event: keyof TerminalToServerEvents,
    schema: S,
    run: (payload: z.infer<S>) => Ack<R>,
  ): void;
  durable<S extends z.ZodType<{ id: string }>, R, A>(
    event: DurableTerminalEvent,
    schema: S,
    store: (payload: z.infer<S>) => R,
    options: { announce?: (result: R) => void; answer: (result: R) => A },
  ): void;
}
