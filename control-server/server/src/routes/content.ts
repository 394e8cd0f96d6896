import {
  buildingSchema,
  facilityInputSchema,
  guideInputSchema,
  guideSchema,
  liftInputSchema,
  staffFacilitySchema,
  staffLiftSchema,
} from "@linli/protocol";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { StaffPrincipal } from "../auth/staff";
import type { ServerContext } from "../context";
import { httpError, httpErrorSchema } from "../http/errors";
import { canAccessCommunity } from "../http/staff-guard";

const security = [{ bearer: [] }];
const tags = ["kiosk content"];
const idParams = z.object({ id: z.string().min(1).max(64) });
const errors = { 400: httpErrorSchema, 403: httpErrorSchema, 404: httpErrorSchema };
/** Guides are the county's; facilities and lifts are also kept by each community's own staff. */
const COUNTY_EDITORS = ["admin", "caseworker"] as const;
const LOCAL_EDITORS = ["admin", "caseworker", "community_staff"] as const;

/** Guides and policies, nearby facilities and lifts: what kiosks show; every change tells the kiosks. */
export function contentRoutes(
  app: FastifyInstance,
  { db, guard, guides, facilities, lifts, bus }: ServerContext,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const communityExists = (id: string) =>
    Boolean(db.prepare("SELECT 1 FROM communities WHERE id = ?").get(id));
  const changed = (communityId: string | null) => bus.emit("content:changed", { communityId });

  api.get(
    "/api/v1/guides",
    {
      onRequest: guard(),
      schema: {
        tags,
        summary: "Service guides and policies (zh-CN and English)",
        security,
        response: { 200: z.object({ guides: z.array(guideSchema) }) },
      },
    },
    async () => ({ guides: guides.list() }),
  );

  api.post(
    "/api/v1/guides",
    {
      onRequest: guard(...COUNTY_EDITORS),
      schema: {
        tags,
        summary: "Add a guide or policy",
        security,
        body: guideInputSchema,
        response: { 201: guideSchema, ...errors },
      },
    },
    async (request, reply) => {
      const guide = guides.save(null, request.body, request.staff, request.ip)!;
      changed(null);
      return reply.code(201).send(guide);
    },
  );

  api.put(
    "/api/v1/guides/:id",
    {
      onRequest: guard(...COUNTY_EDITORS),
      schema: {
        tags,
        summary: "Change a guide or policy",
        security,
        params: idParams,
        body: guideInputSchema,
        response: { 200: guideSchema, ...errors },
      },
    },
    async (request, reply) => {
      const guide = guides.save(request.params.id, request.body, request.staff, request.ip);
      if (!guide) return reply.code(404).send(httpError("not_found", "no such guide"));
      changed(null);
      return guide;
    },
  );

  api.delete(
    "/api/v1/guides/:id",
    {
      onRequest: guard(...COUNTY_EDITORS),
      schema: {
        tags,
        summary: "Remove a guide or policy",
        security,
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      if (!guides.remove(request.params.id, request.staff, request.ip))
        return reply.code(404).send(httpError("not_found", "no such guide"));
      changed(null);
      return reply.code(204).send(null);
    },
  );

  api.get(
    "/api/v1/facilities",
    {
      onRequest: guard(),
      schema: {
        tags,
        summary: "Nearby facilities, nearest first (community staff: their community's)",
        security,
        querystring: z.object({ communityId: z.string().max(64).optional() }),
        response: { 200: z.object({ facilities: z.array(staffFacilitySchema) }) },
      },
    },
    async (request) => ({
      facilities: facilities.list(request.staff.communityId ?? request.query.communityId ?? null),
    }),
  );

  /** The community a facility or lift is written for must exist and be the writer's. */
  const communityProblem = (communityId: string, staff: StaffPrincipal) => {
    if (!communityExists(communityId))
      return { status: 400, error: httpError("invalid_payload", `unknown community ${communityId}`) };
    if (!canAccessCommunity(staff, communityId))
      return {
        status: 403,
        error: httpError("forbidden", "community staff keep their own community's content"),
      };
    return null;
  };

  api.post(
    "/api/v1/facilities",
    {
      onRequest: guard(...LOCAL_EDITORS),
      schema: {
        tags,
        summary: "Add a nearby facility",
        security,
        body: facilityInputSchema,
        response: { 201: staffFacilitySchema, ...errors },
      },
    },
    async (request, reply) => {
      const problem = communityProblem(request.body.communityId, request.staff);
      if (problem) return reply.code(problem.status).send(problem.error);
      const facility = facilities.save(null, request.body, request.staff, request.ip)!;
      changed(facility.communityId);
      return reply.code(201).send(facility);
    },
  );

  api.put(
    "/api/v1/facilities/:id",
    {
      onRequest: guard(...LOCAL_EDITORS),
      schema: {
        tags,
        summary: "Change a nearby facility",
        security,
        params: idParams,
        body: facilityInputSchema,
        response: { 200: staffFacilitySchema, ...errors },
      },
    },
    async (request, reply) => {
      const existing = facilities.get(request.params.id);
      if (!existing || !canAccessCommunity(request.staff, existing.communityId))
        return reply.code(404).send(httpError("not_found", "no such facility"));
      const problem = communityProblem(request.body.communityId, request.staff);
      if (problem) return reply.code(problem.status).send(problem.error);
      const facility = facilities.save(request.params.id, request.body, request.staff, request.ip)!;
      changed(existing.communityId);
      if (facility.communityId !== existing.communityId) changed(facility.communityId);
      return facility;
    },
  );

  api.delete(
    "/api/v1/facilities/:id",
    {
      onRequest: guard(...LOCAL_EDITORS),
      schema: {
        tags,
        summary: "Remove a nearby facility",
        security,
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const existing = facilities.get(request.params.id);
      if (!existing || !canAccessCommunity(request.staff, existing.communityId))
        return reply.code(404).send(httpError("not_found", "no such facility"));
      facilities.remove(existing.id, request.staff, request.ip);
      changed(existing.communityId);
      return reply.code(204).send(null);
    },
  );

  api.get(
    "/api/v1/buildings",
    {
      onRequest: guard(),
      schema: {
        tags,
        summary: "Residential buildings with lifts",
        security,
        querystring: z.object({ communityId: z.string().max(64).optional() }),
        response: { 200: z.object({ buildings: z.array(buildingSchema) }) },
      },
    },
    async (request) => ({
      buildings: lifts.buildings(request.staff.communityId ?? request.query.communityId ?? null),
    }),
  );

  api.get(
    "/api/v1/lifts",
    {
      onRequest: guard(),
      schema: {
        tags,
        summary: "Lifts with their inspection dates and the status residents see",
        security,
        querystring: z.object({ communityId: z.string().max(64).optional() }),
        response: { 200: z.object({ lifts: z.array(staffLiftSchema) }) },
      },
    },
    async (request) => ({
      lifts: lifts.list(request.staff.communityId ?? request.query.communityId ?? null),
    }),
  );

  /** The community the lift input's building belongs to, or why it cannot be used. */
  const liftCommunity = (input: z.infer<typeof liftInputSchema>, staff: StaffPrincipal) => {
    const communityId = input.newBuilding?.communityId ?? lifts.building(input.buildingId ?? "")?.communityId;
    if (!communityId)
      return { problem: { status: 400, error: httpError("invalid_payload", "unknown building") } };
    const problem = communityProblem(communityId, staff);
    return problem ? { problem } : { communityId };
  };

  api.post(
    "/api/v1/lifts",
    {
      onRequest: guard(...LOCAL_EDITORS),
      schema: {
        tags,
        summary: "Add a lift",
        security,
        body: liftInputSchema,
        response: { 201: staffLiftSchema, ...errors },
      },
    },
    async (request, reply) => {
      const target = liftCommunity(request.body, request.staff);
      if (target.problem) return reply.code(target.problem.status).send(target.problem.error);
      const lift = lifts.save(null, request.body, request.staff, request.ip)!;
      changed(lift.communityId);
      return reply.code(201).send(lift);
    },
  );

  api.put(
    "/api/v1/lifts/:id",
    {
      onRequest: guard(...LOCAL_EDITORS),
      schema: {
        tags,
        summary: "Change a lift: a new inspection, the next due date, out of service or back",
        security,
        params: idParams,
        body: liftInputSchema,
        response: { 200: staffLiftSchema, ...errors },
      },
    },
    async (request, reply) => {
      const existing = lifts.get(request.params.id);
      if (!existing || !canAccessCommunity(request.staff, existing.communityId))
        return reply.code(404).send(httpError("not_found", "no such lift"));
      const target = liftCommunity(request.body, request.staff);
      if (target.problem) return reply.code(target.problem.status).send(target.problem.error);
      const lift = lifts.save(existing.id, request.body, request.staff, request.ip)!;
      changed(existing.communityId);
      if (lift.communityId !== existing.communityId) changed(lift.communityId);
      return lift;
    },
  );

  api.delete(
    "/api/v1/lifts/:id",
    {
      onRequest: guard(...LOCAL_EDITORS),
      schema: {
        tags,
        summary: "Remove a lift",
        security,
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const existing = lifts.get(request.params.id);
      if (!existing || !canAccessCommunity(request.staff, existing.communityId))
        return reply.code(404).send(httpError("not_found", "no such lift"));
      lifts.remove(existing.id, request.staff, request.ip);
      changed(existing.communityId);
      return reply.code(204).send(null);
    },
  );
}
