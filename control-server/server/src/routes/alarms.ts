import { alarmStatuses, alarmViewSchema } from "@linli/protocol";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AlarmActionResult } from "../alarms/alarm-service";
import type { ServerContext } from "../context";
import { seesPhoneNumbers } from "../elders/elder-profiles";
import { httpError, httpErrorSchema } from "../http/errors";

const alarmParams = z.object({ alarmId: z.string().min(1).max(64) });
const security = [{ bearer: [] }];

export function alarmRoutes(app: FastifyInstance, { guard, alarms, audit }: ServerContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/api/v1/alarms",
    {
      onRequest: guard(),
      schema: {
        tags: ["alarms"],
        summary: "Alarms, newest first; `status=open` is the queue nobody has taken yet",
        security,
        querystring: z.object({
          status: z.enum(alarmStatuses).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ alarms: z.array(alarmViewSchema) }) },
      },
    },
    async (request) => {
      const list = alarms.list({ ...request.query, communityId: request.staff.communityId }, request.staff);
      if (seesPhoneNumbers(request.staff) && list.some((alarm) => alarm.elder)) {
        audit.record({
          actor: { type: "staff", id: request.staff.id },
          action: "elder.contacts_read",
          detail: { alarms: list.filter((a) => a.elder).length },
          ip: request.ip,
        });
      }
      return { alarms: list };
    },
  );

  api.get(
    "/api/v1/alarms/:alarmId",
    {
      onRequest: guard(),
      schema: {
        tags: ["alarms"],
        summary: "One alarm with the elder's profile and its full history",
        security,
        params: alarmParams,
        response: { 200: alarmViewSchema, 404: httpErrorSchema },
      },
    },
    async (request, reply) => {
      const alarm = alarms.view(request.params.alarmId, request.staff);
      if (!alarm || (request.staff.communityId && request.staff.communityId !== alarm.community.id)) {
        return reply.code(404).send(httpError("not_found", "no such alarm"));
      }
      if (alarm.elder && seesPhoneNumbers(request.staff)) {
        audit.record({
          actor: { type: "staff", id: request.staff.id },
          action: "elder.contacts_read",
          target: { type: "elder", id: alarm.elder.id },
          ip: request.ip,
        });
      }
      return alarm;
    },
  );

  const actionOptions = (summary: string) => ({
    onRequest: guard("admin", "dispatcher", "community_staff"),
    schema: {
      tags: ["alarms"],
      summary,
      security,
      params: alarmParams,
      response: { 200: alarmViewSchema, 404: httpErrorSchema, 409: httpErrorSchema },
    },
  });
  const withNote = (summary: string) => {
    const options = actionOptions(summary);
    return {
      ...options,
      schema: { ...options.schema, body: z.object({ note: z.string().trim().min(1).max(2000) }) },
    };
  };
  const failure = (result: Extract<AlarmActionResult, { ok: false }>) =>
    result.reason === "not_found"
      ? { status: 404 as const, body: httpError("not_found", "no such alarm") }
      : { status: 409 as const, body: httpError("conflict", "this alarm is already closed") };

  api.post(
    "/api/v1/alarms/:alarmId/ack",
    actionOptions("Take the alarm: it stops escalating and the elder hears who took it"),
    async (request, reply) => {
      const result = alarms.acknowledge(request.params.alarmId, request.staff, request.ip);
      if (result.ok) return result.alarm;
      const { status, body } = failure(result);
      return reply.code(status).send(body);
    },
  );

  api.post(
    "/api/v1/alarms/:alarmId/resolve",
    withNote("Close the alarm with what was done"),
    async (request, reply) => {
      const result = alarms.resolve(request.params.alarmId, request.body.note, request.staff, request.ip);
      if (result.ok) return result.alarm;
      const { status, body } = failure(result);
      return reply.code(status).send(body);
    },
  );

  api.post(
    "/api/v1/alarms/:alarmId/notes",
    withNote("Add a note to the alarm's history"),
    async (request, reply) => {
      const result = alarms.addNote(request.params.alarmId, request.body.note, request.staff, request.ip);
      if (result.ok) return result.alarm;
      const { status, body } = failure(result);
      return reply.code(status).send(body);
    },
  );
}
