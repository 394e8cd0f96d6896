import { randomBytes } from "node:crypto";
import {
  type Ack,
  type ApplicationService,
  fail,
  type KioskContent,
  MAX_MATERIAL_BYTES,
  materialMimeTypeSchema,
  materialsNeeded,
  mobilePhoneSchema,
  newReceiptCode,
  normaliseReceiptCode,
  ok,
  type PublicApplicationView,
  publicApplicationViewSchema,
  receiptCodeSchema,
  type UploadReceived,
  type UploadSession,
} from "@linli/protocol";
import { z } from "zod";
import type { ApplicationDraft, ReceiptOutcome, SubmittedApplication } from "../bridge/contract";
import type { ReceiptPrinterPort } from "./device-host";
import { encodeReceipt } from "./receipt-printout";
import type { ResidentSessions } from "./resident-session";
import type { RuntimeContext } from "./runtime-context";

const answersSchema = z.record(z.string().regex(/^[a-z][a-z0-9-]{1,39}$/), z.boolean());
const startSchema = z.object({ serviceCode: z.string().min(1).max(40) });
const captureSchema = z.object({
  receiptCode: receiptCodeSchema,
  materialCode: z.string().min(1).max(40),
  fileName: z.string().min(1).max(120),
  mimeType: materialMimeTypeSchema,
  dataBase64: z.string().min(1),
});
const phoneUploadSchema = z.object({ receiptCode: receiptCodeSchema, answers: answersSchema });
const submitSchema = z.object({
  receiptCode: receiptCodeSchema,
  answers: answersSchema,
  phone: mobilePhoneSchema.nullable(),
});
const lookupSchema = z.union([
  z.object({ receiptCode: z.string().min(1).max(30) }),
  z.object({ mine: z.literal(true) }),
]);
const rateSchema = z.object({
  receiptCode: receiptCodeSchema,
  score: z.number().int().min(1).max(5),
  comment: z.string().max(200),
});

/** The first bytes of each accepted file type: what the file is, whatever its name or label says. */
const MAGIC_BYTES: Record<z.infer<typeof materialMimeTypeSchema>, number[]> = {
  "image/jpeg": [0xff, 0xd8, 0xff],
  "image/png": [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  "application/pdf": [0x25, 0x50, 0x44, 0x46, 0x2d],
};
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

interface Draft {
  receiptCode: string;
  service: ApplicationService;
  captured: Set<string>;
  uploaded: Set<string>;
}

/**
 * Applications at the kiosk, for the signed-in resident: the kiosk issues the receipt code when one
 * starts (online or not), materials and the submission go through the outbox, the receipt is printed.
 * Everything here belongs to the session and is wiped with it.
 */
export class KioskApplications {
  readonly #context: RuntimeContext;
  readonly #residents: ResidentSessions;
  readonly #content: () => KioskContent | null;
  readonly #printer: () => ReceiptPrinterPort | null;
  readonly #drafts = new Map<string, Draft>();
  #submitted: SubmittedApplication[] = [];
  /** Outbox event id of each submission of this session → its receipt code, to mark it delivered. */
  readonly #submitEvents = new Map<string, string>();
  /** Print jobs still waiting for the printer → their receipt code. */
  readonly #waitingJobs = new Map<string, string>();

  constructor(
    context: RuntimeContext,
    parts: {
      residents: ResidentSessions;
      content: () => KioskContent | null;
      printer: () => ReceiptPrinterPort | null;
    },
  ) {
    this.#context = context;
    this.#residents = parts.residents;
    this.#content = parts.content;
    this.#printer = parts.printer;
  }

  get submitted(): SubmittedApplication[] {
    return this.#submitted;
  }

  get drafts(): ApplicationDraft[] {
    return [...this.#drafts.values()].map((draft) => ({
      receiptCode: draft.receiptCode,
      serviceCode: draft.service.code,
      provided: [...new Set([...draft.captured, ...draft.uploaded])],
    }));
  }

  start(request: unknown): Ack<{ receiptCode: string }> {
    const parsed = startSchema.safeParse(request);
    if (!parsed.success) return fail("invalid_payload", "an application needs a serviceCode");
    if (!this.#residents.applicant) return fail("forbidden", "sign in with the ID card first");
    const service = this.#content()?.catalogue.find((s) => s.code === parsed.data.serviceCode && s.active);
    if (!service) return fail("not_found", "no such service in this kiosk's catalogue");
    const receiptCode = newReceiptCode((length) => randomBytes(length));
    this.#drafts.set(receiptCode, { receiptCode, service, captured: new Set(), uploaded: new Set() });
    this.#context.publishState();
    return ok({ receiptCode });
  }

  capture(request: unknown): Ack<{ materialCode: string }> {
    const parsed = captureSchema.safeParse(request);
    if (!parsed.success)
      return fail("invalid_payload", "a material needs its receipt code, code, file name, type and data");
    const file = parsed.data;
    const draft = this.#drafts.get(file.receiptCode);
    if (!draft) return fail("not_found", "no application with this receipt code is open");
    if (!draft.service.materials.some((m) => m.code === file.materialCode)) {
      return fail("invalid_payload", "this service does not ask for that material");
    }
    if (!BASE64.test(file.dataBase64)) return fail("invalid_payload", "the file is not valid base64");
    const bytes = Buffer.from(file.dataBase64, "base64");
    if (bytes.length === 0 || bytes.length > MAX_MATERIAL_BYTES) {
      return fail("invalid_payload", `a file must be 1 byte to ${MAX_MATERIAL_BYTES / 1024 / 1024} MB`);
    }
    const magic = MAGIC_BYTES[file.mimeType];
    if (!magic.every((byte, index) => bytes[index] === byte)) {
      return fail("invalid_payload", `the file is not a ${file.mimeType} file`);
    }
    const sent = this.#context.send({
      event: "application:material",
      payload: { ...file, addedAt: new Date().toISOString() },
    });
    if (!sent.ok) return sent;
    draft.captured.add(file.materialCode);
    this.#context.publishState();
    return ok({ materialCode: file.materialCode });
  }

  async phoneUpload(request: unknown): Promise<Ack<UploadSession>> {
    const parsed = phoneUploadSchema.safeParse(request);
    if (!parsed.success)
      return fail("invalid_payload", "a phone upload needs the receipt code and the answers");
    const draft = this.#drafts.get(parsed.data.receiptCode);
    if (!draft) return fail("not_found", "no application with this receipt code is open");
    const link = this.#context.link();
    if (!link?.connected)
      return fail(
        "unavailable",
        "uploading from a phone needs the centre, which cannot be reached right now",
      );
    const answer = await link.request<unknown>("upload:session", {
      receiptCode: draft.receiptCode,
      serviceCode: draft.service.code,
      answers: parsed.data.answers,
    });
    if (!answer.ok) return answer;
    const session = z.object({ url: z.string().url(), expiresAt: z.string() }).safeParse(answer.data);
    return session.success ? ok(session.data) : fail("unavailable", "the centre's answer was malformed");
  }

  /** A file arrived from the resident's phone (pushed by the server). */
  uploadReceived(upload: UploadReceived): void {
    const draft = this.#drafts.get(upload.receiptCode);
    const submitted = this.#submitted.find((s) => s.receiptCode === upload.receiptCode);
    if (!draft && !submitted) return;
    draft?.uploaded.add(upload.materialCode);
    if (submitted) submitted.missing = submitted.missing.filter((m) => m.code !== upload.materialCode);
    this.#context.emit("upload:received", upload);
    this.#context.publishState();
  }

  async submit(request: unknown): Promise<Ack<SubmittedApplication>> {
    const parsed = submitSchema.safeParse(request);
    if (!parsed.success)
      return fail("invalid_payload", "a submission needs the receipt code, answers and phone (or null)");
    const { receiptCode, answers, phone } = parsed.data;
    const draft = this.#drafts.get(receiptCode);
    if (!draft) return fail("not_found", "no application with this receipt code is open");
    const applicant = this.#residents.applicant;
    if (!applicant) return fail("forbidden", "sign in with the ID card first");
    const submittedAt = new Date().toISOString();
    const sent = this.#context.send({
      event: "application:submit",
      payload: {
        receiptCode,
        serviceCode: draft.service.code,
        applicant: { ...applicant, phone },
        answers,
        submittedAt,
      },
    });
    if (!sent.ok) return sent;
    this.#drafts.delete(receiptCode);
    this.#submitEvents.set(sent.data.id, receiptCode);
    const provided = new Set([...draft.captured, ...draft.uploaded]);
    const content = this.#content();
    const submitted: SubmittedApplication = {
      receiptCode,
      serviceCode: draft.service.code,
      serviceName: draft.service.name,
      missing: materialsNeeded(draft.service, answers)
        .filter((material) => !provided.has(material.code))
        .map(({ code, name, nameEn }) => ({ code, name, nameEn })),
      submittedAt,
      delivered: false,
      status: null,
      progressUrl: `${(content?.publicUrl ?? this.#context.config.server).replace(/\/$/, "")}/r/${receiptCode}`,
      receipt: null,
    };
    this.#submitted.push(submitted);
    this.#context.log.info({ receiptCode, service: draft.service.code }, "application submitted");
    submitted.receipt = await this.#print(submitted, draft.service, applicant.name);
    this.#context.publishState();
    return ok(submitted);
  }

  async printAgain(request: unknown): Promise<Ack<ReceiptOutcome>> {
    const receiptCode = (request as { receiptCode?: unknown } | null)?.receiptCode;
    const submitted = this.#submitted.find((s) => s.receiptCode === receiptCode);
    if (!submitted) return fail("not_found", "no application with this receipt code was submitted here");
    const service = this.#content()?.catalogue.find((s) => s.code === submitted.serviceCode);
    const applicant = this.#residents.applicant;
    submitted.receipt = await this.#print(submitted, service ?? null, applicant?.name ?? "");
    this.#context.publishState();
    return ok(submitted.receipt);
  }

  async lookup(request: unknown): Promise<Ack<PublicApplicationView[]>> {
    const parsed = lookupSchema.safeParse(request);
    if (!parsed.success) return fail("invalid_payload", "look up by receiptCode, or { mine: true }");
    let query: { receiptCode: string } | { idNumber: string };
    if ("mine" in parsed.data) {
      const applicant = this.#residents.applicant;
      // A typed ID number signs in only with the code texted to the registry's phone: as good as the card.
      if (!applicant) return fail("forbidden", "sign in with the ID card first");
      query = { idNumber: applicant.idNumber };
    } else {
      const receiptCode = normaliseReceiptCode(parsed.data.receiptCode);
      if (!receiptCode) return fail("invalid_payload", "that is not a receipt code");
      query = { receiptCode };
    }
    const link = this.#context.link();
    if (!link?.connected)
      return fail("unavailable", "progress needs the centre, which cannot be reached right now");
    const answer = await link.request<unknown>("application:lookup", query);
    if (!answer.ok) return answer;
    const views = z.array(publicApplicationViewSchema).safeParse(answer.data);
    return views.success ? ok(views.data) : fail("unavailable", "the centre's answer was malformed");
  }

  rate(request: unknown): Ack<{ receiptCode: string }> {
    const parsed = rateSchema.safeParse(request);
    if (!parsed.success)
      return fail("invalid_payload", "a rating needs the receipt code, a score of 1–5 and a comment");
    const sent = this.#context.send({
      event: "application:rate",
      payload: { ...parsed.data, ratedAt: new Date().toISOString() },
    });
    if (!sent.ok) return sent;
    return ok({ receiptCode: parsed.data.receiptCode });
  }

  /** The server stored a submission of this session: its receipt now says so. */
  delivered(eventId: string, result: unknown): void {
    const receiptCode = this.#submitEvents.get(eventId);
    if (!receiptCode) return;
    this.#submitEvents.delete(eventId);
    const submitted = this.#submitted.find((s) => s.receiptCode === receiptCode);
    if (!submitted) return;
    submitted.delivered = true;
    const status = z.object({ status: z.string() }).safeParse(result);
    if (status.success) submitted.status = status.data.status as SubmittedApplication["status"];
    this.#context.publishState();
  }

  /** A receipt that waited for the printer came out. */
  printed(jobId: string): void {
    const receiptCode = this.#waitingJobs.get(jobId);
    if (!receiptCode) return;
    this.#waitingJobs.delete(jobId);
    const submitted = this.#submitted.find((s) => s.receiptCode === receiptCode);
    if (!submitted) return;
    submitted.receipt = { outcome: "printed" };
    this.#context.publishState();
  }

  /** The session ended: drafts, receipts and their numbers go with it. */
  wipe(): void {
    this.#drafts.clear();
    this.#submitted = [];
    this.#submitEvents.clear();
  }

  async #print(
    submitted: SubmittedApplication,
    service: ApplicationService | null,
    applicantName: string,
  ): Promise<ReceiptOutcome> {
    const printer = this.#printer();
    if (!printer) return { outcome: "no-printer" };
    const content = this.#content();
    const data = encodeReceipt({
      communityName: content?.community.name ?? "社区服务中心",
      serviceName: submitted.serviceName,
      department: service?.department ?? "",
      receiptCode: submitted.receiptCode,
      applicantName,
      submittedAt: submitted.submittedAt,
      targetDays: service?.targetDays ?? null,
      missing: submitted.missing,
      progressUrl: submitted.progressUrl,
    });
    try {
      const outcome = await printer.print({ data, label: `receipt ${submitted.receiptCode}` });
      if (outcome.outcome === "printed") return { outcome: "printed" };
      this.#waitingJobs.set(outcome.jobId, submitted.receiptCode);
      return { outcome: "queued", reason: outcome.reason };
    } catch (error) {
      this.#context.log.error(
        { receiptCode: submitted.receiptCode, err: (error as Error).message },
        "receipt not printed",
      );
      return { outcome: "no-printer" };
    }
  }
}
