import { createReadStream, existsSync } from "node:fs";
import {
  applicationStatusSchema,
  applicationViewSchema,
  idNumberSchema,
  mobilePhoneSchema,
  receiptCodeSchema,
} from "@linli/protocol";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { APPLICATION_STAFF_ROLES } from "../applications/application-roles";
import { answerRefusal } from "../applications/refusal-reply";
import type { ServerContext } from "../context";
import { httpError, httpErrorSchema } from "../http/errors";

const security = [{ bearer: [] }];
const receiptParams = z.object({ receiptCode: receiptCodeSchema });
const answersSchema = z.record(z.string().regex(/^[a-z][a-z0-9-]{1,39}$/), z.boolean());

/** Residents' applications as the service centres handle them. */
export function applicationRoutes(app: FastifyInstance, { guard, applicationOffice }: ServerContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const staffOnly = guard(...APPLICATION_STAFF_ROLES);
  const notFound = httpError("not_found", "no such application");

  api.get(
    "/api/v1/applications",
    {
      onRequest: staffOnly,
      schema: {
        tags: ["applications"],
        summary:
          "Applications, newest first: every open one and the 500 newest decided; community staff see their own community's",
        description:
          "`q` matches a receipt code or part of the applicant's or the service's name (not an ID number: " +
          "query strings reach the request log).",
        security,
        querystring: z.object({
          status: applicationStatusSchema.optional(),
          q: z.string().max(60).optional(),
        }),
        response: { 200: z.array(applicationViewSchema) },
      },
    },
    async (request) => applicationOffice.list(request.staff, request.query, request.ip),
  );

  api.get(
    "/api/v1/applications/:receiptCode",
    {
      onRequest: staffOnly,
      schema: {
        tags: ["applications"],
        summary: "One application with its materials, files and history",
        security,
        params: receiptParams,
        response: { 200: applicationViewSchema, 404: httpErrorSchema },
      },
    },
    async (request, reply) =>
      applicationOffice.read(request.params.receiptCode, request.staff, request.ip) ??
      reply.code(404).send(notFound),
  );

  api.post(
    "/api/v1/applications/:receiptCode/status",
    {
      onRequest: staffOnly,
      schema: {
        tags: ["applications"],
        summary: "Move an application on (受理, 补正, 批准, 不予批准, 办结)",
        description:
          "submitted → accepted | needs-materials | rejected; accepted → needs-materials | approved | rejected; " +
          "needs-materials → accepted | rejected; approved → completed. The note is what the resident reads; " +
          "needs-materials and rejected require one.",
        security,
        params: receiptParams,
        body: z.object({ status: applicationStatusSchema, note: z.string().max(500).default("") }),
        response: {
          200: applicationViewSchema,
          400: httpErrorSchema,
          404: httpErrorSchema,
          409: httpErrorSchema,
        },
      },
    },
    async (request, reply) =>
      answerRefusal(reply, () =>
        applicationOffice.changeStatus(request.params.receiptCode, request.body, request.staff, request.ip),
      ),
  );

  api.get(
    "/api/v1/applications/:receiptCode/files/:fileId",
    {
      onRequest: staffOnly,
      schema: {
        tags: ["applications"],
        summary: "One material file of an application, with its content type",
        security,
        params: receiptParams.extend({ fileId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const file = applicationOffice.file(
        request.params.receiptCode,
        request.params.fileId,
        request.staff,
        request.ip,
      );
      if (!file || !existsSync(file.absolutePath))
        return reply.code(404).send(httpError("not_found", "no such file"));
      return reply
        .type(file.mimeType)
        .header("content-disposition", `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header("cache-control", "private, no-store")
        .send(createReadStream(file.absolutePath));
    },
  );

  api.post(
    "/api/v1/applications",
    {
      onRequest: staffOnly,
      schema: {
        tags: ["applications"],
        summary: "File an application for a resident at the counter; the server issues the receipt code",
        description:
          "Community staff file in their own community; county-wide staff name `communityId` unless the " +
          "resident is in the registry.",
        security,
        body: z.object({
          serviceCode: z.string().min(1).max(40),
          applicant: z.object({
            idNumber: idNumberSchema,
            name: z.string().trim().min(1).max(60),
            phone: mobilePhoneSchema.nullable().default(null),
          }),
          answers: answersSchema.default({}),
          communityId: z.string().min(1).max(64).optional(),
        }),
        response: { 201: applicationViewSchema, 400: httpErrorSchema },
      },
    },
    async (request, reply) =>
      answerRefusal(reply, () =>
        reply.code(201).send(applicationOffice.createForWalkIn(request.body, request.staff, request.ip)),
      ),
  );
}
