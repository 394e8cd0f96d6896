import type { CheckTask } from "@linli/protocol";

/** A task only ever goes from open to done: a done view of it is never undone by an older open one. */
export function mergeTask(list: readonly CheckTask[], task: CheckTask): CheckTask[] {
  const index = list.findIndex((t) => t.id === task.id);
  if (index < 0) return [...list, task];
  if (list[index]!.status === "done" && task.status === "open") return [...list];
  return list.map((t, i) => (i === index ? task : t));
}

export const mergeTasks = (list: readonly CheckTask[], fetched: readonly CheckTask[]) =>
  fetched.reduce<CheckTask[]>((merged, task) => mergeTask(merged, task), [...list]);

/** Elders still to contact: the oldest reminder first (yesterday's before today's), then by name. */
export const openTasks = (tasks: readonly CheckTask[]) =>
  tasks
    .filter((t) => t.status === "open")
    .sort((a, b) => a.date.localeCompare(b.date) || a.elder.name.localeCompare(b.elder.name, "zh-CN"));

/** Closed tasks, the most recently closed first. */
export const recentlyDone = (tasks: readonly CheckTask[], limit: number) =>
  tasks
    .filter((t) => t.status === "done")
    .sort((a, b) => Date.parse(b.doneAt ?? b.createdAt) - Date.parse(a.doneAt ?? a.createdAt))
    .slice(0, limit);
