import { ackErrorSchema, type ErrorCode } from "@linli/protocol";
import { z } from "zod";

/** Every HTTP error answers `{error: {code, message}}`, the same error shape the sockets use. */
export const httpErrorSchema = z.object({ error: ackErrorSchema });

export function httpError(code: ErrorCode, message: string): z.infer<typeof httpErrorSchema> {
  return { error: { code, message } };
}
