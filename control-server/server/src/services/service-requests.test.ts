import { randomUUID } from "node:crypto";
import type { ServiceRequestView, ServiceUpdate } from "@linli/protocol";
import { io, type Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { connected, eventually, startTestServer, type TestServer } from "../../test/harness";

let harness: TestServer;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await harness?.close();
});

async function setUp() {
  harness = await startTestServer();
  const credentials = await harness.enroll({
    kind: "elder",
    communityId: "fengdaoling",
    name: "封刀岭 刘奶奶家",
  });
  await harness.api("POST", "/api/v1/elders", {
    communityId: "fengdaoling",
    name: "刘桂芳",
    address: "封刀岭社区 5 栋 301",
    terminalId: credentials.terminalId,
  });
  const unit = harness.connectTerminal(credentials);
  const updates: ServiceUpdate[] = [];
  unit.on("service:update", (update: ServiceUpdate) => updates.push(update));
  await connected(unit);
  const console = io(`${harness.url}/console`, {
    auth: { token: harness.adminToken },
    transports: ["websocket"],
  });
  sockets.push(console);
  const changes: ServiceRequestView[] = [];
  const alerts: Array<{ reason: string; request: ServiceRequestView }> = [];
  console.on("service:changed", (request: ServiceRequestView) => changes.push(request));
  console.on("service:alert", (alert: { reason: string; request: ServiceRequestView }) => alerts.push(alert));
  await connected(console);
  const provider = await harness.api<{ id: string }>("POST", "/api/v1/providers", {
    name: "封刀岭爱心食堂",
    kind: "organisation",
    phone: "0731-55551234",
    serviceCodes: ["meals"],
    communityIds: ["fengdaoling"],
  });
  expect(provider.status).toBe(201);
  return { unit, updates, changes, alerts, providerId: provider.body.id };
}

const emit = (socket: Socket, event: string, payload: unknown) =>
  socket.timeout(3000).emitWithAck(event, payload) as Promise<{
    ok: boolean;
    data?: { requestId: string; status?: string };
    error?: { code: string; message: string };
  }>;

describe("elder service requests", () => {
  it("go through their whole lifecycle, each step told to the unit and the console, and the elder rates them", async () => {
    const { unit, updates, changes, providerId } = await setUp();
    const requestEventId = randomUUID();
    const sent = await emit(unit, "service:request", {
      id: requestEventId,
      serviceCode: "meals",
      requestedAt: new Date().toISOString(),
    });
    expect(sent.ok).toBe(true);
    const requestId = sent.data!.requestId;
    await eventually(() => changes.some((c) => c.id === requestId));
    expect(changes[0]).toMatchObject({
      status: "requested",
      service: { code: "meals", name: "助餐送餐" },
      elder: { name: "刘桂芳" },
    });

    const step = (name: string, body?: unknown) =>
      harness.api<ServiceRequestView>("POST", `/api/v1/service-requests/${requestId}/${name}`, body ?? {});
    expect((await step("start")).status).toBe(409);
    expect((await step("accept")).body.status).toBe("accepted");
    expect((await step("dispatch", { providerId })).body).toMatchObject({
      status: "dispatched",
      provider: { name: "封刀岭爱心食堂" },
    });
    expect((await step("start")).body.status).toBe("in-progress");
    const done = await step("complete");
    expect(done.body).toMatchObject({
      status: "done",
      doneAt: expect.any(String),
      acceptedAt: expect.any(String),
      startedAt: expect.any(String),
    });

    await eventually(() => updates.at(-1)?.status === "done");
    expect(updates.map((u) => u.status)).toEqual([
      "requested",
      "accepted",
      "dispatched",
      "in-progress",
      "done",
    ]);
    expect(updates.at(-1)).toMatchObject({
      requestEventId,
      serviceName: "助餐送餐",
      providerName: "封刀岭爱心食堂",
    });

    const rated = await emit(unit, "service:rate", {
      id: randomUUID(),
      requestEventId,
      rating: "good",
      ratedAt: new Date().toISOString(),
    });
    expect(rated.data).toEqual({ requestId, status: "done" });
    const view = (await harness.api<ServiceRequestView>("GET", `/api/v1/service-requests/${requestId}`)).body;
    expect(view.rating).toBe("good");
    expect(view.events.map((e) => e.type)).toEqual([
      "requested",
      "accepted",
      "dispatched",
      "in-progress",
      "done",
      "rated",
    ]);
  });

  it("alert a supervisor when the target time is missed, and reopen on a bad rating", async () => {
    const { unit, updates, alerts, providerId } = await setUp();
    const requestEventId = randomUUID();
    const { data } = await emit(unit, "service:request", {
      id: requestEventId,
      serviceCode: "meals",
      requestedAt: new Date().toISOString(),
    });
    const requestId = data!.requestId;
    harness.server.db
      .prepare("UPDATE service_requests SET target_at = ? WHERE id = ?")
      .run(new Date(Date.now() - 1000).toISOString(), requestId);
    await eventually(
      () => alerts.some((a) => a.reason === "target-missed" && a.request.id === requestId),
      5000,
    );
    expect(alerts[0]!.request.targetMissedAt).toEqual(expect.any(String));

    for (const name of ["accept", "dispatch", "complete"]) {
      await harness.api(
        "POST",
        `/api/v1/service-requests/${requestId}/${name}`,
        name === "dispatch" ? { providerId } : {},
      );
    }
    const rated = await emit(unit, "service:rate", {
      id: randomUUID(),
      requestEventId,
      rating: "not-done",
      ratedAt: new Date().toISOString(),
    });
    expect(rated.data).toEqual({ requestId, status: "accepted" });
    await eventually(() => alerts.some((a) => a.reason === "reopened"));
    await eventually(() => updates.at(-1)?.status === "accepted");
    const view = (await harness.api<ServiceRequestView>("GET", `/api/v1/service-requests/${requestId}`)).body;
    expect(view).toMatchObject({
      status: "accepted",
      reopenedCount: 1,
      rating: "not-done",
      doneAt: null,
      targetMissedAt: null,
    });
    expect(Date.parse(view.targetAt)).toBeGreaterThan(Date.now());
  });

  it("refuse an unknown service, a rating for an unfinished request, and a provider who does not offer the service", async () => {
    const { unit } = await setUp();
    const unknown = await emit(unit, "service:request", {
      id: randomUUID(),
      serviceCode: "spaceflight",
      requestedAt: new Date().toISOString(),
    });
    expect(unknown.error?.code).toBe("invalid_payload");
    expect(harness.server.db.prepare("SELECT count(*) AS n FROM service_requests").get()).toEqual({ n: 0 });

    const requestEventId = randomUUID();
    const { data } = await emit(unit, "service:request", {
      id: requestEventId,
      serviceCode: "medical",
      requestedAt: new Date().toISOString(),
    });
    const early = await emit(unit, "service:rate", {
      id: randomUUID(),
      requestEventId,
      rating: "good",
      ratedAt: new Date().toISOString(),
    });
    expect(early.error?.message).toMatch(/only a finished request/);

    const mealsOnly = (await harness.api<{ providers: Array<{ id: string }> }>("GET", "/api/v1/providers"))
      .body.providers[0]!;
    await harness.api("POST", `/api/v1/service-requests/${data!.requestId}/accept`);
    const wrong = await harness.api<{ error: { message: string } }>(
      "POST",
      `/api/v1/service-requests/${data!.requestId}/dispatch`,
      { providerId: mealsOnly.id },
    );
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.message).toMatch(/does not offer this service/);
  });
});
