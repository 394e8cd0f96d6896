import { z } from "zod";
import { eventIdSchema, isoDateTimeSchema } from "./common";

/**
 * Receipt codes (回执码): issued by the kiosk itself, so that an application submitted while the server
 * is unreachable already has its code. 60 random bits in Crockford base32, grouped for reading aloud
 * and typing: "K7M2-9QXD-4HTP". The server keeps the code the kiosk issued.
 */
export const RECEIPT_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const receiptCodeSchema = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);

/** Draws a new receipt code from `randomBytes` (crypto.getRandomValues or node:crypto), 12 symbols. */
export function newReceiptCode(randomBytes: (length: number) => Uint8Array): string {
  const symbols = Array.from(randomBytes(12), (byte) => RECEIPT_CODE_ALPHABET[byte & 31]);
  return [symbols.slice(0, 4), symbols.slice(4, 8), symbols.slice(8)]
    .map((group) => group.join(""))
    .join("-");
}

/** Normalises what a resident typed (lower case, spaces, O for 0, I/L for 1) into a receipt code, or null. */
export function normaliseReceiptCode(typed: string): string | null {
  const symbols = typed.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  const code =
    symbols.length === 12 ? `${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8)}` : "";
  return receiptCodeSchema.safeParse(code).success ? code : null;
}

/** 18-character citizen ID number; the check digit is verified at every boundary with hardware's `isValidIdNumber`. */
export const idNumberSchema = z.string().regex(/^\d{17}[\dX]$/);
export const mobilePhoneSchema = z.string().regex(/^1\d{10}$/);

const codeSchema = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/);

/** A yes/no question that decides which materials a resident needs ("Have you been divorced?"). */
export const applicationQuestionSchema = z.object({
  code: codeSchema,
  text: z.string().min(1).max(200),
  textEn: z.string().min(1).max(200),
});
export type ApplicationQuestion = z.infer<typeof applicationQuestionSchema>;

/** One material of a service; needed when every answer named in `when` matches (an empty `when`: always). */
export const applicationMaterialSchema = z.object({
  code: codeSchema,
  name: z.string().min(1).max(100),
  nameEn: z.string().min(1).max(100),
  /** What to bring or upload, e.g. "原件及复印件各一份". */
  note: z.string().max(200).default(""),
  noteEn: z.string().max(200).default(""),
  when: z.record(codeSchema, z.boolean()).default({}),
});
export type ApplicationMaterial = z.infer<typeof applicationMaterialSchema>;

/** A certificate or service residents apply for at a kiosk (居住证, 再生育证, 失业登记, …). */
export const applicationServiceSchema = z.object({
  code: codeSchema,
  name: z.string().min(1).max(60),
  nameEn: z.string().min(1).max(100),
  department: z.string().min(1).max(60),
  departmentEn: z.string().min(1).max(100),
  summary: z.string().max(500),
  summaryEn: z.string().max(500),
  /** Working days the department promises, from submission to a decision. */
  targetDays: z.number().int().min(1).max(365),
  questions: z.array(applicationQuestionSchema).max(10),
  materials: z.array(applicationMaterialSchema).min(1).max(30),
  active: z.boolean(),
});
export type ApplicationService = z.infer<typeof applicationServiceSchema>;
export type ApplicationAnswers = Record<string, boolean>;

/** The materials this resident needs, for their answers; unanswered questions count as "no". */
export function materialsNeeded(
  service: ApplicationService,
  answers: ApplicationAnswers,
): ApplicationMaterial[] {
  return service.materials.filter((material) =>
    Object.entries(material.when).every(([question, expected]) => (answers[question] ?? false) === expected),
  );
}

export const applicationStatuses = [
  /** At the centre, not yet looked at. */
  "submitted",
  /** A clerk accepted it (受理): it is complete enough to work on. */
  "accepted",
  /** The clerk needs more or corrected materials (补正); the resident is told which. */
  "needs-materials",
  /** Approved: ready to collect, or on its way. */
  "approved",
  /** Not approved, with the reason. */
  "rejected",
  /** Collected or delivered (办结). */
  "completed",
] as const;
export const applicationStatusSchema = z.enum(applicationStatuses);
export type ApplicationStatus = z.infer<typeof applicationStatusSchema>;
/** Statuses after which the resident may rate the service. */
export const rateableApplicationStatuses: readonly ApplicationStatus[] = ["completed", "rejected"];

export const materialMimeTypes = ["image/jpeg", "image/png", "application/pdf"] as const;
export const materialMimeTypeSchema = z.enum(materialMimeTypes);
/** Largest material file accepted, at the kiosk, on the phone page and by the server. */
export const MAX_MATERIAL_BYTES = 5 * 1024 * 1024;

/** Durable: a resident submits an application at a kiosk (the code is the one the kiosk issued). */
export const applicationSubmitSchema = z.object({
  id: eventIdSchema,
  receiptCode: receiptCodeSchema,
  serviceCode: codeSchema,
  applicant: z.object({
    idNumber: idNumberSchema,
    name: z.string().min(1).max(60),
    phone: mobilePhoneSchema.nullable(),
  }),
  answers: z.record(codeSchema, z.boolean()),
  submittedAt: isoDateTimeSchema,
});
export type ApplicationSubmit = z.infer<typeof applicationSubmitSchema>;

/**
 * Durable: one material captured at the kiosk (document camera or webcam). Keyed by receipt code, so it
 * may arrive before or after its application; the server keeps it with the application.
 */
export const applicationMaterialFileSchema = z.object({
  id: eventIdSchema,
  receiptCode: receiptCodeSchema,
  materialCode: codeSchema,
  fileName: z.string().min(1).max(120),
  mimeType: materialMimeTypeSchema,
  /** The file, base64; at most MAX_MATERIAL_BYTES once decoded. */
  dataBase64: z.string().max(Math.ceil((MAX_MATERIAL_BYTES * 4) / 3) + 4),
  addedAt: isoDateTimeSchema,
});
export type ApplicationMaterialFile = z.infer<typeof applicationMaterialFileSchema>;

/** Durable (kiosk) or HTTP (phone page): the resident's verdict once the application is decided. */
export const applicationRatingSchema = z.object({
  id: eventIdSchema,
  receiptCode: receiptCodeSchema,
  score: z.number().int().min(1).max(5),
  comment: z.string().max(200).default(""),
  ratedAt: isoDateTimeSchema,
});
export type ApplicationRating = z.infer<typeof applicationRatingSchema>;

/**
 * What a resident sees of an application: at the kiosk, on the phone page, from the receipt QR code.
 * No ID number or phone; the name is masked (王*英).
 */
export const publicApplicationViewSchema = z.object({
  receiptCode: receiptCodeSchema,
  service: applicationServiceSchema.pick({
    code: true,
    name: true,
    nameEn: true,
    department: true,
    departmentEn: true,
  }),
  applicantName: z.string(),
  status: applicationStatusSchema,
  submittedAt: isoDateTimeSchema,
  /** When the department promised a decision. */
  targetAt: isoDateTimeSchema,
  /** Every material this application needs, and whether the centre has it. */
  materials: z.array(
    z.object({ code: z.string(), name: z.string(), nameEn: z.string(), provided: z.boolean() }),
  ),
  /** Each status with its time and the clerk's note to the resident (e.g. what to correct). */
  history: z.array(z.object({ at: isoDateTimeSchema, status: applicationStatusSchema, note: z.string() })),
  rating: z.object({ score: z.number().int(), comment: z.string(), ratedAt: isoDateTimeSchema }).nullable(),
});
export type PublicApplicationView = z.infer<typeof publicApplicationViewSchema>;

/** Live (kiosk → server): who holds this ID card or typed this ID number, from the population registry. */
export const residentIdentifySchema = z.object({
  idNumber: idNumberSchema,
  name: z.string().min(1).max(60),
  source: z.enum(["card", "typed"]),
});
export type ResidentIdentify = z.infer<typeof residentIdentifySchema>;

/**
 * The registry's answer. `known: false` means no record matched (or the name did not match the
 * number): the server proposed a new record for staff review, and the kiosk carries on with the
 * card's name.
 */
export interface ResidentIdentity {
  known: boolean;
  name: string;
  /** The resident's building, to show its lifts first; null when unknown. */
  buildingId: string | null;
}

/**
 * Live (kiosk → server): no ID card with them, the resident typed their ID number; the centre texts a
 * code to the phone the population registry has for that person. `not_found` when the registry has no
 * phone for the number (or no such resident: the kiosk cannot tell the two apart).
 */
export const residentSendCodeSchema = z.object({ idNumber: idNumberSchema });
export type ResidentSendCode = z.infer<typeof residentSendCodeSchema>;
export interface ResidentCodeSent {
  /** The registry's phone as 138****1234, so the resident knows where to look. */
  phoneMasked: string;
  expiresAt: string;
  /** Another text is refused before this time. */
  resendAfter: string;
}

/**
 * Live (kiosk → server): the code the resident typed; answered with the registry's identity
 * (`known: true`). Refused `invalid_payload` (wrong code, tries left in the message), `expired` (expired,
 * used or never sent: ask for a new one) or `forbidden` (too many wrong tries: ask for a new one).
 */
export const residentVerifySchema = z.object({
  idNumber: idNumberSchema,
  code: z.string().regex(/^\d{6}$/),
});
export type ResidentVerify = z.infer<typeof residentVerifySchema>;

/** Live (kiosk → server): the resident's applications, by receipt code or by the signed-in ID number. */
export const applicationLookupSchema = z.union([
  z.object({ receiptCode: receiptCodeSchema }),
  z.object({ idNumber: idNumberSchema }),
]);
export type ApplicationLookup = z.infer<typeof applicationLookupSchema>;

/** Live (kiosk → server): open a phone-upload session for an application being filled in at the kiosk. */
export const uploadSessionRequestSchema = z.object({
  receiptCode: receiptCodeSchema,
  serviceCode: codeSchema,
  answers: z.record(codeSchema, z.boolean()),
});
export type UploadSessionRequest = z.infer<typeof uploadSessionRequestSchema>;
export interface UploadSession {
  /** The phone page to open, e.g. https://linli.example.gov.cn/r/upload/<token>; shown as a QR code. */
  url: string;
  expiresAt: string;
}

/** Server → kiosk: a file arrived from the resident's phone for an application at this kiosk. */
export const uploadReceivedSchema = z.object({
  receiptCode: receiptCodeSchema,
  materialCode: z.string(),
  fileName: z.string(),
  at: isoDateTimeSchema,
});
export type UploadReceived = z.infer<typeof uploadReceivedSchema>;

/** An application as staff see it in the console: the public view plus who, where and the files. */
export const applicationViewSchema = publicApplicationViewSchema.extend({
  community: z.object({ id: z.string(), name: z.string() }),
  /** Where it was submitted: a kiosk (named), by staff in the console, or on the resident's phone page. */
  channel: z.enum(["kiosk", "console", "phone"]),
  terminal: z.object({ id: z.string(), name: z.string() }).nullable(),
  applicant: z.object({
    name: z.string(),
    /** Masked (430***********1234) for every role. */
    idMasked: z.string(),
    /** Masked unless the staff member's role needs it. */
    phone: z.string().nullable(),
    /** Matched in the population registry. */
    registered: z.boolean(),
  }),
  answers: z.record(z.string(), z.boolean()),
  files: z.array(
    z.object({
      id: z.string(),
      materialCode: z.string(),
      fileName: z.string(),
      mimeType: materialMimeTypeSchema,
      size: z.number().int(),
      source: z.enum(["kiosk", "phone"]),
      addedAt: isoDateTimeSchema,
    }),
  ),
});
export type ApplicationView = z.infer<typeof applicationViewSchema>;

/** A card holder the population registry did not know, as staff review it; the ID number comes masked. */
export const residentProposalSchema = z.object({
  id: z.string(),
  /** Masked (430***********1234). */
  idMasked: z.string(),
  name: z.string(),
  source: z.enum(["card", "typed"]),
  community: z.object({ id: z.string(), name: z.string() }),
  terminal: z.object({ id: z.string(), name: z.string() }).nullable(),
  status: z.enum(["pending", "approved", "rejected"]),
  /** How often the card was presented since the proposal was made. */
  seenCount: z.number().int(),
  proposedAt: z.string(),
  lastSeenAt: z.string(),
});
export type ResidentProposal = z.infer<typeof residentProposalSchema>;

/** What the phone page of an upload session shows (`GET /api/v1/public/uploads/{token}`). */
export const uploadPageSchema = z.object({
  receiptCode: receiptCodeSchema,
  service: applicationServiceSchema.pick({ code: true, name: true, nameEn: true }),
  materials: z.array(
    applicationMaterialSchema
      .pick({ code: true, name: true, nameEn: true, note: true, noteEn: true })
      .extend({
        provided: z.boolean(),
      }),
  ),
  expiresAt: isoDateTimeSchema,
  /** Opened at a kiosk, where the resident carries on; false: the resident applied on this phone. */
  fromKiosk: z.boolean(),
});
export type UploadPage = z.infer<typeof uploadPageSchema>;

/** What a resident applying from their phone (`/r/apply`) chooses from: the active catalogue and the communities. */
export const publicServicesSchema = z.object({
  communities: z.array(z.object({ id: z.string(), name: z.string() })),
  services: z.array(applicationServiceSchema),
  /** False when the server has no SMS gateway: nobody can prove a phone, so residents apply at the kiosk. */
  phoneApplications: z.boolean(),
});
export type PublicServices = z.infer<typeof publicServicesSchema>;

/** A text-message code proves the resident holds the phone they give; 6 digits. */
export const verificationCodeSchema = z.string().regex(/^\d{6}$/);
export const verificationCodeRequestSchema = z.object({ phone: mobilePhoneSchema });
export const verificationCodeSentSchema = z.object({
  expiresAt: isoDateTimeSchema,
  /** Another text to this phone is refused before this time. */
  resendAfter: isoDateTimeSchema,
});
export type VerificationCodeSent = z.infer<typeof verificationCodeSentSchema>;

/** An application from the resident's phone page; the server issues the receipt code. */
export const phoneApplicationSchema = z.object({
  communityId: z.string().min(1).max(60),
  serviceCode: codeSchema,
  answers: z.record(codeSchema, z.boolean()),
  applicant: z.object({
    idNumber: idNumberSchema,
    name: z.string().trim().min(1).max(60),
    phone: mobilePhoneSchema,
  }),
  code: verificationCodeSchema,
});
export type PhoneApplication = z.infer<typeof phoneApplicationSchema>;
export const phoneApplicationCreatedSchema = z.object({
  receiptCode: receiptCodeSchema,
  /** The phone-upload page of a session opened for this application. */
  uploadUrl: z.string(),
});
export type PhoneApplicationCreated = z.infer<typeof phoneApplicationCreatedSchema>;

/**
 * Why a text-message code or an application from the phone was refused, beside the error code, so that
 * the phone page can say it in the resident's language.
 */
export const phoneApplyProblems = [
  "no-sms-gateway",
  "sms-failed",
  "too-soon",
  "too-many-texts",
  "no-code",
  "wrong-code",
  "code-expired",
  "code-locked",
  "code-used",
  "id-number",
] as const;
export type PhoneApplyProblem = (typeof phoneApplyProblems)[number];
