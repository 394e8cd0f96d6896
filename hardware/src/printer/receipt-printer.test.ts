import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import type { DeviceHealth } from "../health";
import { DeviceFileTransport } from "../transports/device-file-transport";
import { SerialTransport } from "../transports/serial-transport";
import type { StreamTransport } from "../transports/stream-transport";
import { TcpTransport } from "../transports/tcp-transport";
import { EscPosEncoder } from "./escpos-encoder";
import { EscPosPrinterSimulator, startEscPosSimulatorOnPty } from "./escpos-simulator";
import {
  type PrintJob,
  type PrintQueueStore,
  ReceiptPrinter,
  type ReceiptPrinterOptions,
} from "./receipt-printer";

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function waitFor<T>(probe: () => T | undefined | false, what: string, timeoutMs = 4000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function receipt(code: string): Buffer {
  return new EscPosEncoder()
    .initialize()
    .align("center")
    .bold()
    .line("湘潭市雨湖区便民服务中心")
    .bold(false)
    .line(`回执码：${code}`)
    .qrCode(`https://linli.example.cn/r/${code}`)
    .code128(code)
    .feed(2)
    .cut()
    .encode();
}

function printer(transport: StreamTransport, options: Partial<ReceiptPrinterOptions> = {}): ReceiptPrinter {
  const result = new ReceiptPrinter({
    transport,
    statusIntervalMs: 60_000,
    statusTimeoutMs: 200,
    reconnect: { initialDelayMs: 20, maxDelayMs: 100 },
    ...options,
  });
  cleanups.push(() => result.stop());
  return result;
}

async function tcpSimulator(port = 0) {
  const simulator = new EscPosPrinterSimulator();
  const address = await simulator.listenTcp("127.0.0.1", port);
  cleanups.push(() => simulator.stop());
  return { simulator, ...address };
}

function healthLog(target: ReceiptPrinter): DeviceHealth[] {
  const log: DeviceHealth[] = [];
  target.health.on("change", (health) => log.push(health));
  return log;
}

describe("ReceiptPrinter ↔ EscPosPrinterSimulator over TCP 9100 (loopback)", { timeout: 15_000 }, () => {
  it("prints a receipt that comes out with its Chinese text, QR payload and receipt code", async () => {
    const { simulator, port } = await tcpSimulator();
    const target = printer(new TcpTransport({ host: "127.0.0.1", port }));
    await target.start();
    await waitFor(() => target.health.current.status === "ok", "ok");
    expect(await target.print({ data: receipt("LL20250612-0007"), id: "job-1" })).toEqual({
      outcome: "printed",
      jobId: "job-1",
    });
    const document = await waitFor(() => simulator.documents[0], "printed document");
    expect(document.cut).toBe("partial");
    expect(document.items).toEqual([
      { kind: "text", text: "湘潭市雨湖区便民服务中心", align: "center", bold: true, width: 1, height: 1 },
      { kind: "text", text: "回执码：LL20250612-0007", align: "center", bold: false, width: 1, height: 1 },
      { kind: "qr", data: "https://linli.example.cn/r/LL20250612-0007", moduleSize: 6, errorCorrection: "M" },
      { kind: "barcode", symbology: "CODE128", data: "LL20250612-0007" },
      { kind: "feed", lines: 2 },
    ]);
  });

  it("learns paper and cover changes from Automatic Status Back without polling", async () => {
    const { simulator, port } = await tcpSimulator();
    const target = printer(new TcpTransport({ host: "127.0.0.1", port }));
    await target.start();
    await waitFor(() => target.health.current.status === "ok", "ok");
    simulator.paperNearEnd();
    await waitFor(() => target.health.current.status === "degraded", "degraded");
    expect(target.health.current.reason).toBe("paper near end");
    simulator.openCover();
    await waitFor(() => target.health.current.reason === "cover open", "cover open");
    expect(target.health.current.status).toBe("unavailable");
    expect(target.status).toMatchObject({ coverOpen: true, online: false });
    simulator.closeCover();
    simulator.loadPaper();
    await waitFor(() => target.health.current.status === "ok", "ok again");
  });

  it("keeps a job while out of paper and prints it by itself once paper is loaded", async () => {
    const { simulator, port } = await tcpSimulator();
    const target = printer(new TcpTransport({ host: "127.0.0.1", port }), {
      automaticStatusBack: false,
      statusIntervalMs: 50,
    });
    await target.start();
    await waitFor(() => target.health.current.status === "ok", "ok");
    simulator.paperOut();
    await waitFor(() => target.health.current.status === "unavailable", "unavailable by polling");
    expect(target.health.current.reason).toBe("out of paper");

    const outcome = await target.print({ data: receipt("LL-0001"), id: "waiting" });
    expect(outcome).toEqual({ outcome: "queued", jobId: "waiting", reason: "out of paper" });
    expect(target.queuedJobs.map((job) => job.id)).toEqual(["waiting"]);
    expect(simulator.documents).toHaveLength(0);

    const printed = once(target, "printed");
    simulator.loadPaper();
    expect(await printed).toEqual(["waiting"]);
    await waitFor(() => simulator.documents.length === 1, "document");
    expect(target.queuedJobs).toEqual([]);
    expect(target.health.current.status).toBe("ok");
  });

  it("survives the printer going away (server closed) and prints the kept job when it is back", async () => {
    const { simulator, port } = await tcpSimulator();
    const target = printer(new TcpTransport({ host: "127.0.0.1", port }));
    const healths = healthLog(target);
    await target.start();
    await waitFor(() => target.health.current.status === "ok", "ok");

    await simulator.closeTcp();
    await waitFor(() => target.health.current.status === "unavailable", "unavailable");
    expect(target.health.current.reason).toMatch(/^printer not connected \(tcp 127\.0\.0\.1:\d+: /);
    const outcome = await target.print({ data: receipt("LL-0002"), id: "later" });
    expect(outcome).toMatchObject({ outcome: "queued", reason: "printer not connected" });

    await simulator.listenTcp("127.0.0.1", port);
    await waitFor(() => simulator.documents.length === 1, "kept job printed");
    expect(simulator.documents[0]!.items[1]).toMatchObject({ text: "回执码：LL-0002" });
    expect(target.health.current.status).toBe("ok");
    // Down once, up once: each way reported once.
    expect(healths.filter((h) => h.reason?.startsWith("printer not connected"))).toHaveLength(1);
  });

  it("goes unavailable when the printer stops answering status, and recovers", async () => {
    const { simulator, port } = await tcpSimulator();
    const target = printer(new TcpTransport({ host: "127.0.0.1", port }), { statusIntervalMs: 50 });
    await target.start();
    await waitFor(() => target.health.current.status === "ok", "ok");
    simulator.setSilent(true);
    await waitFor(() => target.health.current.status === "degraded", "degraded");
    await waitFor(() => target.health.current.status === "unavailable", "unavailable");
    expect(target.health.current.reason).toMatch(/^printer not answering/);
    simulator.setSilent(false);
    await waitFor(() => target.health.current.status === "ok", "ok again");
  });

  it("ignores line noise from the printer", async () => {
    const { simulator, port } = await tcpSimulator();
    const target = printer(new TcpTransport({ host: "127.0.0.1", port }), { statusIntervalMs: 30 });
    await target.start();
    await waitFor(() => target.health.current.status === "ok", "ok");
    const healths = healthLog(target);
    for (let i = 0; i < 5; i++) {
      simulator.sendGarbage();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await target.print({ data: receipt("LL-0003") })).toMatchObject({ outcome: "printed" });
    expect(healths).toEqual([]);
  });

  it("prints waiting jobs from a persistence hook after a restart, in order, and forgets them", async () => {
    const saved = new Map<string, PrintJob>();
    const store: PrintQueueStore = {
      load: () => [...saved.values()],
      save: (job) => {
        saved.set(job.id, job);
      },
      remove: (id) => {
        saved.delete(id);
      },
    };
    const { simulator, port } = await tcpSimulator();
    await simulator.closeTcp();
    const first = printer(new TcpTransport({ host: "127.0.0.1", port }), { queueStore: store });
    await first.start();
    await first.print({ data: receipt("LL-A"), id: "a" });
    await first.print({ data: receipt("LL-B"), id: "b" });
    expect([...saved.keys()]).toEqual(["a", "b"]);
    await first.stop();

    await simulator.listenTcp("127.0.0.1", port);
    const second = printer(new TcpTransport({ host: "127.0.0.1", port }), { queueStore: store });
    await second.start();
    await waitFor(() => simulator.documents.length === 2, "both printed");
    expect(simulator.documents.map((doc) => doc.items[1])).toMatchObject([
      { text: "回执码：LL-A" },
      { text: "回执码：LL-B" },
    ]);
    await waitFor(() => saved.size === 0, "store emptied");
  });
});

describe("ReceiptPrinter over serial and a device file (socat pty)", { timeout: 15_000 }, () => {
  it("prints over serial, keeps a job across an unplug and prints it after the replug", async () => {
    const sim = await startEscPosSimulatorOnPty();
    cleanups.push(() => sim.close());
    const target = printer(new SerialTransport({ path: sim.hostPath, baudRate: 9600, presenceCheckMs: 50 }));
    await target.start();
    await waitFor(() => target.health.current.status === "ok", "ok");
    expect(await target.print({ data: receipt("LL-S1") })).toMatchObject({ outcome: "printed" });
    await waitFor(() => sim.simulator.documents.length === 1, "first document");

    await sim.pty.unplug();
    await waitFor(() => target.health.current.status === "unavailable", "unavailable");
    expect(await target.print({ data: receipt("LL-S2") })).toMatchObject({ outcome: "queued" });
    await sim.pty.replug();
    await waitFor(() => sim.simulator.documents.length === 2, "kept job printed");
    expect(sim.simulator.documents[1]!.items[1]).toMatchObject({ text: "回执码：LL-S2" });
    await waitFor(() => target.health.current.status === "ok", "ok again");
  });

  it("prints through a write-only device file and says status is unknown", async () => {
    const sim = await startEscPosSimulatorOnPty();
    cleanups.push(() => sim.close());
    const target = printer(new DeviceFileTransport({ path: sim.hostPath }));
    await target.start();
    await waitFor(() => target.health.current.status === "ok", "ok");
    expect(target.health.current.reason).toBe("write-only device: paper and cover status unknown");
    expect(await target.print({ data: receipt("LL-F1") })).toMatchObject({ outcome: "printed" });
    await waitFor(() => sim.simulator.documents.length === 1, "document");
    expect(target.status).toBeUndefined();
  });
});
