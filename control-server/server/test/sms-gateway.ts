import { createServer } from "node:http";

export interface SentText {
  to: string;
  text: string;
  /** The Authorization header the server sent. */
  auth: string | undefined;
}

export interface LoopbackSmsGateway {
  /** Where the server posts texts (its `smsGateway.url`). */
  url: string;
  sent: SentText[];
  /** While true, every text is answered HTTP 502 and not recorded. */
  failing: boolean;
  close(): Promise<void>;
}

const open = new Set<LoopbackSmsGateway>();

/** Closes every gateway the test started (for `afterEach`). */
export async function closeSmsGateways(): Promise<void> {
  for (const gateway of [...open]) await gateway.close();
}

/**
 * A stand-in for the county's SMS provider, which this machine cannot reach: a real HTTP server on
 * loopback that records each text it is asked to send.
 */
export async function startSmsGateway(): Promise<LoopbackSmsGateway> {
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      if (gateway.failing) return response.writeHead(502).end();
      gateway.sent.push({
        ...(JSON.parse(body) as { to: string; text: string }),
        auth: request.headers.authorization,
      });
      response.writeHead(200).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  const gateway: LoopbackSmsGateway = {
    url: `http://127.0.0.1:${port}/sms`,
    sent: [],
    failing: false,
    close: () => {
      open.delete(gateway);
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  open.add(gateway);
  return gateway;
}
