import { contactSchema, elderSummarySchema } from "@linli/protocol";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ServerContext } from "../context";
import { forReader, seesPhoneNumbers } from "../elders/elder-profiles";
import { httpError, httpErrorSchema } from "../http/errors";
import { canAccessCommunity } from "../http/staff-guard";

const phone = z.string().regex(/^\+?[0-9][0-9 -]{5,19}$/, "a phone number");
const contactInput = z.object({
  name: z.string().trim().min(1).max(32),
  relation: z.string().trim().max(16),
  phone,
});

const elderInput = z.object({
  communityId: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(32),
  address: z.string().trim().min(1).max(200),
  livingSituation: z.string().trim().max(200).default(""),
  conditions: z.array(z.string().trim().min(1).max(64)).max(20).default([]),
  medicationNotes: z.string().trim().max(1000).default(""),
  keyHolder: contactInput.nullable().default(null),
  emergencyContacts: z.array(contactInput).max(5).default([]),
  terminalId: z.string().min(1).max(64).nullable().default(null),
});

const elderRecordSchema = elderSummarySchema.extend({
  communityId: z.string(),
  terminalId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  keyHolder: contactSchema.nullable(),
});

const elderParams = z.object({ elderId: z.string().min(1).max(64) });
const security = [{ bearer: [] }];

export function elderRoutes(
  app: FastifyInstance,
  { db, guard, elders, terminals, audit }: ServerContext,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  /** Checks what ids in the input point at; returns an error message or null. */
  const problem = (input: z.infer<typeof elderInput>, elderId: string | null): string | null => {
    if (!db.prepare("SELECT 1 FROM communities WHERE id = ?").get(input.communityId)) {
      return `unknown community ${input.communityId}`;
    }
    if (input.terminalId) {
      const terminal = terminals.get(input.terminalId);
      if (terminal?.kind !== "elder") return "terminalId must be an enrolled elder unit";
      const holder = elders.byTerminal(input.terminalId);
      if (holder && holder.id !== elderId) return `that unit already belongs to ${holder.name}`;
    }
    return null;
  };

  api.get(
    "/api/v1/elders",
    {
      onRequest: guard(),
      schema: {
        tags: ["elders"],
        summary: "Elder profiles (phone numbers masked unless your role calls them)",
        security,
        response: { 200: z.object({ elders: z.array(elderRecordSchema) }) },
      },
    },
    async (request) => {
      const list = elders.list({ communityId: request.staff.communityId });
      if (seesPhoneNumbers(request.staff) && list.length > 0) {
        audit.record({
          actor: { type: "staff", id: request.staff.id },
          action: "elder.list_read",
          detail: { count: list.length },
          ip: request.ip,
        });
      }
      return { elders: list.map((elder) => forReader(elder, request.staff)) };
    },
  );

  api.get(
    "/api/v1/elders/:elderId",
    {
      onRequest: guard(),
      schema: {
        tags: ["elders"],
        summary: "One elder profile",
        security,
        params: elderParams,
        response: { 200: elderRecordSchema, 404: httpErrorSchema },
      },
    },
    async (request, reply) => {
      const elder = elders.get(request.params.elderId);
      if (!elder || !canAccessCommunity(request.staff, elder.communityId)) {
        return reply.code(404).send(httpError("not_found", "no such elder"));
      }
      audit.record({
        actor: { type: "staff", id: request.staff.id },
        action: "elder.read",
        target: { type: "elder", id: elder.id },
        ip: request.ip,
      });
      return forReader(elder, request.staff);
    },
  );

  api.post(
    "/api/v1/elders",
    {
      onRequest: guard("admin", "dispatcher", "community_staff"),
      schema: {
        tags: ["elders"],
        summary: "Create an elder profile",
        security,
        body: elderInput,
        response: { 201: elderRecordSchema, 400: httpErrorSchema },
      },
    },
    async (request, reply) => {
      if (!canAccessCommunity(request.staff, request.body.communityId)) {
        return reply.code(400).send(httpError("forbidden", "you can only add elders of your own community"));
      }
      const bad = problem(request.body, null);
      if (bad) return reply.code(400).send(httpError("invalid_payload", bad));
      return reply
        .code(201)
        .send(forReader(elders.create(request.body, request.staff, request.ip), request.staff));
    },
  );

  api.put(
    "/api/v1/elders/:elderId",
    {
      onRequest: guard("admin", "dispatcher", "community_staff"),
      schema: {
        tags: ["elders"],
        summary: "Replace an elder profile (contacts in calling order)",
        security,
        params: elderParams,
        body: elderInput,
        response: { 200: elderRecordSchema, 400: httpErrorSchema, 404: httpErrorSchema },
      },
    },
    async (request, reply) => {
      const existing = elders.get(request.params.elderId);
      if (!existing || !canAccessCommunity(request.staff, existing.communityId)) {
        return reply.code(404).send(httpError("not_found", "no such elder"));
      }
      if (!canAccessCommunity(request.staff, request.body.communityId)) {
        return reply.code(400).send(httpError("forbidden", "you can only keep elders in your own community"));
      }
      const bad = problem(request.body, existing.id);
      if (bad) return reply.code(400).send(httpError("invalid_payload", bad));
      return forReader(elders.update(existing.id, request.body, request.staff, request.ip)!, request.staff);
    },
  );
}
