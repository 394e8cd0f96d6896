import {
  ackErrorSchema,
  phoneApplicationCreatedSchema,
  phoneApplicationSchema,
  phoneApplyProblems,
  publicServicesSchema,
  verificationCodeRequestSchema,
  verificationCodeSentSchema,
} from "@linli/protocol";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { listActiveApplicationServices } from "../applications/catalogue";
import { VerificationRefusal } from "../applications/phone-verification";
import { answerRefusal } from "../applications/refusal-reply";
import type { ServerContext } from "../context";
import { httpError } from "../http/errors";

/** The usual `{error}` body, with the reason the phone page puts into the resident's own words. */
const applyErrorSchema = z.object({
  error: ackErrorSchema.extend({
    problem: z.enum(phoneApplyProblems).optional(),
    /** After a wrong code: how many tries it has left. */
    triesLeft: z.number().int().optional(),
    /** After a refused text: seconds until asking again may succeed (also the Retry-After header). */
    retryAfter: z.number().int().optional(),
  }),
});

function answerVerificationRefusal(reply: FastifyReply, error: unknown): FastifyReply {
  if (!(error instanceof VerificationRefusal)) throw error;
  if (error.retryAfterSeconds !== null) void reply.header("retry-after", String(error.retryAfterSeconds));
  return reply.code(error.status).send({
    error: {
      code: error.code,
      message: error.message,
      problem: error.problem,
      ...(error.triesLeft === null ? {} : { triesLeft: error.triesLeft }),
      ...(error.retryAfterSeconds === null ? {} : { retryAfter: error.retryAfterSeconds }),
    },
  });
}

/**
 * Applying from the resident's phone (`/r/apply`), without an account: the resident proves the phone
 * they give with a text-message code, and the server issues the receipt code. Without an SMS gateway
 * nobody can prove a phone, so these answer 503 and residents apply at the kiosk.
 */
export function publicApplyRoutes(
  app: FastifyInstance,
  { db, applicationOffice, phoneVerification }: ServerContext,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/api/v1/public/services",
    {
      schema: {
        tags: ["public"],
        summary: "What a resident can apply for from the phone, and the communities to apply in",
        description:
          "The county's active catalogue (the same in every community) and the communities. " +
          "`phoneApplications` is false when no SMS gateway is configured: the phone page then sends " +
          "residents to the kiosk.",
        querystring: z.object({ communityId: z.string().min(1).max(60).optional() }),
        response: {
          200: publicServicesSchema,
          400: applyErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const communities = db.prepare("SELECT id, name FROM communities ORDER BY rowid").all() as Array<{
        id: string;
        name: string;
      }>;
      const { communityId } = request.query;
      if (communityId && !communities.some((community) => community.id === communityId))
        return reply.code(400).send(httpError("invalid_payload", `unknown community ${communityId}`));
      return {
        communities,
        services: listActiveApplicationServices(db),
        phoneApplications: phoneVerification.available,
      };
    },
  );

  api.post(
    "/api/v1/public/verification-codes",
    {
      schema: {
        tags: ["public"],
        summary: "Text a 6-digit code to the resident's mobile phone (valid 10 minutes)",
        description:
          "At most one text per phone per 60 s and 5 per hour, and a cap per address (429 with " +
          "Retry-After). 503 when no SMS gateway is configured.",
        body: verificationCodeRequestSchema,
        response: {
          202: verificationCodeSentSchema,
          400: applyErrorSchema,
          429: applyErrorSchema,
          503: applyErrorSchema,
        },
      },
    },
    async (request, reply) => {
      try {
        const sent = await phoneVerification.send(request.body.phone, request.ip);
        return reply.code(202).send(sent);
      } catch (error) {
        return answerVerificationRefusal(reply, error);
      }
    },
  );

  api.post(
    "/api/v1/public/applications",
    {
      schema: {
        tags: ["public"],
        summary: "Apply from the phone with the code texted to the applicant's phone",
        description:
          "The server issues the receipt code and opens a phone-upload session for the materials " +
          "(`uploadUrl`). A wrong code counts a try; the fifth wrong try kills the code.",
        body: phoneApplicationSchema,
        response: {
          201: phoneApplicationCreatedSchema,
          400: applyErrorSchema,
          503: applyErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const { code, ...application } = request.body;
      try {
        phoneVerification.requireAvailable();
        return answerRefusal(reply, () => {
          const created = applicationOffice.submitFromPhone(
            application,
            () => phoneVerification.confirm(application.applicant.phone, code, request.ip),
            request.ip,
          );
          return reply.code(201).send(created);
        });
      } catch (error) {
        return answerVerificationRefusal(reply, error);
      }
    },
  );
}
