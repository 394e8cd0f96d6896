import { noticeInputSchema, noticeReceiptsViewSchema, staffNoticeSchema } from "@linli/protocol";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ServerContext } from "../context";
import { httpError, httpErrorSchema } from "../http/errors";
import type { NoticeChange } from "../notices/notice-board";

const security = [{ bearer: [] }];
const tags = ["notices"];
const noticeParams = z.object({ noticeId: z.string().min(1).max(64) });
/** Who writes to residents: the county's caseworkers and each community's own staff. */
const PUBLISHERS = ["admin", "caseworker", "community_staff"] as const;

const STATUS_OF: Record<Extract<NoticeChange, { ok: false }>["reason"], number> = {
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  invalid_payload: 400,
};

export function noticeRoutes(app: FastifyInstance, { guard, notices, bus }: ServerContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const changeResponses = {
    400: httpErrorSchema,
    403: httpErrorSchema,
    404: httpErrorSchema,
    409: httpErrorSchema,
  };

  api.get(
    "/api/v1/notices",
    {
      onRequest: guard(),
      schema: {
        tags,
        summary: "Notices, newest first, with how many terminals proved delivery, display and 'heard it'",
        security,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(200) }),
        response: { 200: z.object({ notices: z.array(staffNoticeSchema) }) },
      },
    },
    async (request) => ({ notices: notices.list(request.staff, request.query.limit) }),
  );

  api.post(
    "/api/v1/notices",
    {
      onRequest: guard(...PUBLISHERS),
      schema: {
        tags,
        summary: "Publish a notice to the terminals of some communities (none: every community)",
        security,
        body: noticeInputSchema,
        response: { 201: staffNoticeSchema, ...changeResponses },
      },
    },
    async (request, reply) => {
      const change = notices.publish(request.body, request.staff, request.ip);
      if (!change.ok)
        return reply.code(STATUS_OF[change.reason]).send(httpError(change.reason, change.message));
      bus.emit("notices:changed", { groups: change.groups });
      return reply.code(201).send(change.notice);
    },
  );

  api.put(
    "/api/v1/notices/:noticeId",
    {
      onRequest: guard(...PUBLISHERS),
      schema: {
        tags,
        summary: "Change a notice; terminals get the new text at once (receipts already given are kept)",
        security,
        params: noticeParams,
        body: noticeInputSchema,
        response: { 200: staffNoticeSchema, ...changeResponses },
      },
    },
    async (request, reply) => {
      const change = notices.update(request.params.noticeId, request.body, request.staff, request.ip);
      if (!change.ok)
        return reply.code(STATUS_OF[change.reason]).send(httpError(change.reason, change.message));
      bus.emit("notices:changed", { groups: change.groups });
      return change.notice;
    },
  );

  api.post(
    "/api/v1/notices/:noticeId/withdraw",
    {
      onRequest: guard(...PUBLISHERS),
      schema: {
        tags,
        summary: "Withdraw a notice: it leaves every screen",
        security,
        params: noticeParams,
        response: { 200: staffNoticeSchema, ...changeResponses },
      },
    },
    async (request, reply) => {
      const change = notices.withdraw(request.params.noticeId, request.staff, request.ip);
      if (!change.ok)
        return reply.code(STATUS_OF[change.reason]).send(httpError(change.reason, change.message));
      bus.emit("notices:changed", { groups: change.groups });
      return change.notice;
    },
  );

  api.get(
    "/api/v1/notices/:noticeId/receipts",
    {
      onRequest: guard(),
      schema: {
        tags,
        summary: "Per terminal: delivered, shown, heard; and the households to call back",
        description:
          "The call-back list names the elder units that did not confirm a notice requiring confirmation, " +
          "with the household's first emergency contact (phone masked for roles that do not phone people).",
        security,
        params: noticeParams,
        response: { 200: noticeReceiptsViewSchema, 404: httpErrorSchema },
      },
    },
    async (request, reply) =>
      notices.receipts(request.params.noticeId, request.staff, request.ip) ??
      reply.code(404).send(httpError("not_found", "no such notice")),
  );

  api.post(
    "/api/v1/notices/:noticeId/call-backs/:terminalId",
    {
      onRequest: guard("admin", "dispatcher", "caseworker", "community_staff"),
      schema: {
        tags,
        summary: "Note that staff phoned a household about a notice, and what they found",
        security,
        params: noticeParams.extend({ terminalId: z.string().min(1).max(64) }),
        body: z.object({ note: z.string().trim().min(1).max(500) }),
        response: { 200: noticeReceiptsViewSchema, 404: httpErrorSchema },
      },
    },
    async (request, reply) => {
      const { noticeId, terminalId } = request.params;
      const result = notices.recordCallBack(
        noticeId,
        terminalId,
        request.body.note,
        request.staff,
        request.ip,
      );
      if (result === "not_found")
        return reply.code(404).send(httpError("not_found", "no such notice or elder unit"));
      bus.emit("notice:receipt", { noticeId, terminalId });
      return notices.receipts(noticeId, request.staff, request.ip)!;
    },
  );
}
