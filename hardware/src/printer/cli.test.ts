import { describe, expect, it } from "vitest";
import { printerCli, runPrinterCommand } from "./cli";
import { parseEscPosPrinterConfig } from "./config";
import { EscPosPrinterSimulator } from "./escpos-simulator";
import { createReceiptPrinter } from "./factory";

async function waitFor(probe: () => boolean, what: string, timeoutMs = 4000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("printer CLI", { timeout: 15_000 }, () => {
  it("simulate --tcp listens; check reads its status and prints a test receipt that the simulator shows", async () => {
    const printed: string[] = [];
    const stop = await printerCli.simulate(["--tcp", "127.0.0.1:0", "--no-stdin"], (line) =>
      printed.push(line),
    );
    try {
      const port = /listening on tcp 127\.0\.0\.1:(\d+)/.exec(printed.join("\n"))?.[1];
      expect(port).toBeDefined();
      const checked: string[] = [];
      const health = await printerCli.check(["--tcp", `127.0.0.1:${port}`, "--print-test"], (line) =>
        checked.push(line),
      );
      expect(health).toEqual({ device: "printer", status: "ok" });
      expect(checked).toContain("status: online");
      expect(checked).toContain("test receipt: printed");
      await waitFor(() => printed.some((line) => line.includes("邻里 打印机自检")), "receipt on the console");
      expect(printed.join("\n")).toContain("[QR https://linli.example.cn/r/TEST-0000]");
    } finally {
      await stop();
    }
  });

  it("simulate --serial prints a pty path that check --serial can probe", async () => {
    const printed: string[] = [];
    const stop = await printerCli.simulate(["--serial", "--no-stdin"], (line) => printed.push(line));
    try {
      const path = /driver serial port: (\S+)/.exec(printed.join("\n"))?.[1];
      expect(path).toBeDefined();
      const checked: string[] = [];
      const health = await printerCli.check(["--serial", path!], (line) => checked.push(line));
      expect(health.status).toBe("ok");
      expect(checked).toContain("status: online");
    } finally {
      await stop();
    }
  });

  it("check reports an absent network printer as unavailable", async () => {
    const simulator = new EscPosPrinterSimulator();
    const { port } = await simulator.listenTcp("127.0.0.1", 0);
    await simulator.stop();
    const checked: string[] = [];
    const health = await printerCli.check(["--tcp", `127.0.0.1:${port}`, "--seconds", "0.5"], (line) =>
      checked.push(line),
    );
    expect(health.status).toBe("unavailable");
    expect(health.reason).toMatch(/ECONNREFUSED/);
    expect(checked).toContain("status: no answer");
  });

  it("simulator commands change the status the host sees", async () => {
    const simulator = new EscPosPrinterSimulator();
    const simulation = { simulator, unplug: async () => "off", replug: async () => "on" };
    expect(await runPrinterCommand(simulation, "near-end")).toBe("status: online, paper near end");
    expect(await runPrinterCommand(simulation, "out")).toBe("status: offline, paper out");
    expect(await runPrinterCommand(simulation, "open")).toBe("status: offline, cover open, paper out");
    expect(await runPrinterCommand(simulation, "close")).toBe("status: offline, paper out");
    expect(await runPrinterCommand(simulation, "load")).toBe("status: online");
    expect(await runPrinterCommand(simulation, "fly")).toBe('unknown command "fly"; try: help');
  });
});

describe("printer config", () => {
  it("fills defaults and builds a printer for each transport", () => {
    expect(parseEscPosPrinterConfig({ type: "escpos", transport: "tcp", host: "10.0.0.5" })).toMatchObject({
      port: 9100,
    });
    expect(
      parseEscPosPrinterConfig({ type: "escpos", transport: "serial", path: "/dev/ttyS1" }),
    ).toMatchObject({
      baudRate: 9600,
    });
    const printer = createReceiptPrinter({
      type: "escpos",
      transport: "file",
      path: "/dev/usb/lp0",
      name: "lobby",
    });
    expect(printer.health.current.device).toBe("lobby");
  });

  it("rejects bad config with a clear message", () => {
    expect(() => parseEscPosPrinterConfig({ type: "escpos", transport: "tcp", port: 99999 })).toThrow(
      /invalid receipt printer config:[\s\S]*host[\s\S]*port/,
    );
    expect(() => parseEscPosPrinterConfig({ type: "escpos", transport: "usb" })).toThrow(/transport/);
  });
});
