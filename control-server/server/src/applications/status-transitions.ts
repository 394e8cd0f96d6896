import type { ApplicationStatus } from "@linli/protocol";

/** What a clerk may do next from each status; decided applications only move on to collection. */
export const STATUS_TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  submitted: ["accepted", "needs-materials", "rejected"],
  accepted: ["needs-materials", "approved", "rejected"],
  "needs-materials": ["accepted", "rejected"],
  approved: ["completed"],
  rejected: [],
  completed: [],
};

/** The resident reads the note of these: what to correct, or why not. */
export const STATUSES_NEEDING_A_NOTE: readonly ApplicationStatus[] = ["needs-materials", "rejected"];
