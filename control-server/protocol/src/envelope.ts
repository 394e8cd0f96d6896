import { z } from "zod";

/** Every acknowledged event and every bridge call answers with one of these; nothing throws across a socket. */
export const errorCodes = [
  "invalid_payload",
  "unauthorized",
  "forbidden",
  "revoked",
  "unsupported_protocol",
  "not_found",
  "conflict",
  "expired",
  "unavailable",
  "timeout",
  "internal",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface AckError {
  code: ErrorCode;
  message: string;
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };
export type AckCallback<T> = (ack: Ack<T>) => void;

export function ok<T>(data: T): Ack<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string): { ok: false; error: AckError } {
  return { ok: false, error: { code, message } };
}

export const ackErrorSchema = z.object({ code: z.enum(errorCodes), message: z.string() });

/** A short, human-readable description of why a payload failed its schema. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join(".") || "(payload)"}: ${issue.message}`)
    .join("; ");
}
