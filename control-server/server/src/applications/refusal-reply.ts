import type { ErrorCode } from "@linli/protocol";
import type { FastifyReply } from "fastify";
import { httpError } from "../http/errors";
import { EventRefusal } from "../terminals/inbox";

const STATUS_OF: Partial<Record<ErrorCode, number>> = {
  invalid_payload: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  expired: 410,
  unavailable: 503,
};

/**
 * Runs what may be refused and answers the refusal as `{error}` with its HTTP status; anything else
 * is a server error for the error handler.
 */
export function answerRefusal<T>(reply: FastifyReply, run: () => T): T | FastifyReply {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof EventRefusal)) throw error;
    return reply.code(STATUS_OF[error.code] ?? 400).send(httpError(error.code, error.message));
  }
}
