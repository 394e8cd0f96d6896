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
