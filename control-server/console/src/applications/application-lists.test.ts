import type { ApplicationView } from "@linli/protocol";
import { describe, expect, it } from "vitest";
import { isOverdue, nextStatuses, queue, upsert } from "./application-lists";

const DAY = 86_400_000;
const NOW = Date.parse("2026-11-28T08:00:00Z");

function application(
  receiptCode: string,
  overrides: Partial<ApplicationView> & { daysAgo?: number; name?: string } = {},
): ApplicationView {
  const submittedAt = new Date(NOW - (overrides.daysAgo ?? 1) * DAY).toISOString();
  return {
    receiptCode,
    service: {
      code: "residence-permit",
      name: "居住证",
      nameEn: "Residence permit",
      department: "公安",
      departmentEn: "Police",
    },
    applicantName: "王*英",
    status: "submitted",
    submittedAt,
    targetAt: new Date(NOW + 3 * DAY).toISOString(),
    materials: [],
    history: [{ at: submittedAt, status: "submitted", note: "" }],
    rating: null,
    community: { id: "xiangbin", name: "湘滨社区" },
    channel: "kiosk",
    terminal: null,
    applicant: {
      name: overrides.name ?? "王小英",
      idMasked: "430***********1234",
      phone: null,
      registered: true,
    },
    answers: {},
    files: [],
    ...overrides,
  };
}

describe("the applications queue", () => {
  const older = application("AAAA-BBBB-CCCC", { daysAgo: 5, name: "李四" });
  const newer = application("K7M2-9QXD-4HTP", { daysAgo: 1 });
  const done = application("DDDD-EEEE-FFFF", { daysAgo: 2, status: "completed" });

  it("puts the newest first and filters by status, open ones and search", () => {
    expect(queue([older, done, newer], "all", "").map((a) => a.receiptCode)).toEqual([
      "K7M2-9QXD-4HTP",
      "DDDD-EEEE-FFFF",
      "AAAA-BBBB-CCCC",
    ]);
    expect(queue([older, done, newer], "open", "").map((a) => a.receiptCode)).toEqual([
      "K7M2-9QXD-4HTP",
      "AAAA-BBBB-CCCC",
    ]);
    expect(queue([older, done, newer], "completed", "")).toEqual([done]);
    expect(queue([older, done, newer], "all", "k7m2 9qxd")).toEqual([newer]);
    expect(queue([older, done, newer], "all", "李四")).toEqual([older]);
    expect(queue([older, done, newer], "all", "居住证")).toHaveLength(3);
  });

  it("calls undecided applications past their promised date overdue, decided ones never", () => {
    const late = application("AAAA-BBBB-CCCC", { targetAt: new Date(NOW - DAY).toISOString() });
    expect(isOverdue(late, NOW)).toBe(true);
    expect(isOverdue({ ...late, status: "needs-materials" }, NOW)).toBe(true);
    expect(isOverdue({ ...late, status: "approved" }, NOW)).toBe(false);
    expect(isOverdue(newer, NOW)).toBe(false);
  });

  it("replaces a changed application and adds a new one", () => {
    const accepted = { ...older, status: "accepted" as const };
    expect(upsert([older, newer], accepted)).toEqual([accepted, newer]);
    expect(upsert([older], newer)).toEqual([newer, older]);
  });

  it("offers only the transitions the server allows", () => {
    expect(nextStatuses.submitted).toEqual(["accepted", "needs-materials", "rejected"]);
    expect(nextStatuses.approved).toEqual(["completed"]);
    expect(nextStatuses.completed).toEqual([]);
  });
});
