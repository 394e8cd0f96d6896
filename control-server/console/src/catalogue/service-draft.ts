import type { ApplicationMaterial, ApplicationQuestion, ApplicationService } from "@linli/protocol";

/** One "needed when" of a material: the question's answer that makes it needed. */
export interface Condition {
  question: string;
  answer: boolean;
}

/**
 * `saved`: the item was in the catalogue when editing began. Earlier applications keep answers and files
 * under its code, so the code is not editable.
 */
export type QuestionDraft = ApplicationQuestion & { saved: boolean };
export type MaterialDraft = Omit<ApplicationMaterial, "when"> & { conditions: Condition[]; saved: boolean };
/** A service as the editor holds it: conditions as rows (a record cannot hold a half-chosen one). */
export type ServiceDraft = Omit<ApplicationService, "materials" | "targetDays" | "questions"> & {
  questions: QuestionDraft[];
  materials: MaterialDraft[];
  /** As typed, checked on save. */
  targetDays: string;
};

export function toDraft(service: ApplicationService): ServiceDraft {
  return {
    ...service,
    targetDays: String(service.targetDays),
    questions: service.questions.map((question) => ({ ...question, saved: true })),
    materials: service.materials.map(({ when, ...material }) => ({
      ...material,
      saved: true,
      conditions: Object.entries(when).map(([question, answer]) => ({ question, answer })),
    })),
  };
}

export const emptyMaterial = (): MaterialDraft => ({
  code: "",
  name: "",
  nameEn: "",
  note: "",
  noteEn: "",
  conditions: [],
  saved: false,
});

export const emptyQuestion = (): QuestionDraft => ({ code: "", text: "", textEn: "", saved: false });

const CODE = /^[a-z][a-z0-9-]{1,39}$/;

export type DraftProblem =
  | { kind: "code"; code: string }
  | { kind: "required"; field: string }
  | { kind: "duplicate"; code: string }
  | { kind: "no-materials" }
  | { kind: "target-days" }
  | { kind: "condition"; material: string };

/**
 * The service to save, or what is wrong with the draft in words a clerk can fix (the server checks the same
 * and more; this saves a round trip and names the field). `label` names a field for the messages.
 */
export function fromDraft(
  draft: ServiceDraft,
  label: (field: string) => string,
): { ok: true; service: ApplicationService } | { ok: false; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const required = (value: string, field: string) => {
    if (!value.trim()) problems.push({ kind: "required", field: label(field) });
  };
  required(draft.name, "name");
  required(draft.nameEn, "nameEn");
  required(draft.department, "department");
  required(draft.departmentEn, "departmentEn");
  const targetDays = Number(draft.targetDays);
  if (!Number.isInteger(targetDays) || targetDays < 1 || targetDays > 365)
    problems.push({ kind: "target-days" });
  const questionCodes = new Set<string>();
  for (const question of draft.questions) {
    if (!CODE.test(question.code)) problems.push({ kind: "code", code: question.code });
    else if (questionCodes.has(question.code)) problems.push({ kind: "duplicate", code: question.code });
    questionCodes.add(question.code);
    required(question.text, "questionText");
    required(question.textEn, "questionTextEn");
  }
  if (draft.materials.length === 0) problems.push({ kind: "no-materials" });
  const materialCodes = new Set<string>();
  for (const material of draft.materials) {
    if (!CODE.test(material.code)) problems.push({ kind: "code", code: material.code });
    else if (materialCodes.has(material.code)) problems.push({ kind: "duplicate", code: material.code });
    materialCodes.add(material.code);
    required(material.name, "materialName");
    required(material.nameEn, "materialNameEn");
    if (material.conditions.some((condition) => !questionCodes.has(condition.question)))
      problems.push({ kind: "condition", material: material.name || material.code });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    service: {
      ...draft,
      name: draft.name.trim(),
      nameEn: draft.nameEn.trim(),
      targetDays,
      questions: draft.questions.map(({ saved: _saved, ...question }) => question),
      materials: draft.materials.map(({ conditions, saved: _saved, ...material }) => ({
        ...material,
        when: Object.fromEntries(conditions.map((condition) => [condition.question, condition.answer])),
      })),
    },
  };
}
