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
