/**
 * Text messages to elders' emergency contacts. The county's SMS provider is reached over HTTP; this
 * machine cannot reach one, so tests run a real HTTP server on loopback in its place.
 */
export interface SmsGateway {
  /** False when no gateway is configured: staff must phone the contacts themselves. */
  readonly configured: boolean;
  send(phone: string, text: string): Promise<void>;
}

/** A provider's HTTP API: `POST url` with `{to, text}` and a bearer token; any 2xx is accepted. */
export class HttpSmsGateway implements SmsGateway {
  readonly configured = true;

  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(phone: string, text: string): Promise<void> {
    const response = await fetch(this.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ to: phone, text }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`the SMS gateway answered HTTP ${response.status}`);
  }
}

export const noSmsGateway: SmsGateway = {
  configured: false,
  async send() {
    throw new Error("no SMS gateway is configured (LINLI_SMS_GATEWAY_URL)");
  },
};
