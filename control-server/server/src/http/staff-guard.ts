import type { FastifyReply, FastifyRequest } from "fastify";
import type { StaffPrincipal, StaffRole, StaffService } from "../auth/staff";
import { httpError } from "./errors";

declare module "fastify" {
  interface FastifyRequest {
    /** Set by the staff guard on every route that requires a signed-in staff member. */
    staff: StaffPrincipal;
    sessionToken: string;
  }
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  return header?.startsWith("Bearer ") ? header.slice("Bearer ".length).trim() || null : null;
}

/** preHandler factory: the caller must be signed in and, when roles are given, hold one of them. */
export type StaffGuard = (
  ...roles: StaffRole[]
) => (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

export function createStaffGuard(staff: StaffService): StaffGuard {
  return (...roles) =>
    async (request, reply) => {
      const token = bearerToken(request);
      const principal = token ? staff.authenticate(token) : null;
      if (!token || !principal) {
        return reply
          .code(401)
          .send(httpError("unauthorized", "sign in first: Authorization: Bearer <token>"));
      }
      if (roles.length > 0 && !roles.includes(principal.role)) {
        return reply
          .code(403)
          .send(httpError("forbidden", `this needs one of the roles: ${roles.join(", ")}`));
      }
      request.staff = principal;
      request.sessionToken = token;
      return undefined;
    };
}

/** Community staff may only touch their own community; county-wide roles may touch any. */
export function canAccessCommunity(staff: StaffPrincipal, communityId: string): boolean {
  return staff.communityId === null || staff.communityId === communityId;
}
