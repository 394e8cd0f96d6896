import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isValidIdNumber, maskIdNumber } from "@linli/hardware/id-card/id-number";
import {
  type ApplicationAnswers,
  type ApplicationLookup,
  type ApplicationMaterialFile,
  type ApplicationRating,
  type ApplicationService,
  type ApplicationStatus,
  type ApplicationSubmit,
  type ApplicationView,
  MAX_MATERIAL_BYTES,
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
import { seesPhoneNumbers } from "../elders/elder-profiles";
import { maskPhone } from "../privacy/mask";
import { EventRefusal } from "../terminals/inbox";
import { getApplicationService, listApplicationServices } from "./catalogue";
import { maskName } from "./mask-name";
import {
  MATERIAL_EXTENSIONS,
  MATERIAL_TYPE_NAMES,
  type MaterialMimeType,
  sniffMaterialType,
} from "./material-file-type";
import { ResidentRegistry } from "./resident-registry";
import { STATUS_TRANSITIONS, STATUSES_NEEDING_A_NOTE } from "./status-transitions";
import { addWorkingDays } from "./working-days";

export interface ApplicationOfficeOptions {
  /** Materials are files under `<dataDir>/materials/<receipt code>/`. */
  dataDir: string;
  /** Target dates count working days in the county's time zone. */
  timeZone: string;
  /** Base of the resident pages, for upload links. */
  publicUrl(): string;
  uploadSessionMs?: number;
}

/** A phone-upload session lasts long enough to find the papers at home, not for days. */
const UPLOAD_SESSION_MS = 30 * 60 * 1000;

interface ApplicationRow {
  receipt_code: string;
  service_code: string;
  applicant_id_number: string;
  applicant_name: string;
  applicant_phone: string | null;
  resident_id: string | null;
  answers: string;
  community_id: string;
  community_name: string;
  channel: "kiosk" | "console";
  terminal_id: string | null;
  terminal_name: string | null;
  status: ApplicationStatus;
  submitted_at: string;
  target_at: string;
}

interface FileRow {
  id: string;
  material_code: string;
  file_name: string;
  mime_type: MaterialMimeType;
  size: number;
  source: "kiosk" | "phone";
  path: string;
  added_at: string;
}

interface UploadSessionRow {
  receipt_code: string;
  service_code: string;
  answers: string;
  terminal_id: string | null;
  expires_at: string;
}

const APPLICATION_SELECT = `
  SELECT a.*, c.name AS community_name, t.name AS terminal_name
  FROM applications a
  JOIN communities c ON c.id = a.community_id
  LEFT JOIN terminals t ON t.id = a.terminal_id`;

/** A staff member's view of a file, to send it. */
export interface MaterialFileContent {
  absolutePath: string;
  mimeType: MaterialMimeType;
  fileName: string;
}

export interface WalkInApplication {
  serviceCode: string;
  applicant: { idNumber: string; name: string; phone: string | null };
  answers: ApplicationAnswers;
  /** County-wide staff name the community; community staff always file in their own. */
  communityId?: string | undefined;
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const refuse = (code: ConstructorParameters<typeof EventRefusal>[0], message: string): never => {
  throw new EventRefusal(code, message);
};

/** Keeps what a resident's file name says, without paths or control characters. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (cleaned || "material").slice(0, 120);
}

/**
 * Kiosk applications from submission to collection: the catalogue, applications with their materials,
 * history and rating, phone-upload sessions, and the views residents and staff read. Methods refuse bad
 * input by throwing `EventRefusal` before anything is written.
 */
export class ApplicationOffice {
  readonly residents: ResidentRegistry;
  readonly #uploadSessionMs: number;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly bus: ServerBus,
    private readonly options: ApplicationOfficeOptions,
  ) {
    this.residents = new ResidentRegistry(db, audit);
    this.#uploadSessionMs = options.uploadSessionMs ?? UPLOAD_SESSION_MS;
  }

  // ── The catalogue ────────────────────────────────────────────────────────────────────────────────

  services(): ApplicationService[] {
    return listApplicationServices(this.db);
  }

  /** Adds or replaces a service; every `when` must name one of its questions. Kiosks are told to refetch. */
  saveService(service: ApplicationService, actor: StaffPrincipal, ip: string): ApplicationService {
    const questions = new Set(service.questions.map((question) => question.code));
    if (questions.size !== service.questions.length) refuse("invalid_payload", "two questions share a code");
    if (new Set(service.materials.map((m) => m.code)).size !== service.materials.length)
      refuse("invalid_payload", "two materials share a code");
    for (const material of service.materials) {
      const unknown = Object.keys(material.when).find((question) => !questions.has(question));
      if (unknown)
        refuse("invalid_payload", `material ${material.code} depends on unknown question ${unknown}`);
    }
    const now = new Date().toISOString();
    this.db.transaction(() => {
      const existing = this.db.prepare("SELECT 1 FROM application_services WHERE code = ?").get(service.code);
      const values = [
        service.name,
        service.nameEn,
        service.department,
        service.departmentEn,
        service.summary,
        service.summaryEn,
        service.targetDays,
        JSON.stringify(service.questions),
        JSON.stringify(service.materials),
        service.active ? 1 : 0,
        now,
        service.code,
      ];
      if (existing) {
        this.db
          .prepare(
            `UPDATE application_services SET name = ?, name_en = ?, department = ?, department_en = ?,
               summary = ?, summary_en = ?, target_days = ?, questions = ?, materials = ?, active = ?,
               updated_at = ? WHERE code = ?`,
          )
          .run(...values);
      } else {
        this.db
          .prepare(
            `INSERT INTO application_services (name, name_en, department, department_en, summary, summary_en,
               target_days, questions, materials, active, updated_at, code, position)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
               (SELECT coalesce(max(position), -1) + 1 FROM application_services))`,
          )
          .run(...values);
      }
      this.audit.record({
        actor: { type: "staff", id: actor.id },
        action: existing ? "application_service.updated" : "application_service.created",
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
    const taken = this.db
      .prepare("SELECT submit_event_id FROM applications WHERE receipt_code = ?")
      .get(submit.receiptCode) as { submit_event_id: string | null } | undefined;
    if (taken)
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
    let codes: string[];
    if ("receiptCode" in request) {
      codes = [request.receiptCode];
    } else {
      if (!isValidIdNumber(request.idNumber))
        refuse("invalid_payload", "the ID number's check digit is wrong");
      codes = (
        this.db
          .prepare(
            "SELECT receipt_code FROM applications WHERE applicant_id_number = ? ORDER BY submitted_at DESC",
          )
          .all(request.idNumber) as Array<{ receipt_code: string }>
      ).map((row) => row.receipt_code);
    }
    const views = codes.flatMap((code) => {
      const view = this.publicView(code);
      return view ? [view] : [];
    });
    this.audit.record({
      actor: { type: "terminal", id: terminal.id },
      action: "application.lookup",
      detail: { by: "receiptCode" in request ? "receipt-code" : "id-number", found: views.length },
    });
    return views;
  }

  /** A QR-code session for the resident's phone; only the token's hash is kept. */
  openUploadSession(
    terminal: { id: string },
    request: UploadSessionRequest,
    now = new Date(),
  ): UploadSession {
    const service = this.#activeService(request.serviceCode);
    this.#checkAnswers(service, request.answers);
    const token = randomBytes(16).toString("base64url");
    const expiresAt = new Date(now.getTime() + this.#uploadSessionMs).toISOString();
    this.db
      .prepare(
        `INSERT INTO upload_sessions (token_hash, receipt_code, service_code, answers, terminal_id, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        hashToken(token),
        request.receiptCode,
        service.code,
        JSON.stringify(request.answers),
        terminal.id,
        now.toISOString(),
        expiresAt,
      );
    this.audit.record({
      actor: { type: "terminal", id: terminal.id },
      action: "upload_session.opened",
      target: { type: "application", id: request.receiptCode },
    });
    return { url: `${this.options.publicUrl()}/r/upload/${token}`, expiresAt };
  }

  // ── From residents' phones (the receipt code or the upload token is the secret) ─────────────────

  publicView(receiptCode: string): PublicApplicationView | null {
    const row = this.#row(receiptCode);
    return row ? this.#publicView(row) : null;
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

  uploadPage(token: string, now = new Date()): UploadPage {
    const session = this.#uploadSession(token, now);
    const service = getApplicationService(this.db, session.service_code)!;
    const provided = this.#providedMaterials(session.receipt_code);
    return {
      receiptCode: session.receipt_code,
      service: { code: service.code, name: service.name, nameEn: service.nameEn },
      materials: materialsNeeded(service, JSON.parse(session.answers) as ApplicationAnswers).map((m) => ({
        code: m.code,
        name: m.name,
        nameEn: m.nameEn,
        note: m.note,
        noteEn: m.noteEn,
        provided: provided.has(m.code),
      })),
      expiresAt: session.expires_at,
    };
  }

  /**
   * A file from the resident's phone. Returns the kiosk that opened the session (to tell it) with what
   * was stored.
   */
  uploadFromPhone(
    token: string,
    upload: { materialCode: string; fileName: string; claimedType: string; bytes: Buffer },
    now = new Date(),
  ): {
    materialCode: string;
    fileName: string;
    size: number;
    receiptCode: string;
    terminalId: string | null;
  } {
    const stored = this.db.transaction(() => {
      const session = this.#uploadSession(token, now);
      const service = getApplicationService(this.db, session.service_code)!;
      if (!service.materials.some((m) => m.code === upload.materialCode))
        refuse("invalid_payload", `${service.name} has no material ${upload.materialCode}`);
      const fileName = cleanFileName(upload.fileName);
      this.#storeMaterial({
        eventId: null,
        receiptCode: session.receipt_code,
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
        target: { type: "application", id: session.receipt_code },
        detail: { material: upload.materialCode, size: upload.bytes.length, channel: "phone" },
      });
      return {
        materialCode: upload.materialCode,
        fileName,
        size: upload.bytes.length,
        receiptCode: session.receipt_code,
        terminalId: session.terminal_id,
      };
    })();
    if (stored.terminalId) {
      this.bus.emit("upload:received", {
        terminalId: stored.terminalId,
        upload: {
          receiptCode: stored.receiptCode,
          materialCode: stored.materialCode,
          fileName: stored.fileName,
          at: now.toISOString(),
        },
      });
    }
    this.announce(stored.receiptCode);
    return stored;
  }

  // ── For staff ─────────────────────────────────────────────────────────────────────────────────────

  /** Newest first; `q` matches a receipt code, an exact ID number, or part of a name or service name. */
  list(
    reader: StaffPrincipal,
    filter: { status?: ApplicationStatus | undefined; q?: string | undefined },
    ip: string,
  ): ApplicationView[] {
    const q = filter.q?.trim() ?? "";
    const rows = this.db
      .prepare(
        `${APPLICATION_SELECT}
         JOIN application_services s ON s.code = a.service_code
         WHERE (@community IS NULL OR a.community_id = @community)
           AND (@status IS NULL OR a.status = @status)
           AND (@q = '' OR a.receipt_code = @code OR a.applicant_id_number = upper(@q)
                OR instr(a.applicant_name, @q) > 0 OR instr(s.name, @q) > 0)
         ORDER BY a.submitted_at DESC, a.receipt_code
         LIMIT 500`,
      )
      .all({
        community: reader.communityId,
        status: filter.status ?? null,
        q,
        code: normaliseReceiptCode(q) ?? "",
      }) as ApplicationRow[];
    this.audit.record({
      actor: { type: "staff", id: reader.id },
      action: "application.list_read",
      detail: { count: rows.length, status: filter.status ?? null, searched: q !== "" },
      ip,
    });
    return rows.map((row) => this.#staffView(row, reader));
  }

  /** One application as this reader may see it (null: unknown, or another community's); not audited. */
  view(receiptCode: string, reader: StaffPrincipal): ApplicationView | null {
    const row = this.#row(receiptCode);
    if (!row || (reader.communityId && reader.communityId !== row.community_id)) return null;
    return this.#staffView(row, reader);
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
    return this.view(receiptCode, reader)!;
  }

  file(receiptCode: string, fileId: string, reader: StaffPrincipal, ip: string): MaterialFileContent | null {
    if (!this.view(receiptCode, reader)) return null;
    const row = this.db
      .prepare("SELECT * FROM application_files WHERE id = ? AND receipt_code = ?")
      .get(fileId, receiptCode) as FileRow | undefined;
    if (!row) return null;
    this.audit.record({
      actor: { type: "staff", id: reader.id },
      action: "application.file_read",
      target: { type: "application", id: receiptCode },
      detail: { fileId, material: row.material_code },
      ip,
    });
    return {
      absolutePath: join(this.options.dataDir, row.path),
      mimeType: row.mime_type,
      fileName: row.file_name,
    };
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

  communityOf(receiptCode: string): string | null {
    return this.#row(receiptCode)?.community_id ?? null;
  }

  /** Tells the consoles (after the change is committed). */
  announce(receiptCode: string): void {
    if (this.communityOf(receiptCode)) this.bus.emit("application:changed", { receiptCode });
  }

  // ── Inside ────────────────────────────────────────────────────────────────────────────────────────

  /**
   * The service, when it was offered at `at`: a kiosk that was offline may deliver an application made
   * before staff withdrew the service, and that application still stands.
   */
  #activeService(code: string, at: Date = new Date()): ApplicationService {
    const service = getApplicationService(this.db, code);
    if (service?.active) return service;
    const withdrawnAt = this.db
      .prepare("SELECT updated_at FROM application_services WHERE code = ?")
      .get(code) as { updated_at: string } | undefined;
    if (service && withdrawnAt && at.toISOString() < withdrawnAt.updated_at) return service;
    return refuse("invalid_payload", `no service ${code} is offered`);
  }

  #checkAnswers(service: ApplicationService, answers: ApplicationAnswers): void {
    const unknown = Object.keys(answers).find((code) => !service.questions.some((q) => q.code === code));
    if (unknown) refuse("invalid_payload", `${service.name} asks no question ${unknown}`);
  }

  #insertApplication(input: {
    receiptCode: string;
    submitEventId: string | null;
    serviceCode: string;
    applicant: { idNumber: string; name: string; phone: string | null };
    answers: ApplicationAnswers;
    communityId: string;
    channel: "kiosk" | "console";
    terminalId: string | null;
    createdBy: string | null;
    submittedAt: Date;
    actor: string;
  }): void {
    if (!isValidIdNumber(input.applicant.idNumber))
      refuse("invalid_payload", "the applicant's ID number has a wrong check digit");
    const service = this.#activeService(input.serviceCode, input.submittedAt);
    this.#checkAnswers(service, input.answers);
    const idNumber = input.applicant.idNumber.toUpperCase();
    const name = input.applicant.name.trim();
    const resident = this.residents.find(idNumber, name);
    const submittedAt = input.submittedAt.toISOString();
    const targetAt = addWorkingDays(
      input.submittedAt,
      service.targetDays,
      this.options.timeZone,
    ).toISOString();
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
        JSON.stringify(input.answers),
        input.communityId,
        input.channel,
        input.terminalId,
        input.createdBy,
        submittedAt,
        new Date().toISOString(),
        targetAt,
        new Date().toISOString(),
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

  #storeMaterial(input: {
    eventId: string | null;
    receiptCode: string;
    materialCode: string;
    fileName: string;
    claimedType: string;
    bytes: Buffer;
    source: "kiosk" | "phone";
    terminalId: string | null;
    addedAt: Date;
  }): void {
    if (input.bytes.length === 0) refuse("invalid_payload", "the file is empty");
    if (input.bytes.length > MAX_MATERIAL_BYTES)
      refuse("invalid_payload", `the file is larger than ${MAX_MATERIAL_BYTES / 1024 / 1024} MB`);
    const actual = sniffMaterialType(input.bytes);
    if (!actual) refuse("invalid_payload", "the file is not a JPEG or PNG image or a PDF document");
    if (actual !== input.claimedType)
      refuse("invalid_payload", `the file is ${MATERIAL_TYPE_NAMES[actual!]}, not ${input.claimedType}`);
    const application = this.#row(input.receiptCode);
    if (application) {
      const service = getApplicationService(this.db, application.service_code)!;
      if (!service.materials.some((m) => m.code === input.materialCode))
        refuse("invalid_payload", `${service.name} has no material ${input.materialCode}`);
    }
    const id = randomUUID();
    const relative = join("materials", input.receiptCode, `${id}.${MATERIAL_EXTENSIONS[actual!]}`);
    mkdirSync(join(this.options.dataDir, "materials", input.receiptCode), { recursive: true });
    writeFileSync(join(this.options.dataDir, relative), input.bytes, { flush: true });
    this.db
      .prepare(
        `INSERT INTO application_files (id, event_id, receipt_code, material_code, file_name, mime_type, size,
           source, terminal_id, path, added_at, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        input.eventId,
        input.receiptCode,
        input.materialCode,
        cleanFileName(input.fileName),
        actual,
        input.bytes.length,
        input.source,
        input.terminalId,
        relative,
        input.addedAt.toISOString(),
        new Date().toISOString(),
      );
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

  #uploadSession(token: string, now: Date): UploadSessionRow {
    const session = this.db
      .prepare(
        "SELECT receipt_code, service_code, answers, terminal_id, expires_at FROM upload_sessions WHERE token_hash = ?",
      )
      .get(hashToken(token)) as UploadSessionRow | undefined;
    if (!session) return refuse("not_found", "no such upload link");
    if (session.expires_at <= now.toISOString())
      refuse("expired", "this upload link has expired; open a new one at the kiosk");
    return session;
  }

  #row(receiptCode: string): ApplicationRow | null {
    return (
      (this.db.prepare(`${APPLICATION_SELECT} WHERE a.receipt_code = ?`).get(receiptCode) as
        | ApplicationRow
        | undefined) ?? null
    );
  }

  #providedMaterials(receiptCode: string): Set<string> {
    const rows = this.db
      .prepare("SELECT DISTINCT material_code FROM application_files WHERE receipt_code = ?")
      .all(receiptCode) as Array<{ material_code: string }>;
    return new Set(rows.map((row) => row.material_code));
  }

  #publicView(row: ApplicationRow): PublicApplicationView {
    const service = getApplicationService(this.db, row.service_code)!;
    const provided = this.#providedMaterials(row.receipt_code);
    const history = this.db
      .prepare("SELECT at, status, note FROM application_history WHERE receipt_code = ? ORDER BY id")
      .all(row.receipt_code) as PublicApplicationView["history"];
    const rating = this.db
      .prepare("SELECT score, comment, rated_at FROM application_ratings WHERE receipt_code = ?")
      .get(row.receipt_code) as { score: number; comment: string; rated_at: string } | undefined;
    return {
      receiptCode: row.receipt_code,
      service: {
        code: service.code,
        name: service.name,
        nameEn: service.nameEn,
        department: service.department,
        departmentEn: service.departmentEn,
      },
      applicantName: maskName(row.applicant_name),
      status: row.status,
      submittedAt: row.submitted_at,
      targetAt: row.target_at,
      materials: materialsNeeded(service, JSON.parse(row.answers) as ApplicationAnswers).map((m) => ({
        code: m.code,
        name: m.name,
        nameEn: m.nameEn,
        provided: provided.has(m.code),
      })),
      history,
      rating: rating ? { score: rating.score, comment: rating.comment, ratedAt: rating.rated_at } : null,
    };
  }

  #staffView(row: ApplicationRow, reader: StaffPrincipal): ApplicationView {
    const files = this.db
      .prepare("SELECT * FROM application_files WHERE receipt_code = ? ORDER BY added_at, id")
      .all(row.receipt_code) as FileRow[];
    const phone = row.applicant_phone;
    return {
      ...this.#publicView(row),
      applicantName: row.applicant_name,
      community: { id: row.community_id, name: row.community_name },
      channel: row.channel,
      terminal: row.terminal_id ? { id: row.terminal_id, name: row.terminal_name ?? "" } : null,
      applicant: {
        name: row.applicant_name,
        idMasked: maskIdNumber(row.applicant_id_number),
        phone: phone && !seesPhoneNumbers(reader) ? maskPhone(phone) : phone,
        registered: row.resident_id !== null,
      },
      answers: JSON.parse(row.answers) as ApplicationAnswers,
      files: files.map((file) => ({
        id: file.id,
        materialCode: file.material_code,
        fileName: file.file_name,
        mimeType: file.mime_type,
        size: file.size,
        source: file.source,
        addedAt: file.added_at,
      })),
    };
  }
}
