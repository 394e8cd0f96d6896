import type { StaffRole } from "../api/types";

/**
 * Who handles residents' applications, the catalogue and resident checks (the server's rule): the
 * centres and caseworkers. Dispatchers answer alarms and have no business reading certificates.
 */
export const handlesApplications = (role: StaffRole) => role !== "dispatcher";
