import { createServer } from "node:http";
import { maskPhone } from "../control-server/server/src/privacy/mask";

export interface DemoSmsGateway {
  /** For the server's `smsGateway.url`. */
  url: string;
  stop(): Promise<void>;
}

/**
 * A stand-in for the county's SMS provider, which this machine cannot reach: a loopback HTTP server that
 * speaks the provider's API (`POST {to, text}`) and prints each text to the terminal, so that the demo can
 * show applications from the phone page with their text-message code. The number is printed masked.
 */
export async function startDemoSmsGateway(print: (line: string) => void): Promise<DemoSmsGateway> {
  const server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      body += chunk;
      if (body.length > 10_000) request.destroy();
    });
    request.on("end", () => {
      try {
        const { to, text } = JSON.parse(body) as { to?: unknown; text?: unknown };
        if (typeof to !== "string" || typeof text !== "string") throw new Error("not a text");
        print(`短信 → ${maskPhone(to)}: ${text}`);
        response.writeHead(200, { "content-type": "application/json" }).end("{}");
      } catch {
        response.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/sms`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
