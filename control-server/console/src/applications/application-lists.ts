import type { ApplicationStatus, ApplicationView } from "@linli/protocol";

/** What a clerk may do next from each status (the server enforces the same table). */
export const nextStatuses: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  submitted: ["accepted", "needs-materials", "rejected"],
  accepted: ["needs-materials", "approved", "rejected"],
  "needs-materials": ["accepted", "rejected"],
  approved: ["completed"],
  rejected: [],
  completed: [],
};

/** The resident reads these notes on the receipt page: what to correct, or why not. */
export const needsNote = (status: ApplicationStatus) => status === "needs-materials" || status === "rejected";

const DECIDED: readonly ApplicationStatus[] = ["approved", "rejected", "completed"];

/** Past the promised date and still not decided: the department owes the resident an answer. */
export function isOverdue(application: ApplicationView, now: number): boolean {
  return !DECIDED.includes(application.status) && Date.parse(application.targetAt) < now;
}

export type StatusFilter = ApplicationStatus | "all" | "open";

/** Matches receipt codes however typed (case, spaces, no dashes), names and service names. */
function matches(application: ApplicationView, query: string): boolean {
  const wanted = query.trim().toLowerCase();
  if (!wanted) return true;
  const compact = wanted.replace(/[\s-]/g, "").toUpperCase();
  return (
    (compact.length > 0 && application.receiptCode.replace(/-/g, "").includes(compact)) ||
    application.applicant.name.toLowerCase().includes(wanted) ||
    application.service.name.toLowerCase().includes(wanted) ||
    application.service.nameEn.toLowerCase().includes(wanted)
  );
}

/** The queue as shown: the chosen status ("open": everything not completed or rejected), the search, newest first. */
export function queue(all: ApplicationView[], filter: StatusFilter, query: string): ApplicationView[] {
  return all
    .filter((application) =>
      filter === "all"
        ? true
        : filter === "open"
          ? application.status !== "completed" && application.status !== "rejected"
          : application.status === filter,
    )
    .filter((application) => matches(application, query))
    .sort((a, b) => Date.parse(b.submittedAt) - Date.parse(a.submittedAt));
}

/** One application changed (live push or an action): replace it, or add it when new. */
export function upsert(all: ApplicationView[], changed: ApplicationView): ApplicationView[] {
  const index = all.findIndex((application) => application.receiptCode === changed.receiptCode);
  if (index === -1) return [changed, ...all];
  return all.map((application, i) => (i === index ? changed : application));
}
