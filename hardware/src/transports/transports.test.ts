import { once } from "node:events";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DeviceFileTransport } from "./device-file-transport";
import { ReconnectingTransport } from "./reconnecting-transport";
import { SerialTransport } from "./serial-transport";
import { createPtyPair, type PtyPair } from "./socat-pty-pair";
import type { StreamTransport } from "./stream-transport";
import { TcpTransport } from "./tcp-transport";

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

function collect(transport: { on(event: "data", listener: (chunk: Buffer) => void): unknown }) {
  const chunks: Buffer[] = [];
  transport.on("data", (chunk) => chunks.push(chunk));
  return {
    async until(expected: Buffer, timeoutMs = 2000): Promise<Buffer> {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const all = Buffer.concat(chunks);
        if (all.length >= expected.length) return all;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return Buffer.concat(chunks);
    },
  };
}

async function ptyPair(): Promise<PtyPair> {
  const pair = await createPtyPair();
  cleanups.push(() => pair.close());
  return pair;
}

function track<T extends StreamTransport | ReconnectingTransport>(transport: T): T {
  cleanups.push(() => ("stop" in transport ? transport.stop() : transport.close()));
  return transport;
}

describe("SerialTransport over a socat pty pair", { timeout: 10_000 }, () => {
  it("carries bytes both ways", async () => {
    const pair = await ptyPair();
    const device = track(new SerialTransport({ path: pair.devicePath }));
    const host = track(new SerialTransport({ path: pair.hostPath, baudRate: 9600 }));
    await device.open();
    await host.open();
    expect(host.isOpen).toBe(true);
    expect(host.description).toBe(`serial ${pair.hostPath} @9600`);
    const atDevice = collect(device);
    const atHost = collect(host);
    const request = Buffer.from("aaaaaa9669000311ff ed", "hex");
    await host.write(request);
    expect(await atDevice.until(request)).toEqual(request);
    const reply = Buffer.from([0, 1, 2, 0xfe, 0xff]);
    await device.write(reply);
    expect(await atHost.until(reply)).toEqual(reply);
  });

  it("rejects opening a missing port and writing to a closed one", async () => {
    const transport = new SerialTransport({ path: "/tmp/linli-no-such-port" });
    await expect(transport.open()).rejects.toThrow();
    await expect(transport.write(Buffer.from([1]))).rejects.toMatchObject({ code: "ENOTOPEN" });
  });

  it("reports close with an error when the pty disappears, and a reconnecting wrapper reopens it", async () => {
    const pair = await ptyPair();
    const host = new SerialTransport({ path: pair.hostPath });
    const link = track(new ReconnectingTransport(host, { initialDelayMs: 20, maxDelayMs: 100 }));
    const ups: number[] = [];
    const downs: Array<Error | undefined> = [];
    link.on("up", () => ups.push(Date.now()));
    link.on("down", (error) => downs.push(error));
    link.start();
    await once(link, "up");
    expect(link.isOpen).toBe(true);

    const closed = once(host, "close");
    await pair.unplug();
    const [closeError] = (await closed) as [Error | undefined];
    expect(closeError).toBeInstanceOf(Error);
    expect(link.isOpen).toBe(false);
    await expect(link.write(Buffer.from([1]))).rejects.toMatchObject({ code: "ENOTCONN" });
    // Several failed reopen attempts while unplugged must be reported as one outage.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(downs).toHaveLength(1);

    await pair.replug();
    await once(link, "up");
    expect(ups).toHaveLength(2);
    const device = track(new SerialTransport({ path: pair.devicePath }));
    await device.open();
    const atDevice = collect(device);
    await link.write(Buffer.from("back"));
    expect((await atDevice.until(Buffer.from("back"))).toString()).toBe("back");
  });
});

describe("TcpTransport", { timeout: 10_000 }, () => {
  async function server(port = 0): Promise<{ server: Server; port: number; sockets: Socket[] }> {
    const sockets: Socket[] = [];
    const srv = createServer((socket) => {
      sockets.push(socket);
      socket.on("error", () => {});
      socket.on("data", (chunk) => socket.write(Buffer.concat([Buffer.from("echo:"), chunk])));
    });
    srv.listen(port, "127.0.0.1");
    await once(srv, "listening");
    const address = srv.address();
    if (address === null || typeof address === "string") throw new Error("no address");
    cleanups.push(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => srv.close(resolve));
    });
    return { server: srv, port: address.port, sockets };
  }

  it("carries bytes both ways", async () => {
    const { port } = await server();
    const transport = track(new TcpTransport({ host: "127.0.0.1", port }));
    await transport.open();
    const received = collect(transport);
    await transport.write(Buffer.from("hi"));
    expect((await received.until(Buffer.from("echo:hi"))).toString()).toBe("echo:hi");
  });

  it("rejects a refused connection", async () => {
    const { server: srv, port } = await server();
    await new Promise((resolve) => srv.close(resolve));
    await expect(new TcpTransport({ host: "127.0.0.1", port }).open()).rejects.toMatchObject({
      code: "ECONNREFUSED",
    });
  });

  it("reports the peer resetting and reconnects once the server is back", async () => {
    const first = await server();
    const transport = new TcpTransport({ host: "127.0.0.1", port: first.port });
    const link = track(new ReconnectingTransport(transport, { initialDelayMs: 20, maxDelayMs: 50 }));
    link.start();
    await once(link, "up");
    const down = once(link, "down");
    for (const socket of first.sockets) socket.resetAndDestroy();
    await new Promise((resolve) => first.server.close(resolve));
    const [error] = (await down) as [Error];
    expect(error).toBeInstanceOf(Error);
    expect(link.isOpen).toBe(false);

    await server(first.port);
    await once(link, "up");
    const received = collect(link);
    await link.write(Buffer.from("again"));
    expect((await received.until(Buffer.from("echo:again"))).toString()).toBe("echo:again");
  });
});

describe("DeviceFileTransport", { timeout: 10_000 }, () => {
  async function tempDir(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), "linli-file-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return dir;
  }

  it("appends written bytes to an existing device file and is write-only", async () => {
    const path = join(await tempDir(), "lp0");
    await writeFile(path, "");
    const transport = track(new DeviceFileTransport({ path }));
    expect(transport.readable).toBe(false);
    await transport.open();
    await transport.write(Buffer.from([0x1b, 0x40]));
    await transport.write(Buffer.from("ok"));
    expect(await readFile(path)).toEqual(Buffer.from([0x1b, 0x40, 0x6f, 0x6b]));
  });

  it("refuses a missing device instead of creating a file", async () => {
    const path = join(await tempDir(), "lp0");
    await expect(new DeviceFileTransport({ path }).open()).rejects.toMatchObject({ code: "ENOENT" });
    expect(existsSync(path)).toBe(false);
  });

  it("writes into a pty like a USB printer node", async () => {
    const pair = await ptyPair();
    const device = track(new SerialTransport({ path: pair.devicePath }));
    await device.open();
    const atDevice = collect(device);
    const file = track(new DeviceFileTransport({ path: pair.hostPath }));
    await file.open();
    await file.write(Buffer.from("receipt"));
    expect((await atDevice.until(Buffer.from("receipt"))).toString()).toBe("receipt");
  });
});
