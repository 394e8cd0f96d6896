import {
  applicationRatingSchema,
  MAX_MATERIAL_BYTES,
  materialMimeTypes,
  publicApplicationViewSchema,
  receiptCodeSchema,
  uploadPageSchema,
} from "@linli/protocol";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { answerRefusal } from "../applications/refusal-reply";
import type { ServerContext } from "../context";
import { httpError, httpErrorSchema } from "../http/errors";

const receiptParams = z.object({ receiptCode: receiptCodeSchema });
const tokenParams = z.object({ token: z.string().min(1).max(100) });

/**
 * What residents reach without an account, from the receipt QR code and the kiosk's upload QR code: the
 * receipt code or the upload token is the secret. Answers never carry an ID number or a phone number.
 */
export function publicApplicationRoutes(app: FastifyInstance, { applicationOffice }: ServerContext): void {
  // Raw material files for the phone upload; scoped so that no other route accepts these bodies.
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      [...materialMimeTypes],
      { parseAs: "buffer", bodyLimit: MAX_MATERIAL_BYTES },
      (_request, body, done) => done(null, body),
    );
    const api = scope.withTypeProvider<ZodTypeProvider>();

    api.post(
      "/api/v1/public/uploads/:token/files",
      {
        bodyLimit: MAX_MATERIAL_BYTES,
        schema: {
          tags: ["public"],
          summary: "Upload one material from the resident's phone (the raw file is the body)",
          description:
            "Content type image/jpeg, image/png or application/pdf, checked against the file's own bytes; " +
            "at most 5 MB. Header `x-file-name`: the file's name, URI-encoded.",
          params: tokenParams,
          querystring: z.object({ materialCode: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/) }),
          headers: z.object({
            "content-type": z.string(),
            "x-file-name": z.string().max(600).optional(),
          }),
          response: {
            201: z.object({ materialCode: z.string(), fileName: z.string(), size: z.number().int() }),
            400: httpErrorSchema,
            404: httpErrorSchema,
            410: httpErrorSchema,
          },
        },
      },
      async (request, reply) => {
        const bytes = request.body;
        if (!Buffer.isBuffer(bytes))
          return reply.code(400).send(httpError("invalid_payload", "send the file itself as the body"));
        let fileName = "material";
        try {
          fileName = decodeURIComponent(request.headers["x-file-name"] ?? fileName);
        } catch {
          return reply.code(400).send(httpError("invalid_payload", "x-file-name is not URI-encoded"));
        }
        return answerRefusal(reply, () => {
          const stored = applicationOffice.uploadFromPhone(request.params.token, {
            materialCode: request.query.materialCode,
            fileName,
            claimedType: request.headers["content-type"].split(";")[0]!.trim().toLowerCase(),
            bytes,
          });
          return reply
            .code(201)
            .send({ materialCode: stored.materialCode, fileName: stored.fileName, size: stored.size });
        });
      },
    );
  });

  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/api/v1/public/applications/:receiptCode",
    {
      schema: {
        tags: ["public"],
        summary: "An application's progress as the resident sees it (name masked)",
        params: receiptParams,
        response: { 200: publicApplicationViewSchema, 404: httpErrorSchema },
      },
    },
    async (request, reply) =>
      applicationOffice.publicView(request.params.receiptCode) ??
      reply.code(404).send(httpError("not_found", "no application with this receipt code")),
  );

  api.post(
    "/api/v1/public/applications/:receiptCode/rating",
    {
      schema: {
        tags: ["public"],
        summary: "Rate the service once the application is decided; once only",
        params: receiptParams,
        body: applicationRatingSchema.pick({ score: true, comment: true }),
        response: { 200: publicApplicationViewSchema, 404: httpErrorSchema, 409: httpErrorSchema },
      },
    },
    async (request, reply) =>
      answerRefusal(reply, () => applicationOffice.rateFromPhone(request.params.receiptCode, request.body)),
  );

  api.get(
    "/api/v1/public/uploads/:token",
    {
      schema: {
        tags: ["public"],
        summary: "The phone-upload page: the materials this application needs, and which have arrived",
        params: tokenParams,
        response: { 200: uploadPageSchema, 404: httpErrorSchema, 410: httpErrorSchema },
      },
    },
    async (request, reply) => answerRefusal(reply, () => applicationOffice.uploadPage(request.params.token)),
  );
}
