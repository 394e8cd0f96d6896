import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { staffRoles } from "../auth/staff";
import type { ServerContext } from "../context";
import { httpError, httpErrorSchema } from "../http/errors";

export const staffPrincipalSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(staffRoles),
  communityId: z.string().nullable(),
});

export function authRoutes(app: FastifyInstance, { staff, guard }: ServerContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    "/api/v1/auth/login",
    {
      schema: {
        tags: ["auth"],
        summary: "Sign in; answers a bearer token for `Authorization: Bearer <token>`",
        body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
        response: {
          200: z.object({ token: z.string(), expiresAt: z.string(), staff: staffPrincipalSchema }),
          401: httpErrorSchema,
          423: httpErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await staff.login(request.body.username, request.body.password, request.ip);
      if (result.ok) return { token: result.token, expiresAt: result.expiresAt, staff: result.staff };
      if (result.reason === "locked") {
        return reply
          .code(423)
          .send(
            httpError(
              "forbidden",
              `too many failed sign-ins; try again after ${result.lockedUntil ?? "a while"}`,
            ),
          );
      }
      return reply.code(401).send(httpError("unauthorized", "wrong username or password"));
    },
  );

  api.post(
    "/api/v1/auth/logout",
    {
      onRequest: guard(),
      schema: {
        tags: ["auth"],
        summary: "End this session",
        security: [{ bearer: [] }],
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      staff.logout(request.sessionToken, request.staff, request.ip);
      return reply.code(204).send(null);
    },
  );

  api.post(
    "/api/v1/auth/password",
    {
      onRequest: guard(),
      schema: {
        tags: ["auth"],
        summary: "Change your own password; your other sessions end",
        security: [{ bearer: [] }],
        body: z.object({
          currentPassword: z.string().min(1).max(256),
          newPassword: z.string().min(10, "at least 10 characters").max(256),
        }),
        response: { 204: z.null(), 400: httpErrorSchema, 403: httpErrorSchema },
      },
    },
    async (request, reply) => {
      const { currentPassword, newPassword } = request.body;
      if (currentPassword === newPassword) {
        return reply
          .code(400)
          .send(httpError("invalid_payload", "the new password must differ from the current one"));
      }
      const changed = await staff.changePassword(
        request.staff,
        currentPassword,
        newPassword,
        request.sessionToken,
        request.ip,
      );
      if (!changed) return reply.code(403).send(httpError("forbidden", "the current password is wrong"));
      return reply.code(204).send(null);
    },
  );

  api.get(
    "/api/v1/auth/me",
    {
      onRequest: guard(),
      schema: {
        tags: ["auth"],
        summary: "Who is signed in",
        security: [{ bearer: [] }],
        response: { 200: staffPrincipalSchema },
      },
    },
    async (request) => request.staff,
  );
}
