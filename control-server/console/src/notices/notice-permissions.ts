import type { StaffRole } from "../api/types";

/** Who writes to residents (the server's rule, mirrored): the county's caseworkers and each community's staff. */
export const publishesNotices = (role: StaffRole) =>
  role === "admin" || role === "caseworker" || role === "community_staff";
