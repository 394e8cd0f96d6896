import { commandTypeSchema, terminalKindSchema, terminalSummarySchema } from "@linli/protocol";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ServerContext } from "../context";
import { httpError, httpErrorSchema } from "../http/errors";
import { canAccessCommunity } from "../http/staff-guard";
import { commandStates } from "../terminals/commands";

const terminalParams = z.object({ terminalId: z.string().min(1).max(64) });

const commandSchema = z.object({
  id: z.string(),
  terminalId: z.string(),
  type: commandTypeSchema,
  params: z.record(z.string(), z.unknown()),
  state: z.enum(commandStates),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  sentAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  detail: z.string().nullable(),
});

export function terminalRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { db, guard, terminals, enrollment, commands, supervisor, bus } = ctx;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const security = [{ bearer: [] }];

  api.post(
    "/api/v1/terminals/enrollment-codes",
    {
      onRequest: guard("admin"),
      schema: {
        tags: ["terminals"],
        summary: "Create a one-time enrolment code for a new kiosk or elder unit",
        security,
        body: z.object({
          kind: terminalKindSchema,
          communityId: z.string().min(1).max(64),
          name: z.string().trim().min(1).max(64),
        }),
        response: { 201: z.object({ code: z.string(), expiresAt: z.string() }), 400: httpErrorSchema },
      },
    },
    async (request, reply) => {
      if (!db.prepare("SELECT 1 FROM communities WHERE id = ?").get(request.body.communityId)) {
        return reply
          .code(400)
          .send(httpError("invalid_payload", `unknown community ${request.body.communityId}`));
      }
      return reply.code(201).send(enrollment.createCode(request.body, request.staff, request.ip));
    },
  );

  api.post(
    "/api/v1/terminals/enroll",
    {
      schema: {
        tags: ["terminals"],
        summary: "A terminal exchanges its one-time code for its credentials (the code is the credential)",
        body: z.object({ code: z.string().min(4).max(32) }),
        response: { 201: z.object({ terminalId: z.string(), token: z.string() }), 403: httpErrorSchema },
      },
    },
    async (request, reply) => {
      const result = enrollment.enroll(request.body.code, request.ip);
      if (result.ok) return reply.code(201).send({ terminalId: result.terminalId, token: result.token });
      const messages = {
        invalid: "unknown enrolment code",
        used: "this enrolment code has already been used; ask for a new one",
        expired: "this enrolment code has expired; ask for a new one",
      } as const;
      return reply
        .code(403)
        .send(httpError(result.reason === "expired" ? "expired" : "forbidden", messages[result.reason]));
    },
  );

  api.get(
    "/api/v1/terminals",
    {
      onRequest: guard(),
      schema: {
        tags: ["terminals"],
        summary: "Every terminal with its presence, software version and device health",
        security,
        querystring: z.object({ communityId: z.string().max(64).optional() }),
        response: { 200: z.object({ terminals: z.array(terminalSummarySchema) }) },
      },
    },
    async (request) => {
      const communityId = request.staff.communityId ?? request.query.communityId ?? null;
      return { terminals: terminals.list({ communityId }).map((t) => supervisor.withLiveness(t)) };
    },
  );

  api.get(
    "/api/v1/terminals/:terminalId",
    {
      onRequest: guard(),
      schema: {
        tags: ["terminals"],
        summary: "One terminal with its presence history and recent log",
        security,
        params: terminalParams,
        response: {
          200: terminalSummarySchema.extend({
            presence: z.array(z.object({ online: z.boolean(), reason: z.string(), at: z.string() })),
            log: z.array(
              z.object({
                id: z.string(),
                at: z.string(),
                level: z.string(),
                code: z.string(),
                message: z.string(),
              }),
            ),
          }),
          404: httpErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const terminal = terminals.get(request.params.terminalId);
      if (!terminal || !canAccessCommunity(request.staff, terminal.communityId)) {
        return reply.code(404).send(httpError("not_found", "no such terminal"));
      }
      const log = db
        .prepare(
          "SELECT id, at, level, code, message FROM terminal_log WHERE terminal_id = ? ORDER BY at DESC LIMIT 50",
        )
        .all(terminal.id) as Array<{ id: string; at: string; level: string; code: string; message: string }>;
      return {
        ...supervisor.withLiveness(terminal),
        presence: terminals.presenceHistory(terminal.id, 50),
        log,
      };
    },
  );

  api.post(
    "/api/v1/terminals/:terminalId/revoke",
    {
      onRequest: guard("admin"),
      schema: {
        tags: ["terminals"],
        summary: "Revoke a terminal's credentials and disconnect it at once",
        security,
        params: terminalParams,
        response: { 200: terminalSummarySchema, 404: httpErrorSchema },
      },
    },
    async (request, reply) => {
      const terminal = terminals.revoke(request.params.terminalId, request.staff, request.ip);
      if (!terminal) return reply.code(404).send(httpError("not_found", "no such terminal"));
      bus.emit("terminal:revoked", terminal.id);
      return terminal;
    },
  );

  api.post(
    "/api/v1/terminals/:terminalId/commands",
    {
      onRequest: guard("admin"),
      schema: {
        tags: ["terminals"],
        summary: "Queue a persistent command; it is delivered when the terminal is online, until it expires",
        security,
        params: terminalParams,
        body: z.object({
          type: commandTypeSchema,
          params: z.record(z.string(), z.unknown()).default({}),
          ttlSeconds: z
            .number()
            .int()
            .min(10)
            .max(30 * 24 * 3600)
            .default(24 * 3600),
        }),
        response: { 201: commandSchema, 404: httpErrorSchema, 409: httpErrorSchema },
      },
    },
    async (request, reply) => {
      const terminal = terminals.get(request.params.terminalId);
      if (!terminal) return reply.code(404).send(httpError("not_found", "no such terminal"));
      if (terminal.revoked)
        return reply.code(409).send(httpError("conflict", "this terminal has been revoked"));
      const command = commands.create(
        {
          terminalId: terminal.id,
          type: request.body.type,
          params: request.body.params,
          ttlMs: request.body.ttlSeconds * 1000,
        },
        request.staff,
        request.ip,
      );
      bus.emit("command:queued", { terminalId: terminal.id, commandId: command.id });
      return reply.code(201).send(commands.get(command.id)!);
    },
  );

  api.get(
    "/api/v1/terminals/:terminalId/commands",
    {
      onRequest: guard(),
      schema: {
        tags: ["terminals"],
        summary: "A terminal's commands and their states, newest first",
        security,
        params: terminalParams,
        response: { 200: z.object({ commands: z.array(commandSchema) }), 404: httpErrorSchema },
      },
    },
    async (request, reply) => {
      const terminal = terminals.get(request.params.terminalId);
      if (!terminal || !canAccessCommunity(request.staff, terminal.communityId)) {
        return reply.code(404).send(httpError("not_found", "no such terminal"));
      }
      commands.expire();
      return { commands: commands.list(terminal.id) };
    },
  );
}
