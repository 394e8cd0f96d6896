import { randomBytes } from "node:crypto";
import { isValidIdNumber } from "@linli/hardware/id-card/id-number";
import {
  type ApplicationAnswers,
  type ApplicationLookup,
  type ApplicationMaterialFile,
  type ApplicationRating,
  type ApplicationService,
  type ApplicationStatus,
  type ApplicationSubmit,
  type ApplicationView,
  materialsNeeded,
  newReceiptCode,
  normaliseReceiptCode,
  type PublicApplicationView,
  rateableApplicationStatuses,
  type UploadPage,
  type UploadSession,
  type UploadSessionRequest,
} from "@linli/protocol";
import type { AuditLog } from "../audit";
import type { StaffPrincipal } from "../auth/staff";
import type { ServerBus } from "../bus";
import type { Database } from "../db/database";
import { maskPhone } from "../privacy/mask";
import {
  APPLICATION_SELECT,
  type ApplicationRow,
  publicApplicationView,
  staffApplicationView,
} from "./application-views";
import {
  getApplicationService,
  listApplicationServices,
  saveApplicationService,
  serviceOfferedAt,
  serviceProblem,
} from "./catalogue";
import {
  cleanFileName,
  type MaterialFileContent,
  MaterialStore,
  type NewMaterialFile,
} from "./material-store";
import { refuse } from "./refuse";
import { ResidentRegistry } from "./resident-registry";
import type { StatusTexts } from "./status-texts";
import { STATUS_TRANSITIONS, STATUSES_NEEDING_A_NOTE } from "./status-transitions";
import { UploadSessions } from "./upload-sessions";
import { addWorkingDays } from "./working-days";

export interface ApplicationOfficeOptions {
  /** Materials are files under `<dataDir>/materials/<receipt code>/`. */
  dataDir: string;
  /** Target dates count working days in the county's time zone. */
  timeZone: string;
  /** Base of the resident pages, for upload links. */
  publicUrl(): string;
  /** Texts residents when their application needs something or is decided. */
  texts: StatusTexts;
  uploadSessionMs?: number;
}

/** A phone-upload session lasts long enough to find the papers at home, not for days. */
const UPLOAD_SESSION_MS = 30 * 60 * 1000;
/** Decided applications listed at most (newest first); open ones are always all listed. */
const DECIDED_LISTED = 500;
/** Materials of an application that never arrived are deleted after three days. */
export const UNCLAIMED_MATERIAL_MS = 3 * 24 * 3600 * 1000;
const PURGE_INTERVAL_MS = 10 * 60 * 1000;

export interface WalkInApplication {
  serviceCode: string;
  applicant: { idNumber: string; name: string; phone: string | null };
  answers: ApplicationAnswers;
  /** County-wide staff name the community; community staff always file in their own. */
  communityId?: string | undefined;
}

interface NewApplication {
  receiptCode: string;
  submitEventId: string | null;
  serviceCode: string;
  applicant: { idNumber: string; name: string; phone: string | null };
  answers: ApplicationAnswers;
  communityId: string;
  channel: "kiosk" | "console" | "phone";
  terminalId: string | null;
  createdBy: string | null;
  submittedAt: Date;
  /** For the history: `terminal:<id>` or `staff:<id>`. */
  actor: string;
}

/**
 * Kiosk applications from submission to collection: the catalogue, applications with their materials,
 * history and rating, phone-upload sessions, and the views residents and staff read. Methods refuse bad
 * input (throwing `EventRefusal`) before anything is written.
 */
export class ApplicationOffice {
  readonly residents: ResidentRegistry;
  readonly #materials: MaterialStore;
  readonly #uploads: UploadSessions;
  readonly #timeZone: string;
  readonly #texts: StatusTexts;
  #lastPurge: number | null = null;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly bus: ServerBus,
    options: ApplicationOfficeOptions,
  ) {
    this.residents = new ResidentRegistry(db, audit);
    this.#materials = new MaterialStore(db, options.dataDir);
    this.#uploads = new UploadSessions(db, options.publicUrl, options.uploadSessionMs ?? UPLOAD_SESSION_MS);
    this.#timeZone = options.timeZone;
    this.#texts = options.texts;
  }

  // ── The catalogue ────────────────────────────────────────────────────────────────────────────────

  services(): ApplicationService[] {
    return listApplicationServices(this.db);
  }

  /** Adds or replaces a service; every `when` must name one of its questions. Kiosks are told to refetch. */
  saveService(service: ApplicationService, actor: StaffPrincipal, ip: string): ApplicationService {
    const problem = serviceProblem(service);
    if (problem) refuse("invalid_payload", problem);
    this.db.transaction(() => {
      const outcome = saveApplicationService(this.db, service);
      this.audit.record({
        actor: { type: "staff", id: actor.id },
        action: `application_service.${outcome}`,
        target: { type: "application_service", id: service.code },
        detail: { active: service.active, materials: service.materials.length },
        ip,
      });
    })();
    this.bus.emit("content:changed", { communityId: null });
    return getApplicationService(this.db, service.code)!;
  }

  // ── From kiosks (durable events run inside the inbox transaction; the gateway announces) ──────────

  submitFromKiosk(
    terminal: { id: string; communityId: string },
    submit: ApplicationSubmit,
  ): { receiptCode: string; status: ApplicationStatus } {
    if (this.#row(submit.receiptCode))
      refuse("conflict", `receipt code ${submit.receiptCode} is already used by another application`);
    this.#insertApplication({
      receiptCode: submit.receiptCode,
      submitEventId: submit.id,
      serviceCode: submit.serviceCode,
      applicant: submit.applicant,
      answers: submit.answers,
      communityId: terminal.communityId,
      channel: "kiosk",
      terminalId: terminal.id,
      createdBy: null,
      submittedAt: new Date(submit.submittedAt),
      actor: `terminal:${terminal.id}`,
    });
    this.audit.record({
      actor: { type: "terminal", id: terminal.id },
      action: "application.submitted",
      target: { type: "application", id: submit.receiptCode },
      detail: { service: submit.serviceCode },
    });
    return { receiptCode: submit.receiptCode, status: "submitted" };
  }

  addKioskMaterial(
    terminal: { id: string },
    file: ApplicationMaterialFile,
  ): { receiptCode: string; materialCode: string } {
    const bytes = Buffer.from(file.dataBase64, "base64");
    this.#storeMaterial({
      eventId: file.id,
      receiptCode: file.receiptCode,
      materialCode: file.materialCode,
      fileName: file.fileName,
      claimedType: file.mimeType,
      bytes,
      source: "kiosk",
      terminalId: terminal.id,
      addedAt: new Date(file.addedAt),
    });
    this.audit.record({
      actor: { type: "terminal", id: terminal.id },
      action: "application.material_added",
      target: { type: "application", id: file.receiptCode },
      detail: { material: file.materialCode, size: bytes.length },
    });
    return { receiptCode: file.receiptCode, materialCode: file.materialCode };
  }

  rateFromKiosk(terminal: { id: string }, rating: ApplicationRating): { receiptCode: string } {
    this.#rate(rating.receiptCode, rating, "kiosk", rating.id);
    this.audit.record({
      actor: { type: "terminal", id: terminal.id },
      action: "application.rated",
      target: { type: "application", id: rating.receiptCode },
      detail: { score: rating.score },
    });
    return { receiptCode: rating.receiptCode };
  }

  /** A resident's applications at a kiosk, by receipt code or by the ID number of the card they placed. */
  lookup(terminal: { id: string }, request: ApplicationLookup): PublicApplicationView[] {
    let rows: ApplicationRow[];
    if ("receiptCode" in request) {
      rows = [this.#row(request.receiptCode)].filter((row) => row !== null);
    } else {
      if (!isValidIdNumber(request.idNumber))
        refuse("invalid_payload", "the ID number's check digit is wrong");
      rows = this.db
        .prepare(`${APPLICATION_SELECT} WHERE a.applicant_id_number = ? ORDER BY a.submitted_at DESC`)
        .all(request.idNumber.toUpperCase()) as ApplicationRow[];
    }
    this.audit.record({
      actor: { type: "terminal", id: terminal.id },
      action: "application.lookup",
      detail: { by: "receiptCode" in request ? "receipt-code" : "id-number", found: rows.length },
    });
    return rows.map((row) => publicApplicationView(this.db, this.#materials, row));
  }

  /** A QR-code session for the resident's phone. */
  openUploadSession(terminal: { id: string }, request: UploadSessionRequest): UploadSession {
    const service = serviceOfferedAt(this.db, request.serviceCode, new Date());
    if (!service) return refuse("invalid_payload", `no service ${request.serviceCode} is offered`);
    this.#checkAnswers(service, request.answers);
    const session = this.#uploads.open({ ...request, terminalId: terminal.id });
    this.audit.record({
      actor: { type: "terminal", id: terminal.id },
      action: "upload_session.opened",
      target: { type: "application", id: request.receiptCode },
    });
    return session;
  }

  // ── From residents' phones (the receipt code or the upload token is the secret) ─────────────────

  publicView(receiptCode: string): PublicApplicationView | null {
    const row = this.#row(receiptCode);
    return row ? publicApplicationView(this.db, this.#materials, row) : null;
  }

  rateFromPhone(receiptCode: string, rating: { score: number; comment: string }): PublicApplicationView {
    this.db.transaction(() => {
      this.#rate(receiptCode, { ...rating, ratedAt: new Date().toISOString() }, "phone", null);
      this.audit.record({
        actor: { type: "anonymous" },
        action: "application.rated",
        target: { type: "application", id: receiptCode },
        detail: { score: rating.score, channel: "phone" },
      });
    })();
    this.announce(receiptCode);
    return this.publicView(receiptCode)!;
  }

  uploadPage(token: string): UploadPage {
    const session = this.#uploads.find(token);
    const service = getApplicationService(this.db, session.serviceCode)!;
    const provided = this.#materials.provided(session.receiptCode);
    return {
      receiptCode: session.receiptCode,
      service: { code: service.code, name: service.name, nameEn: service.nameEn },
      materials: materialsNeeded(service, session.answers).map((m) => ({
        code: m.code,
        name: m.name,
        nameEn: m.nameEn,
        note: m.note,
        noteEn: m.noteEn,
        provided: provided.has(m.code),
      })),
      expiresAt: session.expiresAt,
      fromKiosk: Boolean(session.terminalId),
    };
  }

  /** A file from the resident's phone; the kiosk that opened the session is told. */
  uploadFromPhone(
    token: string,
    upload: { materialCode: string; fileName: string; claimedType: string; bytes: Buffer },
  ): { materialCode: string; fileName: string; size: number } {
    const now = new Date();
    const fileName = cleanFileName(upload.fileName);
    const session = this.db.transaction(() => {
      const session = this.#uploads.find(token, now);
      const service = getApplicationService(this.db, session.serviceCode)!;
      if (!service.materials.some((m) => m.code === upload.materialCode))
        refuse("invalid_payload", `${service.name} has no material ${upload.materialCode}`);
      this.#storeMaterial({
        eventId: null,
        receiptCode: session.receiptCode,
        materialCode: upload.materialCode,
        fileName,
        claimedType: upload.claimedType,
        bytes: upload.bytes,
        source: "phone",
        terminalId: null,
        addedAt: now,
      });
      this.audit.record({
        actor: { type: "anonymous" },
        action: "application.material_added",
        target: { type: "application", id: session.receiptCode },
        detail: { material: upload.materialCode, size: upload.bytes.length, channel: "phone" },
      });
      return session;
    })();
    if (session.terminalId) {
      this.bus.emit("upload:received", {
        terminalId: session.terminalId,
        upload: {
          receiptCode: session.receiptCode,
          materialCode: upload.materialCode,
          fileName,
          at: now.toISOString(),
        },
      });
    }
    this.announce(session.receiptCode);
    return { materialCode: upload.materialCode, fileName, size: upload.bytes.length };
  }

  // ── For staff ─────────────────────────────────────────────────────────────────────────────────────

  /**
   * Newest first; `q` matches a receipt code or part of the applicant's or the service's name. Not an ID
   * number: query strings are written to the request log.
   */
  list(
    reader: StaffPrincipal,
    filter: { status?: ApplicationStatus | undefined; q?: string | undefined },
    ip: string,
  ): ApplicationView[] {
    const q = filter.q?.trim() ?? "";
    // Every application still open, however old (a clerk must never lose one), and the newest decided.
    const select = (decided: boolean) =>
      this.db
        .prepare(
          `${APPLICATION_SELECT}
           JOIN application_services s ON s.code = a.service_code
           WHERE (@community IS NULL OR a.community_id = @community)
             AND (@status IS NULL OR a.status = @status)
             AND (a.status IN ('completed', 'rejected')) = @decided
             AND (@q = '' OR a.receipt_code = @code
                  OR instr(a.applicant_name, @q) > 0 OR instr(s.name, @q) > 0)
           ORDER BY a.submitted_at DESC, a.receipt_code
           ${decided ? `LIMIT ${DECIDED_LISTED}` : ""}`,
        )
        .all({
          community: reader.communityId,
          status: filter.status ?? null,
          decided: decided ? 1 : 0,
          q,
          code: normaliseReceiptCode(q) ?? "",
        }) as ApplicationRow[];
    const rows = [...select(false), ...select(true)].sort(
      (a, b) => b.submitted_at.localeCompare(a.submitted_at) || a.receipt_code.localeCompare(b.receipt_code),
    );
    this.audit.record({
      actor: { type: "staff", id: reader.id },
      action: "application.list_read",
      detail: { count: rows.length, status: filter.status ?? null, searched: q !== "" },
      ip,
    });
    return rows.map((row) => staffApplicationView(this.db, this.#materials, row, reader));
  }

  /** One application as this reader may see it (null: unknown, or another community's); not audited. */
  view(receiptCode: string, reader: StaffPrincipal): ApplicationView | null {
    const row = this.#row(receiptCode);
    if (!row || (reader.communityId && reader.communityId !== row.community_id)) return null;
    return staffApplicationView(this.db, this.#materials, row, reader);
  }

  read(receiptCode: string, reader: StaffPrincipal, ip: string): ApplicationView | null {
    const view = this.view(receiptCode, reader);
    if (view) {
      this.audit.record({
        actor: { type: "staff", id: reader.id },
        action: "application.read",
        target: { type: "application", id: receiptCode },
        ip,
      });
    }
    return view;
  }

  changeStatus(
    receiptCode: string,
    change: { status: ApplicationStatus; note: string },
    reader: StaffPrincipal,
    ip: string,
    now = new Date(),
  ): ApplicationView {
    this.db.transaction(() => {
      const current = this.view(receiptCode, reader) ?? refuse("not_found", `no application ${receiptCode}`);
      const allowed = STATUS_TRANSITIONS[current.status];
      if (!allowed.includes(change.status)) {
        refuse(
          "conflict",
          `an application that is ${current.status} can become ${allowed.join(" or ") || "nothing else"}, not ${change.status}`,
        );
      }
      const note = change.note.trim();
      if (STATUSES_NEEDING_A_NOTE.includes(change.status) && !note)
        refuse("invalid_payload", `${change.status} needs a note: the resident reads it`);
      const at = now.toISOString();
      this.db
        .prepare("UPDATE applications SET status = ?, updated_at = ? WHERE receipt_code = ?")
        .run(change.status, at, receiptCode);
      this.#history(receiptCode, at, change.status, `staff:${reader.id}`, note);
      this.audit.record({
        actor: { type: "staff", id: reader.id },
        action: "application.status_changed",
        target: { type: "application", id: receiptCode },
        detail: { from: current.status, to: change.status },
        ip,
      });
    })();
    this.announce(receiptCode);
    const texted = this.db
      .prepare(
        `SELECT a.applicant_phone AS phone, s.name AS serviceName FROM applications a
         JOIN application_services s ON s.code = a.service_code WHERE a.receipt_code = ?`,
      )
      .get(receiptCode) as { phone: string | null; serviceName: string };
    this.#texts.statusChanged({ receiptCode, ...texted, status: change.status, note: change.note.trim() });
    return this.view(receiptCode, reader)!;
  }

  file(receiptCode: string, fileId: string, reader: StaffPrincipal, ip: string): MaterialFileContent | null {
    const file = this.view(receiptCode, reader) ? this.#materials.file(receiptCode, fileId) : null;
    if (!file) return null;
    this.audit.record({
      actor: { type: "staff", id: reader.id },
      action: "application.file_read",
      target: { type: "application", id: receiptCode },
      detail: { fileId, material: file.materialCode },
      ip,
    });
    return file;
  }

  /** Staff file an application for a resident at the counter; the server issues the receipt code. */
  createForWalkIn(input: WalkInApplication, reader: StaffPrincipal, ip: string): ApplicationView {
    const known = this.residents.find(input.applicant.idNumber, input.applicant.name);
    const communityId =
      reader.communityId ??
      input.communityId ??
      known?.communityId ??
      refuse("invalid_payload", "name the community: the resident is not in the registry");
    if (!this.db.prepare("SELECT 1 FROM communities WHERE id = ?").get(communityId))
      refuse("invalid_payload", `unknown community ${communityId}`);
    let receiptCode = newReceiptCode((length) => randomBytes(length));
    this.db.transaction(() => {
      while (this.#row(receiptCode)) receiptCode = newReceiptCode((length) => randomBytes(length));
      this.#insertApplication({
        receiptCode,
        submitEventId: null,
        serviceCode: input.serviceCode,
        applicant: input.applicant,
        answers: input.answers,
        communityId,
        channel: "console",
        terminalId: null,
        createdBy: reader.id,
        submittedAt: new Date(),
        actor: `staff:${reader.id}`,
      });
      this.audit.record({
        actor: { type: "staff", id: reader.id },
        action: "application.submitted",
        target: { type: "application", id: receiptCode },
        detail: { service: input.serviceCode, channel: "console" },
        ip,
      });
    })();
    this.announce(receiptCode);
    return this.view(receiptCode, reader)!;
  }

  /**
   * A resident applies on the phone page; the server issues the receipt code and opens an upload session
   * for it. Everything the resident can correct is checked first, then `confirmPhone` (the text-message
   * code: outside the transaction, so that a wrong try stays counted), then the application is written.
   */
  submitFromPhone(
    input: {
      communityId: string;
      serviceCode: string;
      answers: ApplicationAnswers;
      applicant: { idNumber: string; name: string; phone: string };
    },
    confirmPhone: () => void,
    ip: string,
  ): { receiptCode: string; uploadUrl: string } {
    const now = new Date();
    if (!isValidIdNumber(input.applicant.idNumber))
      refuse("invalid_payload", "the applicant's ID number has a wrong check digit");
    if (!this.db.prepare("SELECT 1 FROM communities WHERE id = ?").get(input.communityId))
      refuse("invalid_payload", `unknown community ${input.communityId}`);
    const service =
      serviceOfferedAt(this.db, input.serviceCode, now) ??
      refuse("invalid_payload", `no service ${input.serviceCode} is offered`);
    this.#checkAnswers(service, input.answers);
    confirmPhone();
    let receiptCode = newReceiptCode((length) => randomBytes(length));
    const upload = this.db.transaction(() => {
      while (this.#row(receiptCode)) receiptCode = newReceiptCode((length) => randomBytes(length));
      this.#insertApplication({
        receiptCode,
        submitEventId: null,
        serviceCode: service.code,
        applicant: input.applicant,
        answers: input.answers,
        communityId: input.communityId,
        channel: "phone",
        terminalId: null,
        createdBy: null,
        submittedAt: now,
        actor: "resident:phone",
      });
      // An unknown resident is proposed for staff review, as at a kiosk with a typed ID number.
      if (!this.residents.find(input.applicant.idNumber.toUpperCase(), input.applicant.name))
        this.residents.proposeFromPhone(input.applicant, input.communityId, now);
      this.audit.record({
        actor: { type: "anonymous" },
        action: "application.submitted",
        target: { type: "application", id: receiptCode },
        detail: { service: service.code, channel: "phone", phone: maskPhone(input.applicant.phone) },
        ip,
      });
      return this.#uploads.open(
        { receiptCode, serviceCode: service.code, answers: input.answers, terminalId: null },
        now,
      );
    })();
    this.announce(receiptCode);
    return { receiptCode, uploadUrl: upload.url };
  }

  /**
   * Housekeeping, called often and cheap between runs: materials of applications never submitted go after
   * UNCLAIMED_MATERIAL_MS (long enough for an offline kiosk's queued submission to arrive), and upload
   * sessions a day after they expired.
   */
  purgeAbandoned(now = new Date()): void {
    if (this.#lastPurge !== null && now.getTime() - this.#lastPurge < PURGE_INTERVAL_MS) return;
    this.#lastPurge = now.getTime();
    const files = this.#materials.purgeUnclaimed(new Date(now.getTime() - UNCLAIMED_MATERIAL_MS));
    const sessions = this.#uploads.purgeExpired(new Date(now.getTime() - 24 * 3600 * 1000));
    if (files > 0 || sessions > 0) {
      this.audit.record({
        actor: { type: "system" },
        action: "application.abandoned_purged",
        detail: { files, uploadSessions: sessions },
      });
    }
  }

  communityOf(receiptCode: string): string | null {
    return this.#row(receiptCode)?.community_id ?? null;
  }

  /** Tells the consoles (after the change is committed). */
  announce(receiptCode: string): void {
    if (this.communityOf(receiptCode)) this.bus.emit("application:changed", { receiptCode });
  }

  // ── Inside ────────────────────────────────────────────────────────────────────────────────────────

  #checkAnswers(service: ApplicationService, answers: ApplicationAnswers): void {
    const unknown = Object.keys(answers).find((code) => !service.questions.some((q) => q.code === code));
    if (unknown) refuse("invalid_payload", `${service.name} asks no question ${unknown}`);
  }

  #insertApplication(input: NewApplication): void {
    if (!isValidIdNumber(input.applicant.idNumber))
      refuse("invalid_payload", "the applicant's ID number has a wrong check digit");
    const service =
      serviceOfferedAt(this.db, input.serviceCode, input.submittedAt) ??
      refuse("invalid_payload", `no service ${input.serviceCode} is offered`);
    // A kiosk may have filled the form from a catalogue cached before staff changed the questions: what
    // the resident did there stands, and answers to questions no longer asked are left out.
    const answers =
      input.channel === "kiosk"
        ? Object.fromEntries(
            Object.entries(input.answers).filter(([code]) => service.questions.some((q) => q.code === code)),
          )
        : input.answers;
    if (input.channel !== "kiosk") this.#checkAnswers(service, input.answers);
    const idNumber = input.applicant.idNumber.toUpperCase();
    const name = input.applicant.name.trim();
    const resident = this.residents.find(idNumber, name);
    const submittedAt = input.submittedAt.toISOString();
    const targetAt = addWorkingDays(input.submittedAt, service.targetDays, this.#timeZone).toISOString();
    const now = new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO applications (receipt_code, submit_event_id, service_code, applicant_id_number, applicant_name,
           applicant_phone, resident_id, answers, community_id, channel, terminal_id, created_by, status,
           submitted_at, received_at, target_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?)`,
      )
      .run(
        input.receiptCode,
        input.submitEventId,
        service.code,
        idNumber,
        name,
        input.applicant.phone ?? resident?.phone ?? null,
        resident?.id ?? null,
        JSON.stringify(answers),
        input.communityId,
        input.channel,
        input.terminalId,
        input.createdBy,
        submittedAt,
        now,
        targetAt,
        now,
      );
    this.#history(input.receiptCode, submittedAt, "submitted", input.actor, "");
  }

  #history(receiptCode: string, at: string, status: ApplicationStatus, actor: string, note: string): void {
    this.db
      .prepare(
        "INSERT INTO application_history (receipt_code, at, status, actor, note) VALUES (?, ?, ?, ?, ?)",
      )
      .run(receiptCode, at, status, actor, note);
  }

  /** Once the application is here, its material must be one its service asks for. */
  #storeMaterial(file: NewMaterialFile): void {
    const application = this.#row(file.receiptCode);
    if (application) {
      const service = getApplicationService(this.db, application.service_code)!;
      if (!service.materials.some((m) => m.code === file.materialCode))
        refuse("invalid_payload", `${service.name} has no material ${file.materialCode}`);
    }
    this.#materials.store(file);
  }

  #rate(
    receiptCode: string,
    rating: { score: number; comment: string; ratedAt: string },
    channel: "kiosk" | "phone",
    eventId: string | null,
  ): void {
    const row = this.#row(receiptCode) ?? refuse("not_found", `no application ${receiptCode}`);
    if (!rateableApplicationStatuses.includes(row.status))
      refuse("conflict", `an application that is ${row.status} cannot be rated yet`);
    if (this.db.prepare("SELECT 1 FROM application_ratings WHERE receipt_code = ?").get(receiptCode))
      refuse("conflict", "this application has already been rated");
    this.db
      .prepare(
        "INSERT INTO application_ratings (receipt_code, event_id, score, comment, channel, rated_at) VALUES (?, ?, ?, ?, ?, ?)",
      )
      .run(
        receiptCode,
        eventId,
        rating.score,
        rating.comment.trim(),
        channel,
        new Date(rating.ratedAt).toISOString(),
      );
  }

  #row(receiptCode: string): ApplicationRow | null {
    return (
      (this.db.prepare(`${APPLICATION_SELECT} WHERE a.receipt_code = ?`).get(receiptCode) as
        | ApplicationRow
        | undefined) ?? null
    );
  }
}
