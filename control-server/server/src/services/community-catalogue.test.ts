import { randomUUID } from "node:crypto";
import type { CommunityElderService, ServiceRequestView } from "@linli/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { connected, startTestServer, type TestServer } from "../../test/harness";

let harness: TestServer;
afterEach(async () => {
  await harness?.close();
});

async function staffToken(username: string, communityId: string): Promise<string> {
  const password = `${username}-password-1`;
  await harness.api("POST", "/api/v1/staff", {
    username,
    displayName: username,
    password,
    role: "community_staff",
    communityId,
  });
  return (await harness.api<{ token: string }>("POST", "/api/v1/auth/login", { username, password }, null))
    .body.token;
}

const request = (serviceCode: string) => ({
  id: randomUUID(),
  serviceCode,
  requestedAt: new Date().toISOString(),
});

describe("each community's elder-service catalogue", () => {
  it("stops a service in one community only, keeps its own target time, and is managed by that community's staff", async () => {
    harness = await startTestServer();
    const fengdaoling = await staffToken("fdl.zhou", "fengdaoling");
    const stop = await harness.api<CommunityElderService>(
      "PUT",
      "/api/v1/communities/fengdaoling/elder-services/meals",
      { offered: false, targetMinutes: null },
      fengdaoling,
    );
    expect(stop.status).toBe(200);
    expect(stop.body).toMatchObject({ code: "meals", offered: false });
    const faster = await harness.api<CommunityElderService>(
      "PUT",
      "/api/v1/communities/fengdaoling/elder-services/medical",
      { offered: true, targetMinutes: 60 },
      fengdaoling,
    );
    expect(faster.body).toMatchObject({
      code: "medical",
      offered: true,
      targetMinutes: 60,
      countyTargetMinutes: 240,
    });

    // Another community's staff can neither see nor change this community's offer.
    const xiangbin = await staffToken("xb.li", "xiangbin");
    expect(
      (await harness.api("GET", "/api/v1/communities/fengdaoling/elder-services", undefined, xiangbin))
        .status,
    ).toBe(404);
    expect(
      (
        await harness.api(
          "PUT",
          "/api/v1/communities/fengdaoling/elder-services/meals",
          { offered: true, targetMinutes: null },
          xiangbin,
        )
      ).status,
    ).toBe(404);
    const bad = await harness.api("PUT", "/api/v1/communities/fengdaoling/elder-services/medical", {
      offered: true,
      targetMinutes: 0,
    });
    expect(bad.status).toBe(400);

    const listed = await harness.api<{ services: CommunityElderService[] }>(
      "GET",
      "/api/v1/communities/fengdaoling/elder-services",
      undefined,
      fengdaoling,
    );
    expect(listed.body.services.find((s) => s.code === "meals")?.offered).toBe(false);
    expect(listed.body.services.find((s) => s.code === "medical")?.targetMinutes).toBe(60);

    // An elder unit in that community is told plainly that meals are not offered; medical gets the 60-minute target.
    const unit = harness.connectTerminal(await harness.enroll({ kind: "elder", communityId: "fengdaoling" }));
    await connected(unit);
    const refused = (await unit.timeout(3000).emitWithAck("service:request", request("meals"))) as {
      ok: boolean;
      error?: { message: string };
    };
    expect(refused.ok).toBe(false);
    expect(refused.error?.message).toMatch(/not offered in this unit's community/);
    const accepted = (await unit.timeout(3000).emitWithAck("service:request", request("medical"))) as {
      data: { requestId: string };
    };
    const view = await harness.api<ServiceRequestView>(
      "GET",
      `/api/v1/service-requests/${accepted.data.requestId}`,
    );
    const minutes = (Date.parse(view.body.targetAt) - Date.parse(view.body.requestedAt)) / 60_000;
    expect(minutes).toBeCloseTo(60, 0);

    // A unit in another community still gets meals, with the county's target.
    const other = harness.connectTerminal(await harness.enroll({ kind: "elder", communityId: "xiangbin" }));
    await connected(other);
    const meals = (await other.timeout(3000).emitWithAck("service:request", request("meals"))) as {
      ok: boolean;
    };
    expect(meals.ok).toBe(true);

    const audit = harness.server.db
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'community-service.set'")
      .get() as { n: number };
    expect(audit.n).toBe(2);
  });
});
