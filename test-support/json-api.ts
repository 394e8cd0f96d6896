/** JSON over HTTP to a test server; answers status and body (null when empty), never throws on an HTTP error. */
export async function api(
  base: string,
  path: string,
  options: { method?: string; token?: string; body?: unknown } = {},
  // biome-ignore lint/suspicious/noExplicitAny: a test helper; each caller knows the shape it asked for
): Promise<{ status: number; body: any }> {
  const response = await fetch(new URL(path, base), {
    method: options.method ?? (options.body === undefined ? "GET" : "POST"),
    headers: {
      ...(options.body === undefined ? {} : { "content-type": "application/json" }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.body === undefined ? null : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** The admin's session token; throws when the sign-in is refused. */
export async function adminToken(base: string, password: string): Promise<string> {
  const { status, body } = await api(base, "/api/v1/auth/login", {
    body: { username: "admin", password },
  });
  if (status !== 200) throw new Error(`admin sign-in failed: ${status}`);
  return body.token as string;
}
