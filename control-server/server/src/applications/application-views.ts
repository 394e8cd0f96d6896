import { maskIdNumber } from "@linli/hardware/id-card/id-number";
import {
  type ApplicationAnswers,
  type ApplicationStatus,
  type ApplicationView,
  materialsNeeded,
  type PublicApplicationView,
} from "@linli/protocol";
import type { StaffPrincipal } from "../auth/staff";
import type { Database } from "../db/database";
import { seesPhoneNumbers } from "../elders/elder-profiles";
import { maskPhone } from "../privacy/mask";
import { getApplicationService } from "./catalogue";
import { maskName } from "./mask-name";
import type { MaterialStore } from "./material-store";

export interface ApplicationRow {
  receipt_code: string;
  service_code: string;
  applicant_id_number: string;
  applicant_name: string;
  applicant_phone: string | null;
  resident_id: string | null;
  answers: string;
  community_id: string;
  community_name: string;
  channel: "kiosk" | "console" | "phone";
  terminal_id: string | null;
  terminal_name: string | null;
  status: ApplicationStatus;
  submitted_at: string;
  target_at: string;
}

/** An application with the names of its community and kiosk; append WHERE and ORDER BY. */
export const APPLICATION_SELECT = `
  SELECT a.*, c.name AS community_name, t.name AS terminal_name
  FROM applications a
  JOIN communities c ON c.id = a.community_id
  LEFT JOIN terminals t ON t.id = a.terminal_id`;

/** What the resident sees: the checklist for their answers, the history with the clerk's notes, a masked name. */
export function publicApplicationView(
  db: Database,
  materials: MaterialStore,
  row: ApplicationRow,
): PublicApplicationView {
  const service = getApplicationService(db, row.service_code)!;
  const provided = materials.provided(row.receipt_code);
  const history = db
    .prepare("SELECT at, status, note FROM application_history WHERE receipt_code = ? ORDER BY id")
    .all(row.receipt_code) as PublicApplicationView["history"];
  const rating = db
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

/** What staff see: the full name, the ID number masked for every role, the phone as the reader's role allows. */
export function staffApplicationView(
  db: Database,
  materials: MaterialStore,
  row: ApplicationRow,
  reader: StaffPrincipal,
): ApplicationView {
  const phone = row.applicant_phone;
  return {
    ...publicApplicationView(db, materials, row),
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
    files: materials.files(row.receipt_code),
  };
}
