import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

const credentialsSchema = z.object({ server: z.string(), terminalId: z.string(), token: z.string() });
export type TerminalCredentials = z.infer<typeof credentialsSchema>;

const FILE = "credentials.json";

export function loadCredentials(dataDir: string): TerminalCredentials | null {
  const file = join(dataDir, FILE);
  if (!existsSync(file)) return null;
  const parsed = credentialsSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file} is damaged; delete it and enrol the terminal again`);
  return parsed.data;
}

/** Written atomically and readable by this user only: the token is the terminal's password. */
export function saveCredentials(dataDir: string, credentials: TerminalCredentials): void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, FILE);
  writeFileSync(`${file}.tmp`, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

export type EnrollOutcome =
  | { ok: true; credentials: TerminalCredentials }
  /** The server answered and said no: retrying the same code will not help. */
  | { ok: false; permanent: true; message: string }
  /** The server could not be reached or failed: try again later. */
  | { ok: false; permanent: false; message: string };

/** Exchanges the one-time enrolment code for this terminal's credentials. */
export async function enroll(server: string, code: string): Promise<EnrollOutcome> {
  let response: Response;
  try {
    response = await fetch(new URL("/api/v1/terminals/enroll", server), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    return { ok: false, permanent: false, message: `cannot reach ${server}: ${(error as Error).message}` };
  }
  const body = (await response.json().catch(() => null)) as {
    terminalId?: string;
    token?: string;
    error?: { message?: string };
  } | null;
  if (response.ok && body?.terminalId && body.token) {
    return { ok: true, credentials: { server, terminalId: body.terminalId, token: body.token } };
  }
  const message = body?.error?.message ?? `enrolment failed with HTTP ${response.status}`;
  return response.status >= 500
    ? { ok: false, permanent: false, message }
    : { ok: false, permanent: true, message };
}
