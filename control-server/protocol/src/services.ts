import { z } from "zod";
import { isoDateTimeSchema } from "./common";
import { serviceRatings, serviceStatuses } from "./terminal";

/** One entry of the elder-service catalogue. */
export const elderServiceSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  /** How long the centre has, from the request, to get it done. */
  targetMinutes: z.number().int(),
});
export type ElderService = z.infer<typeof elderServiceSchema>;

export const providerSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(["organisation", "volunteer"]),
  phone: z.string(),
  serviceCodes: z.array(z.string()),
  communityIds: z.array(z.string()),
  active: z.boolean(),
});
export type Provider = z.infer<typeof providerSchema>;

export const serviceRequestViewSchema = z.object({
  id: z.string(),
  status: z.enum(serviceStatuses),
  service: elderServiceSchema,
  community: z.object({ id: z.string(), name: z.string() }),
  terminal: z.object({ id: z.string(), name: z.string() }),
  elder: z.object({ id: z.string(), name: z.string(), address: z.string() }).nullable(),
  provider: z.object({ id: z.string(), name: z.string() }).nullable(),
  requestedAt: isoDateTimeSchema,
  acceptedAt: isoDateTimeSchema.nullable(),
  dispatchedAt: isoDateTimeSchema.nullable(),
  startedAt: isoDateTimeSchema.nullable(),
  doneAt: isoDateTimeSchema.nullable(),
  targetAt: isoDateTimeSchema,
  /** Set when the target passed before the request was done; a console alert went out. */
  targetMissedAt: isoDateTimeSchema.nullable(),
  rating: z.enum(serviceRatings).nullable(),
  reopenedCount: z.number().int(),
  events: z.array(
    z.object({
      at: isoDateTimeSchema,
      type: z.string(),
      actor: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
});
export type ServiceRequestView = z.infer<typeof serviceRequestViewSchema>;

/** A county service as one community offers it: whether it does, and its own target (else the county's). */
export const communityElderServiceSchema = elderServiceSchema.extend({
  offered: z.boolean(),
  countyTargetMinutes: z.number().int(),
});
export type CommunityElderService = z.infer<typeof communityElderServiceSchema>;
