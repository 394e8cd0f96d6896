import { type KioskContent, kioskContentSchema, type StaffFacility, type StaffLift } from "@linli/protocol";
import type { Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { connected, eventually, startTestServer, type TestServer } from "../../test/harness";
import { liftStatus } from "./lift-status";

let harness: TestServer;
afterEach(async () => harness?.close());

type AckOf<T = unknown> = { ok: boolean; data?: T; error?: { code: string; message: string } };
const kioskContent = (socket: Socket) =>
  socket.timeout(3000).emitWithAck("kiosk:content", null) as Promise<AckOf<KioskContent>>;

const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

async function linkedKiosk(communityId: string, kind: "kiosk" | "elder" = "kiosk") {
  const socket = harness.connectTerminal(
    await harness.enroll({ kind, communityId, name: `${communityId} 终端` }),
  );
  const changes: number[] = [];
  socket.on("content:changed", () => changes.push(Date.now()));
  await connected(socket);
  return { socket, changes };
}

async function signIn(role: string, username: string, communityId: string | null) {
  const password = `${username}-password-1`;
  await harness.api("POST", "/api/v1/staff", {
    username,
    displayName: username,
    password,
    role,
    communityId,
  });
  return (await harness.api<{ token: string }>("POST", "/api/v1/auth/login", { username, password }, null))
    .body.token;
}

const pharmacy = {
  communityId: "xiangbin",
  kind: "pharmacy",
  name: "湘滨夜间药房",
  address: "湘滨路 2 号",
  distanceMeters: 30,
  openingHours: "全天",
  phone: "0731-84019999",
};

const count = (table: string) =>
  (harness.server.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe("kiosk:content", () => {
  it("is everything a kiosk shows for its own community, in the contract's shape", async () => {
    harness = await startTestServer();
    const kiosk = await linkedKiosk("xiangbin");
    await harness.api("POST", "/api/v1/notices", {
      title: "社区义诊",
      body: "本周六上午在服务中心广场义诊，请带医保卡。",
      category: "community",
      priority: "normal",
      communityIds: ["xiangbin"],
      terminalKinds: ["kiosk"],
      requiresConfirmation: false,
    });
    const answer = await kioskContent(kiosk.socket);
    expect(answer.ok).toBe(true);
    const content = kioskContentSchema.parse(answer.data);
    expect(content.community).toEqual({ id: "xiangbin", name: "湘滨社区" });
    expect(content.publicUrl).toBe(harness.url);
    expect(content.notices.map((n) => n.title)).toEqual(["社区义诊"]);
    expect(content.guides.map((g) => g.title)).toContain("居住证办理指南");
    expect(content.catalogue.every((service) => service.active)).toBe(true);

    // Only this community's facilities, nearest first.
    const seeded = harness.server.db
      .prepare("SELECT name FROM facilities WHERE community_id = 'xiangbin' ORDER BY distance_meters")
      .all() as Array<{ name: string }>;
    expect(content.facilities.map((f) => f.name)).toEqual(seeded.map((f) => f.name));
    const distances = content.facilities.map((f) => f.distanceMeters);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));

    // Lifts of this community's buildings only, each with the status its dates give.
    const buildings = (
      await harness.api<{ buildings: Array<{ id: string; communityId: string }> }>("GET", "/api/v1/buildings")
    ).body.buildings;
    const ownBuildings = new Set(buildings.filter((b) => b.communityId === "xiangbin").map((b) => b.id));
    expect(content.lifts.length).toBeGreaterThan(0);
    for (const lift of content.lifts) {
      expect(ownBuildings.has(lift.buildingId)).toBe(true);
      expect(lift.status).toBe(
        liftStatus({ nextInspectionDue: lift.nextInspectionDue, outOfService: false }, new Date()),
      );
    }
  });

  it("another community's kiosk gets its own content; an elder unit is refused", async () => {
    harness = await startTestServer();
    const fengdaoling = await linkedKiosk("fengdaoling");
    const content = (await kioskContent(fengdaoling.socket)).data!;
    expect(content.community.name).toBe("封刀岭社区");
    expect(content.facilities.map((f) => f.name)).not.toContain("湘滨公园公共厕所");
    expect(content.lifts.map((l) => l.status)).toEqual(["out-of-service"]);

    const unit = await linkedKiosk("fengdaoling", "elder");
    const refused = await kioskContent(unit.socket);
    expect(refused.error?.code).toBe("forbidden");
  });
});

describe("lift status", () => {
  it("is out of service before anything; overdue when past due; due soon within 30 days; ok otherwise", () => {
    const now = new Date("2026-11-28T08:00:00Z");
    expect(liftStatus({ nextInspectionDue: "2026-11-28T07:59:59Z", outOfService: false }, now)).toBe(
      "overdue",
    );
    expect(liftStatus({ nextInspectionDue: "2026-11-28T08:00:00Z", outOfService: false }, now)).toBe(
      "due-soon",
    );
    expect(liftStatus({ nextInspectionDue: "2026-12-28T08:00:00Z", outOfService: false }, now)).toBe(
      "due-soon",
    );
    expect(liftStatus({ nextInspectionDue: "2026-12-28T08:00:01Z", outOfService: false }, now)).toBe("ok");
    expect(liftStatus({ nextInspectionDue: "2027-12-28T08:00:00Z", outOfService: true }, now)).toBe(
      "out-of-service",
    );
  });
});

describe("staff keep guides, facilities and lifts", () => {
  it("a facility change tells that community's kiosks only; a guide change tells every kiosk", async () => {
    harness = await startTestServer();
    const xiangbin = await linkedKiosk("xiangbin");
    const yanggao = await linkedKiosk("yanggao");

    const created = await harness.api<StaffFacility>("POST", "/api/v1/facilities", pharmacy);
    expect(created.status).toBe(201);
    await eventually(() => xiangbin.changes.length === 1);
    const content = (await kioskContent(xiangbin.socket)).data!;
    expect(content.facilities[0]!.name).toBe("湘滨夜间药房");

    const guide = await harness.api<{ id: string }>("POST", "/api/v1/guides", {
      title: "老年人优待证办理",
      titleEn: "Senior citizen card",
      category: "guide",
      body: "年满 60 周岁的老人，带身份证和一寸照片到社区服务中心办理，当场领证。",
      bodyEn: "Residents aged 60 or over apply at the centre with their ID card and a photo.",
    });
    expect(guide.status).toBe(201);
    await eventually(() => xiangbin.changes.length === 2 && yanggao.changes.length === 1);
    expect((await kioskContent(yanggao.socket)).data!.guides.at(-1)!.title).toBe("老年人优待证办理");

    expect((await harness.api("DELETE", `/api/v1/facilities/${created.body.id}`)).status).toBe(204);
    expect((await harness.api("DELETE", `/api/v1/guides/${guide.body.id}`)).status).toBe(204);
    await eventually(() => xiangbin.changes.length === 4);
    expect(yanggao.changes).toHaveLength(2);

    const actions = harness.server.context.audit
      .list({ limit: 20 })
      .map((entry) => entry.action)
      .filter((action) => /^(facility|guide)\./.test(action));
    expect(actions).toEqual(["guide.delete", "facility.delete", "guide.create", "facility.create"]);
  });

  it("a lift taken out of service or inspected shows its new status", async () => {
    harness = await startTestServer();
    const kiosk = await linkedKiosk("xiangbin");
    const created = await harness.api<StaffLift>("POST", "/api/v1/lifts", {
      newBuilding: { communityId: "xiangbin", name: "湘滨小区 9 栋" },
      location: "1 单元",
      lastInspectedAt: inDays(-340),
      nextInspectionDue: inDays(25),
      outOfService: false,
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual(
      expect.objectContaining({ buildingName: "湘滨小区 9 栋", status: "due-soon" }),
    );

    const broken = await harness.api<StaffLift>("PUT", `/api/v1/lifts/${created.body.id}`, {
      buildingId: created.body.buildingId,
      location: "1 单元",
      lastInspectedAt: inDays(-340),
      nextInspectionDue: inDays(25),
      outOfService: true,
    });
    expect(broken.body.status).toBe("out-of-service");
    const inspected = await harness.api<StaffLift>("PUT", `/api/v1/lifts/${created.body.id}`, {
      buildingId: created.body.buildingId,
      location: "1 单元",
      lastInspectedAt: inDays(0),
      nextInspectionDue: inDays(365),
      outOfService: false,
    });
    expect(inspected.body.status).toBe("ok");
    await eventually(() => kiosk.changes.length === 3);
    const shown = (await kioskContent(kiosk.socket)).data!.lifts.find((l) => l.id === created.body.id);
    expect(shown).toEqual(expect.objectContaining({ buildingName: "湘滨小区 9 栋", status: "ok" }));
  });

  it("bad input and other communities' content are refused and change nothing", async () => {
    harness = await startTestServer();
    const kiosk = await linkedKiosk("xiangbin");
    const before = {
      facilities: count("facilities"),
      lifts: count("lifts"),
      buildings: count("buildings"),
      guides: count("guides"),
    };
    const refusals: Array<[string, string, unknown, number, string?]> = [
      ["POST", "/api/v1/facilities", { ...pharmacy, kind: "casino" }, 400],
      ["POST", "/api/v1/facilities", { ...pharmacy, distanceMeters: -5 }, 400],
      ["POST", "/api/v1/facilities", { ...pharmacy, phone: "call me" }, 400],
      ["POST", "/api/v1/facilities", { ...pharmacy, communityId: "atlantis" }, 400],
      ["PUT", "/api/v1/facilities/no-such", pharmacy, 404],
      ["POST", "/api/v1/guides", { title: "", titleEn: "x", category: "guide", body: "x", bodyEn: "" }, 400],
      [
        "POST",
        "/api/v1/lifts",
        {
          newBuilding: { communityId: "xiangbin", name: "新楼" },
          location: "1 单元",
          lastInspectedAt: inDays(0),
          nextInspectionDue: inDays(-1),
          outOfService: false,
        },
        400,
      ],
      [
        "POST",
        "/api/v1/lifts",
        {
          buildingId: "no-such",
          location: "1 单元",
          lastInspectedAt: inDays(-1),
          nextInspectionDue: inDays(1),
          outOfService: false,
        },
        400,
      ],
      [
        "PUT",
        "/api/v1/lifts/no-such",
        {
          newBuilding: { communityId: "xiangbin", name: "幽灵楼" },
          location: "1 单元",
          lastInspectedAt: inDays(-1),
          nextInspectionDue: inDays(1),
          outOfService: false,
        },
        404,
      ],
    ];
    const staff = await signIn("community_staff", "yanggao.wu", "yanggao");
    refusals.push(["POST", "/api/v1/facilities", pharmacy, 403, staff]);
    refusals.push([
      "POST",
      "/api/v1/guides",
      { title: "t", titleEn: "t", category: "guide", body: "b", bodyEn: "" },
      403,
      staff,
    ]);
    refusals.push(["DELETE", "/api/v1/lifts/lift-xb-3-1", undefined, 404, staff]);
    for (const [method, path, body, status, token] of refusals) {
      const response = await harness.api<{ error: { code: string } }>(method, path, body, token);
      expect(response.status, `${method} ${path} ${JSON.stringify(body)?.slice(0, 60)}`).toBe(status);
      expect(response.body.error.code).toBeTruthy();
    }
    expect({
      facilities: count("facilities"),
      lifts: count("lifts"),
      buildings: count("buildings"),
      guides: count("guides"),
    }).toEqual(before);
    expect(kiosk.changes).toHaveLength(0);
    // Community staff do see and keep their own community's content.
    const own = await harness.api<{ facilities: StaffFacility[] }>(
      "GET",
      "/api/v1/facilities",
      undefined,
      staff,
    );
    expect(own.body.facilities).toEqual([]);
    const added = await harness.api(
      "POST",
      "/api/v1/facilities",
      { ...pharmacy, communityId: "yanggao" },
      staff,
    );
    expect(added.status).toBe(201);
  });
});
