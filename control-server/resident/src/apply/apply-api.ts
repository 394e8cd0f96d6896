import {
  type PhoneApplication,
  type PhoneApplicationCreated,
  type PhoneApplyProblem,
  type PublicServices,
  phoneApplicationCreatedSchema,
  phoneApplyProblems,
  publicServicesSchema,
  type VerificationCodeSent,
  verificationCodeSentSchema,
} from "@linli/protocol";
import { z } from "zod";

/**
 * A refused or failed call of the apply page: the HTTP status (0 when the server was unreachable), and
 * what the server says went wrong, in terms the page words for the resident.
 */
export class ApplyError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly problem: PhoneApplyProblem | null = null,
    readonly triesLeft: number | null = null,
    readonly retryAfter: number | null = null,
  ) {
    super(`${status} ${code}${problem ? ` ${problem}` : ""}`);
    this.name = "ApplyError";
  }
}

const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    problem: z.enum(phoneApplyProblems).optional(),
    triesLeft: z.number().optional(),
    retryAfter: z.number().optional(),
  }),
});

async function requestJson<T>(path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: body === undefined ? "GET" : "POST",
      headers:
        body === undefined
          ? { accept: "application/json" }
          : { accept: "application/json", "content-type": "application/json" },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApplyError(0, "unreachable");
  }
  const answer: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(answer);
    if (!parsed.success) throw new ApplyError(response.status, "http_error");
    const { code, problem, triesLeft, retryAfter } = parsed.data.error;
    throw new ApplyError(response.status, code, problem ?? null, triesLeft ?? null, retryAfter ?? null);
  }
  const parsed = schema.safeParse(answer);
  if (!parsed.success) throw new ApplyError(response.status, "unexpected_answer");
  return parsed.data;
}

export function fetchServices(): Promise<PublicServices> {
  return requestJson("/api/v1/public/services", publicServicesSchema);
}

export function sendVerificationCode(phone: string): Promise<VerificationCodeSent> {
  return requestJson("/api/v1/public/verification-codes", verificationCodeSentSchema, { phone });
}

export function submitApplication(application: PhoneApplication): Promise<PhoneApplicationCreated> {
  return requestJson("/api/v1/public/applications", phoneApplicationCreatedSchema, application);
}
