import type { Lift } from "@linli/protocol";

const DUE_SOON_MS = 30 * 24 * 60 * 60 * 1000;

/** What residents are told about a lift: out of service wins; then past due; then due within 30 days. */
export function liftStatus(
  lift: { nextInspectionDue: string; outOfService: boolean },
  now: Date,
): Lift["status"] {
  if (lift.outOfService) return "out-of-service";
  const untilDue = Date.parse(lift.nextInspectionDue) - now.getTime();
  if (untilDue < 0) return "overdue";
  return untilDue <= DUE_SOON_MS ? "due-soon" : "ok";
}
