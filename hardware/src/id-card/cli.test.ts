import { describe, expect, it } from "vitest";
import { idCardCli, runIdCardCommand } from "./cli";
import { createIdCardReader } from "./factory";
import { startSamVSimulatorOnPty } from "./sam-v-simulator";

describe("id-card CLI", { timeout: 15_000 }, () => {
  it("simulate prints the pty path; check on it reports the SAM, the masked card number and ok", async () => {
    const printed: string[] = [];
    const stop = await idCardCli.simulate(["--card", "resident", "--no-stdin", "--read-ms", "0"], (line) =>
      printed.push(line),
    );
    try {
      const path = /driver serial port: (\S+)/.exec(printed.join("\n"))?.[1];
      expect(path).toBeDefined();
      expect(printed.join("\n")).toContain("card on the reader: resident card 430***********2428");

      const checked: string[] = [];
      const health = await idCardCli.check(["--path", path!, "--seconds", "2"], (line) => checked.push(line));
      expect(health.status).toBe("ok");
      const output = checked.join("\n");
      expect(output).toContain("SAM id: 05.01-20230615-0012345678-3210987654");
      expect(output).toContain("card: resident card 430***********2428, check digit ok");
      expect(output).not.toContain("430302198503122428");
    } finally {
      await stop();
    }
  });

  it("check reports a missing port as unavailable", async () => {
    const checked: string[] = [];
    const health = await idCardCli.check(
      ["--path", "/tmp/linli-no-such-reader", "--seconds", "0.3"],
      (line) => checked.push(line),
    );
    expect(health.status).toBe("unavailable");
    expect(checked.join("\n")).toContain(
      "health: unavailable (reader not connected (serial /tmp/linli-no-such-reader @115200:",
    );
  });

  it("simulator commands place and remove cards and refuse unknown names", async () => {
    const simulation = await startSamVSimulatorOnPty();
    try {
      expect(await runIdCardCommand(simulation, "place elder")).toBe(
        "placed elder: resident card 430***********1014",
      );
      expect(simulation.simulator.card?.type).toBe("resident");
      expect(await runIdCardCommand(simulation, "3")).toMatch(
        /^placed permit: hk-mo-tw-residence-permit card/,
      );
      expect(await runIdCardCommand(simulation, "r")).toBe("card removed");
      expect(simulation.simulator.card).toBeUndefined();
      expect(await runIdCardCommand(simulation, "place nobody")).toMatch(/^usage: place NAME/);
      expect(await runIdCardCommand(simulation, "dance")).toBe('unknown command "dance"; try: help');
    } finally {
      await simulation.close();
    }
  });
});

describe("createIdCardReader", () => {
  it("builds a reader from plain JSON config", () => {
    const reader = createIdCardReader({
      type: "sam-v",
      transport: "serial",
      path: "/dev/ttyUSB9",
      name: "front-desk",
    });
    expect(reader.health.current.device).toBe("front-desk");
  });

  it("rejects bad config with every problem listed", () => {
    expect(() => createIdCardReader({ type: "sam-v", transport: "usb", path: "" } as never)).toThrow(
      /invalid ID card reader config:[\s\S]*transport[\s\S]*path/,
    );
  });
});
