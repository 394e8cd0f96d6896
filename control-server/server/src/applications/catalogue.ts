import {
  type ApplicationService,
  applicationMaterialSchema,
  applicationQuestionSchema,
} from "@linli/protocol";
import { z } from "zod";
import type { Database } from "../db/database";

interface ServiceRow {
  code: string;
  name: string;
  name_en: string;
  department: string;
  department_en: string;
  summary: string;
  summary_en: string;
  target_days: number;
  questions: string;
  materials: string;
  active: number;
}

// The JSON columns are parsed, not trusted: a hand-edited row must not reach a kiosk malformed.
const questionsSchema = z.array(applicationQuestionSchema);
const materialsSchema = z.array(applicationMaterialSchema);

function toService(row: ServiceRow): ApplicationService {
  return {
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    department: row.department,
    departmentEn: row.department_en,
    summary: row.summary,
    summaryEn: row.summary_en,
    targetDays: row.target_days,
    questions: questionsSchema.parse(JSON.parse(row.questions)),
    materials: materialsSchema.parse(JSON.parse(row.materials)),
    active: row.active === 1,
  };
}

/** The whole catalogue, inactive services included, in the order staff arranged it (for the console). */
export function listApplicationServices(db: Database): ApplicationService[] {
  const rows = db.prepare("SELECT * FROM application_services ORDER BY position, code").all() as ServiceRow[];
  return rows.map(toService);
}

/** The services residents may apply for at a kiosk (`kiosk:content`'s catalogue). */
export function listActiveApplicationServices(db: Database): ApplicationService[] {
  return listApplicationServices(db).filter((service) => service.active);
}

export function getApplicationService(db: Database, code: string): ApplicationService | null {
  const row = db.prepare("SELECT * FROM application_services WHERE code = ?").get(code) as
    | ServiceRow
    | undefined;
  return row ? toService(row) : null;
}

/** Why a service cannot be saved (duplicate codes, a condition on a question it does not ask), or null. */
export function serviceProblem(service: ApplicationService): string | null {
  const questions = new Set(service.questions.map((question) => question.code));
  if (questions.size !== service.questions.length) return "two questions share a code";
  if (new Set(service.materials.map((m) => m.code)).size !== service.materials.length)
    return "two materials share a code";
  for (const material of service.materials) {
    const unknown = Object.keys(material.when).find((question) => !questions.has(question));
    if (unknown) return `material ${material.code} depends on unknown question ${unknown}`;
  }
  return null;
}

/** Adds (at the end of the list) or replaces a service. */
export function saveApplicationService(
  db: Database,
  service: ApplicationService,
  now = new Date(),
): "created" | "updated" {
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
    now.toISOString(),
    service.code,
  ];
  const updated = db
    .prepare(
      `UPDATE application_services SET name = ?, name_en = ?, department = ?, department_en = ?,
         summary = ?, summary_en = ?, target_days = ?, questions = ?, materials = ?, active = ?,
         updated_at = ? WHERE code = ?`,
    )
    .run(...values);
  if (updated.changes > 0) return "updated";
  db.prepare(
    `INSERT INTO application_services (name, name_en, department, department_en, summary, summary_en,
       target_days, questions, materials, active, updated_at, code, position)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
       (SELECT coalesce(max(position), -1) + 1 FROM application_services))`,
  ).run(...values);
  return "created";
}

/**
 * The service as it was offered at `at`: a kiosk that was offline may deliver an application made before
 * staff withdrew the service, and that application still stands. Null when it was not offered then.
 */
export function serviceOfferedAt(db: Database, code: string, at: Date): ApplicationService | null {
  const service = getApplicationService(db, code);
  if (!service) return null;
  if (service.active) return service;
  const { updated_at: withdrawnAt } = db
    .prepare("SELECT updated_at FROM application_services WHERE code = ?")
    .get(code) as { updated_at: string };
  return at.toISOString() < withdrawnAt ? service : null;
}
