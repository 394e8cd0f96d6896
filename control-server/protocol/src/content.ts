import { z } from "zod";
import { applicationServiceSchema } from "./applications";
import { isoDateTimeSchema } from "./common";
import { noticeSchema } from "./notices";

/** A service guide or policy explained in plain words (办事指南, 政策解读). */
export const guideSchema = z.object({
  id: z.string(),
  title: z.string().min(1).max(80),
  titleEn: z.string().min(1).max(120),
  category: z.enum(["guide", "policy"]),
  body: z.string().min(1).max(5000),
  bodyEn: z.string().max(8000),
  updatedAt: isoDateTimeSchema,
});
export type Guide = z.infer<typeof guideSchema>;

export const facilityKinds = ["toilet", "parking", "petrol", "clinic", "pharmacy", "charging"] as const;

/** A place near the community: public toilets, parking, petrol stations, clinics, … */
export const facilitySchema = z.object({
  id: z.string(),
  kind: z.enum(facilityKinds),
  name: z.string().min(1).max(80),
  address: z.string().min(1).max(160),
  /** Walking distance from the community service centre. */
  distanceMeters: z.number().int().min(0).max(100_000),
  openingHours: z.string().max(80),
  phone: z.string().max(20).nullable(),
});
export type Facility = z.infer<typeof facilitySchema>;

/** Lift inspection status as residents see it; `status` is computed from the dates by the server. */
export const liftSchema = z.object({
  id: z.string(),
  buildingId: z.string(),
  buildingName: z.string(),
  location: z.string(),
  lastInspectedAt: isoDateTimeSchema,
  nextInspectionDue: isoDateTimeSchema,
  status: z.enum(["ok", "due-soon", "overdue", "out-of-service"]),
});
export type Lift = z.infer<typeof liftSchema>;

/**
 * Live (kiosk → server, `kiosk:content`): everything a kiosk shows without a resident, for its
 * community. The kiosk caches it on disk and shows the cache while the server is unreachable.
 */
export const kioskContentSchema = z.object({
  /** Base of the public resident pages, for receipt QR codes (e.g. http://192.168.1.10:8080). */
  publicUrl: z.string().url(),
  community: z.object({ id: z.string(), name: z.string() }),
  catalogue: z.array(applicationServiceSchema),
  notices: z.array(noticeSchema),
  guides: z.array(guideSchema),
  facilities: z.array(facilitySchema),
  lifts: z.array(liftSchema),
  fetchedAt: isoDateTimeSchema,
});
export type KioskContent = z.infer<typeof kioskContentSchema>;

/** Staff write guides and policies for the whole county. */
export const guideInputSchema = z.object({
  title: z.string().trim().min(1).max(80),
  titleEn: z.string().trim().min(1).max(120),
  category: z.enum(["guide", "policy"]),
  body: z.string().trim().min(1).max(5000),
  bodyEn: z.string().trim().max(8000),
});
export type GuideInput = z.infer<typeof guideInputSchema>;

export const facilityInputSchema = z.object({
  communityId: z.string().min(1).max(64),
  kind: z.enum(facilityKinds),
  name: z.string().trim().min(1).max(80),
  address: z.string().trim().min(1).max(160),
  distanceMeters: z.number().int().min(0).max(100_000),
  openingHours: z.string().trim().max(80),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 -]{2,19}$/, "a phone number")
    .nullable(),
});
export type FacilityInput = z.infer<typeof facilityInputSchema>;

/** A facility as staff see it: with the community it is listed for. */
export const staffFacilitySchema = facilitySchema.extend({ communityId: z.string() });
export type StaffFacility = z.infer<typeof staffFacilitySchema>;

export const buildingSchema = z.object({ id: z.string(), communityId: z.string(), name: z.string() });
export type Building = z.infer<typeof buildingSchema>;

/** A lift names its building by id, or a new building of a community by name. */
export const liftInputSchema = z
  .object({
    buildingId: z.string().min(1).max(64).optional(),
    newBuilding: z
      .object({ communityId: z.string().min(1).max(64), name: z.string().trim().min(1).max(80) })
      .optional(),
    location: z.string().trim().min(1).max(80),
    lastInspectedAt: isoDateTimeSchema,
    nextInspectionDue: isoDateTimeSchema,
    outOfService: z.boolean(),
  })
  .refine((input) => Boolean(input.buildingId) !== Boolean(input.newBuilding), {
    message: "name either buildingId or newBuilding",
    path: ["buildingId"],
  })
  .refine((input) => Date.parse(input.nextInspectionDue) > Date.parse(input.lastInspectedAt), {
    message: "the next inspection must be after the last one",
    path: ["nextInspectionDue"],
  });
export type LiftInput = z.infer<typeof liftInputSchema>;

export const staffLiftSchema = liftSchema.extend({ communityId: z.string(), outOfService: z.boolean() });
export type StaffLift = z.infer<typeof staffLiftSchema>;
