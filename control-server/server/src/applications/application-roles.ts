import type { StaffRole } from "../auth/staff";

/**
 * Who handles residents' applications: the community service centres and county caseworkers.
 * Dispatchers answer alarms and have no business reading certificates.
 */
export const APPLICATION_STAFF_ROLES: StaffRole[] = ["admin", "caseworker", "community_staff"];
