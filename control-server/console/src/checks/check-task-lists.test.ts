import type { CheckTask } from "@linli/protocol";
import { describe, expect, it } from "vitest";
import { mergeTask, openTasks, recentlyDone } from "./check-task-lists";

const task = (id: string, overrides: Partial<CheckTask> = {}): CheckTask => ({
  id,
  date: "2026-11-28",
  status: "open",
  elder: { id: `e-${id}`, name: id, address: "湘滨社区" },
  community: { id: "xiangbin", name: "湘滨社区" },
  terminalId: `t-${id}`,
  createdAt: "2026-11-28T02:00:00.000Z",
  doneAt: null,
  doneBy: null,
  note: null,
  ...overrides,
});

describe("check task lists", () => {
  it("never reopen a task an older list still shows open", () => {
    const done = task("李奶奶", { status: "done", doneAt: "2026-11-28T03:00:00.000Z", note: "老人已报平安" });
    expect(mergeTask([done], task("李奶奶"))).toEqual([done]);
    expect(mergeTask([task("李奶奶")], done)).toEqual([done]);
  });

  it("list yesterday's open tasks first, then by name; the latest closed first", () => {
    const tasks = [
      task("赵奶奶"),
      task("张爷爷", { date: "2026-11-27" }),
      task("李奶奶"),
      task("a", { status: "done", doneAt: "2026-11-28T03:00:00.000Z" }),
      task("b", { status: "done", doneAt: "2026-11-28T04:00:00.000Z" }),
    ];
    expect(openTasks(tasks).map((t) => t.elder.name)).toEqual(["张爷爷", "李奶奶", "赵奶奶"]);
    expect(recentlyDone(tasks, 5).map((t) => t.id)).toEqual(["b", "a"]);
  });
});
