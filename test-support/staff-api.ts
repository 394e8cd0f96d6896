import { ADMIN_PASSWORD } from "./server-process";

/** The control server's HTTP API as a signed-in staff member; any answer but 2xx throws. */
export class Api {
  constructor(
    readonly server: string,
    readonly token: string,
  ) {}

  static async signIn(server: string, username = "admin", password = ADMIN_PASSWORD): Promise<Api> {
    const response = await fetch(new URL("/api/v1/auth/login", server), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });
    if (!response.ok) throw new Error(`sign-in as ${username}: HTTP ${response.status}`);
    return new Api(server, ((await response.json()) as { token: string }).token);
  }

  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(new URL(path, this.server), {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }
}
