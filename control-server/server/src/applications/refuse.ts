import type { ErrorCode } from "@linli/protocol";
import { EventRefusal } from "../terminals/inbox";

/**
 * Refuses bad input before anything is written. `EventRefusal` is what the terminal inbox already
 * turns into a refused durable event; HTTP routes answer it with `answerRefusal`.
 */
export function refuse(code: ErrorCode, message: string): never {
  throw new EventRefusal(code, message);
}
