import type { StaffRole } from "../api/types";

/** Who takes alarms (acknowledge, note, resolve) and keeps elder profiles: the server's rule, mirrored. */
export const handlesAlarms = (role: StaffRole) =>
  role === "admin" || role === "dispatcher" || role === "community_staff";

export const editsElders = handlesAlarms;

/** Roles that phone people during an alarm see numbers in full; the server masks them for everyone else. */
export const seesPhoneNumbers = (role: StaffRole) => role === "admin" || role === "dispatcher";
