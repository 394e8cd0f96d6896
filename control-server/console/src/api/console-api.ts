import { type CommandType, type TerminalSummary, terminalSummarySchema } from "@linli/protocol";
import { ApiError, requestJson } from "./http";
import type { Community, EnrollmentCode, EnrollmentRequest, QueuedCommand, Session } from "./types";

const terminalListSchema = terminalSummarySchema.array();

/** Sign in; the only call made without a token. */
export async function signIn(username: string, password: string): Promise<Session> {
  return (await requestJson("/api/v1/auth/login", {
    method: "POST",
    body: { username, password },
  })) as Session;
}

/**
 * The API as a signed-in staff member sees it. A 401 on any call means the session is gone (expired,
 * or ended elsewhere): `onUnauthorized` sends the user back to sign-in.
 */
export function createConsoleApi(token: string, onUnauthorized: () => void) {
  const call = async (path: string, method: "GET" | "POST" = "GET", body?: unknown): Promise<unknown> => {
    try {
      return await requestJson(path, { method, body, token });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) onUnauthorized();
      throw error;
    }
  };
  return {
    async signOut(): Promise<void> {
      await call("/api/v1/auth/logout", "POST");
    },
    async communities(): Promise<Community[]> {
      return ((await call("/api/v1/communities")) as { communities: Community[] }).communities;
    },
    async terminals(): Promise<TerminalSummary[]> {
      const body = (await call("/api/v1/terminals")) as { terminals: unknown };
      const parsed = terminalListSchema.safeParse(body.terminals);
      if (!parsed.success)
        throw new ApiError(
          200,
          "invalid_payload",
          "the server sent a terminal list this console does not understand",
        );
      return parsed.data;
    },
    async createEnrollmentCode(request: EnrollmentRequest): Promise<EnrollmentCode> {
      return (await call("/api/v1/terminals/enrollment-codes", "POST", request)) as EnrollmentCode;
    },
    async revoke(terminalId: string): Promise<TerminalSummary> {
      return terminalSummarySchema.parse(
        await call(`/api/v1/terminals/${encodeURIComponent(terminalId)}/revoke`, "POST"),
      );
    },
    async sendCommand(terminalId: string, type: CommandType): Promise<QueuedCommand> {
      return (await call(`/api/v1/terminals/${encodeURIComponent(terminalId)}/commands`, "POST", {
        type,
      })) as QueuedCommand;
    },
  };
}

export type ConsoleApi = ReturnType<typeof createConsoleApi>;
