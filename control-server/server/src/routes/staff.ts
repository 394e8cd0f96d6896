import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { staffRoles } from "../auth/staff";
import type { ServerContext } from "../context";
import { httpError, httpErrorSchema } from "../http/errors";

const staffAccountSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(staffRoles),
  communityId: z.string().nullable(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});

const newStaffSchema = z
  .object({
    username: z.string().regex(/^[a-z0-9._-]{3,32}$/i, "3–32 letters, digits, dots, dashes or underscores"),
    displayName: z.string().min(1).max(64),
    password: z.string().min(10, "at least 10 characters").max(256),
    role: z.enum(staffRoles),
    communityId: z.string().nullable().default(null),
  })
  .refine((s) => s.role !== "community_staff" || s.communityId !== null, {
    message: "community staff need a communityId",
    path: ["communityId"],
  });

export function staffRoutes(app: FastifyInstance, { db, staff, guard, audit }: ServerContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/api/v1/staff",
    {
      onRequest: guard("admin"),
      schema: {
        tags: ["staff"],
        summary: "Staff accounts",
        security: [{ bearer: [] }],
        response: { 200: z.object({ staff: z.array(staffAccountSchema) }) },
      },
    },
    async () => ({ staff: staff.list() }),
  );

  api.post(
    "/api/v1/staff",
    {
      onRequest: guard("admin"),
      schema: {
        tags: ["staff"],
        summary: "Create a staff account",
        security: [{ bearer: [] }],
        body: newStaffSchema,
        response: { 201: staffAccountSchema, 400: httpErrorSchema, 409: httpErrorSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (body.communityId && !db.prepare("SELECT 1 FROM communities WHERE id = ?").get(body.communityId)) {
        return reply.code(400).send(httpError("invalid_payload", `unknown community ${body.communityId}`));
      }
      if (staff.findByUsername(body.username)) {
        return reply.code(409).send(httpError("conflict", `username ${body.username} is taken`));
      }
      const account = await staff.create(body, request.staff, request.ip);
      return reply.code(201).send(account);
    },
  );

  api.get(
    "/api/v1/audit",
    {
      onRequest: guard("admin"),
      schema: {
        tags: ["audit"],
        summary: "The audit log, newest first",
        security: [{ bearer: [] }],
        querystring: z.object({
          action: z.string().max(64).optional(),
          before: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
    },
    async (request) => ({ entries: audit.list(request.query) }),
  );
}
