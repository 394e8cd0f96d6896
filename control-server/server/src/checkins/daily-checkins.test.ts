import { randomUUID } from "node:crypto";
import type { CheckTask } from "@linli/protocol";
import { io } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { connected, eventually, startTestServer, type TestServer } from "../../test/harness";
import { localDateAndHour } from "./local-time";

let harness: TestServer;
afterEach(async () => harness?.close());

async function unitWithElder(name: string) {
  const credentials = await harness.enroll({
    kind: "elder",
    communityId: "quantang",
    name: `泉塘 ${name}家`,
  });
  await harness.api("POST", "/api/v1/elders", {
    communityId: "quantang",
    name,
    address: `泉塘社区 ${name}家`,
    terminalId: credentials.terminalId,
  });
  const socket = harness.connectTerminal(credentials);
  await connected(socket);
  return socket;
}

/** 10:30 on the day in the county's time zone (UTC+8). */
const tenThirtyLocal = () => {
  const { date } = localDateAndHour(new Date(), "Asia/Shanghai");
  return new Date(`${date}T10:30:00+08:00`);
};

describe("daily check-in", () => {
  it("after the check-in hour, elders who did not press 'I'm fine' get a check task; a late press or staff close it", async () => {
    // The server's own timer sees this clock too: before the check-in hour until the test moves it on.
    let now = new Date(tenThirtyLocal().getTime() - 3 * 3600 * 1000);
    harness = await startTestServer({ clock: () => now });
    const fine = await unitWithElder("张爷爷");
    const silent = await unitWithElder("李奶奶");
    const late = await unitWithElder("赵奶奶");
    const console = io(`${harness.url}/console`, {
      auth: { token: harness.adminToken },
      transports: ["websocket"],
    });
    const changes: CheckTask[] = [];
    console.on("checktask:changed", (task: CheckTask) => changes.push(task));
    await connected(console);

    const morning = new Date(tenThirtyLocal().getTime() - 3 * 3600 * 1000);
    const ack = await fine
      .timeout(3000)
      .emitWithAck("checkin:ok", { id: randomUUID(), at: morning.toISOString() });
    expect(ack).toEqual({ ok: true, data: { date: localDateAndHour(morning, "Asia/Shanghai").date } });

    now = new Date(tenThirtyLocal().getTime() - 3600 * 1000);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(changes).toHaveLength(0);
    now = tenThirtyLocal();
    await eventually(() => changes.length === 2, 3000);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(changes).toHaveLength(2);
    expect(changes.map((t) => t.elder.name).sort()).toEqual(["李奶奶", "赵奶奶"]);

    await late
      .timeout(3000)
      .emitWithAck("checkin:ok", { id: randomUUID(), at: tenThirtyLocal().toISOString() });
    await eventually(() => changes.some((t) => t.elder.name === "赵奶奶" && t.status === "done"));
    expect(changes.find((t) => t.elder.name === "赵奶奶" && t.status === "done")?.note).toBe("老人已报平安");

    const open = (await harness.api<{ tasks: CheckTask[] }>("GET", "/api/v1/check-tasks?status=open")).body
      .tasks;
    expect(open.map((t) => t.elder.name)).toEqual(["李奶奶"]);
    const done = await harness.api<CheckTask>("POST", `/api/v1/check-tasks/${open[0]!.id}/done`, {
      note: "电话联系，老人在女儿家",
    });
    expect(done.body).toMatchObject({ status: "done", doneBy: "管理员", note: "电话联系，老人在女儿家" });
    expect(
      (await harness.api("POST", `/api/v1/check-tasks/${open[0]!.id}/done`, { note: "again" })).status,
    ).toBe(409);
    expect(silent.connected).toBe(true);
    console.disconnect();
  });

  it("counts days in the county's time zone, not the server's", () => {
    expect(localDateAndHour(new Date("2026-11-28T17:30:00Z"), "Asia/Shanghai")).toEqual({
      date: "2026-11-29",
      hour: 1,
    });
    expect(localDateAndHour(new Date("2026-11-28T15:59:00Z"), "Asia/Shanghai")).toEqual({
      date: "2026-11-28",
      hour: 23,
    });
  });
});
