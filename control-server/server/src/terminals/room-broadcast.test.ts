import { describe, expect, it } from "vitest";
import { type BroadcastRooms, RoomBroadcaster } from "./room-broadcast";

/** A namespace whose sockets record what they receive, in order. */
function namespaceWith(room: string, size: number) {
  const received = new Map<string, number[]>();
  const members = new Set<string>();
  for (let i = 0; i < size; i++) {
    members.add(`socket-${i}`);
    received.set(`socket-${i}`, []);
  }
  const emits: number[] = [];
  const namespace: BroadcastRooms<number> = {
    adapter: { rooms: new Map([[room, members]]) },
    to: (rooms) => ({
      emit: (_event, payload) => {
        const ids = Array.isArray(rooms) ? rooms : [...members];
        emits.push(ids.length);
        for (const id of ids) received.get(id)!.push(payload);
      },
    }),
  };
  return { namespace, received, emits };
}

describe("room broadcasts", () => {
  it("reach every socket of a large room once, in chunks of 500", async () => {
    const { namespace, received, emits } = namespaceWith("group:a", 1200);
    const broadcaster = new RoomBroadcaster(namespace, "notices");
    await broadcaster.send("group:a", () => 1);
    expect(emits).toEqual([500, 500, 200]);
    expect([...received.values()].every((got) => got.length === 1 && got[0] === 1)).toBe(true);
  });

  it("a newer state supersedes one still going out: nobody gets the older after the newer", async () => {
    const { namespace, received } = namespaceWith("group:a", 1200);
    const broadcaster = new RoomBroadcaster(namespace, "notices");
    const first = broadcaster.send("group:a", () => 1);
    const second = broadcaster.send("group:a", () => 2);
    await Promise.all([first, second]);
    for (const got of received.values()) {
      expect(got.at(-1)).toBe(2);
      expect(got.indexOf(1)).toBeLessThanOrEqual(0);
    }
  });

  it("computes nothing for a room nobody is in", async () => {
    const { namespace } = namespaceWith("group:a", 3);
    const broadcaster = new RoomBroadcaster(namespace, "notices");
    let computed = 0;
    await broadcaster.send("group:empty", () => computed++);
    expect(computed).toBe(0);
  });
});
