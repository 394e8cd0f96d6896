/** An elder asks for a meal with a button on the unit, follows it to the door, and rates it. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ServiceRequestView } from "@linli/protocol";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { eventually, startTestServer, type TestServer } from "../../control-server/server/test/harness";
import { deviceFactories } from "./device-factories";
import { DeviceHost } from "./device-host";
import { terminalConfigSchema } from "./terminal-config";
import { TerminalRuntime } from "./terminal-runtime";

const log = pino({ level: "silent" });
let harness: TestServer;
let runtime: TerminalRuntime;
let dataDir: string;
afterEach(async () => {
  await runtime?.stop();
  await harness?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A real server and an elder unit in 湘滨 with a keyboard button box: F1 SOS, F2 meals, F3 "I'm fine". */
async function startUnit(): Promise<void> {
  harness = await startTestServer();
  const code = await harness.api<{ code: string }>("POST", "/api/v1/terminals/enrollment-codes", {
    kind: "elder",
    communityId: "xiangbin",
    name: "湘滨 王奶奶家",
  });
  dataDir = mkdtempSync(join(tmpdir(), "linli-services-"));
  const config = terminalConfigSchema.parse({
    server: harness.url,
    enrollmentCode: code.body.code,
    dataDir,
    devices: { buttons: { type: "keyboard", keys: { F1: "sos", F2: "service:meals", F3: "fine" } } },
  });
  runtime = new TerminalRuntime({
    config,
    kind: "elder",
    version: "1.0.0",
    log,
    devices: new DeviceHost(config.devices, deviceFactories, log),
  });
  await runtime.start();
  await eventually(() => runtime.snapshot().link.state === "online");
}

describe("elder services from the unit", () => {
  it("a button asks for meals; every step reaches the unit; a 'not done' rating sends it back; 'I'm fine' checks in", async () => {
    await startUnit();
    const provider = await harness.api<{ id: string }>("POST", "/api/v1/providers", {
      name: "湘滨长者食堂",
      kind: "organisation",
      phone: "0731-58881234",
      serviceCodes: ["meals"],
      communityIds: ["xiangbin"],
    });

    const key = await runtime.call("device:key", { type: "down", key: "F2", code: "F2", repeat: false });
    expect(key).toEqual({ ok: true, data: { handled: true } });
    const mine = () => runtime.snapshot().services[0];
    expect(mine()).toMatchObject({ serviceCode: "meals", status: "sending" });
    await eventually(() => mine()?.status === "requested");
    expect(mine()?.serviceName).toBe("助餐送餐");

    const [request] = (
      await harness.api<{ requests: ServiceRequestView[] }>("GET", "/api/v1/service-requests")
    ).body.requests;
    const seen: string[] = [];
    runtime.on("state", (snapshot) => {
      const status = snapshot.services[0]?.status;
      if (status && seen.at(-1) !== status) seen.push(status);
    });
    for (const [step, body] of [
      ["accept", {}],
      ["dispatch", { providerId: provider.body.id }],
      ["start", {}],
      ["complete", {}],
    ] as const) {
      await harness.api("POST", `/api/v1/service-requests/${request!.id}/${step}`, body);
    }
    await eventually(() => mine()?.status === "done");
    expect(seen).toEqual(["accepted", "dispatched", "in-progress", "done"]);
    expect(mine()?.providerName).toBe("湘滨长者食堂");

    const rated = await runtime.call("service:rate", {
      requestEventId: mine()!.requestEventId,
      rating: "not-done",
    });
    expect(rated.ok).toBe(true);
    await eventually(() => mine()?.status === "accepted");
    const view = (await harness.api<ServiceRequestView>("GET", `/api/v1/service-requests/${request!.id}`))
      .body;
    expect(view).toMatchObject({ status: "accepted", rating: "not-done", reopenedCount: 1 });
    expect(
      (await runtime.call("service:rate", { requestEventId: mine()!.requestEventId, rating: "good" })).ok,
    ).toBe(false);
  });

  it("a service the community does not offer is refused: the unit says so at once and the refusal is in its log", async () => {
    await startUnit();
    await harness.api("PUT", "/api/v1/communities/xiangbin/elder-services/meals", {
      offered: false,
      targetMinutes: null,
    });
    await runtime.call("device:key", { type: "down", key: "F2", code: "F2", repeat: false });
    const mine = () => runtime.snapshot().services[0];
    await eventually(() => mine()?.status === "refused");
    expect(runtime.snapshot().outbox).toMatchObject({ pending: 0, rejected: 1 });
    expect(
      (await harness.api<{ requests: unknown[] }>("GET", "/api/v1/service-requests")).body.requests,
    ).toEqual([]);
    await eventually(() => {
      const row = harness.server.db
        .prepare("SELECT message FROM terminal_log WHERE code = 'event-refused'")
        .get() as { message: string } | undefined;
      return row?.message.includes("not offered in this unit's community") ?? false;
    });
  });
});
