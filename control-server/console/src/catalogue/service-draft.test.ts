import { type ApplicationService, materialsNeeded } from "@linli/protocol";
import { describe, expect, it } from "vitest";
import { fromDraft, toDraft } from "./service-draft";

const service: ApplicationService = {
  code: "second-child-permit",
  name: "再生育证",
  nameEn: "Permit for another child",
  department: "卫健局",
  departmentEn: "Health Commission",
  summary: "",
  summaryEn: "",
  targetDays: 10,
  questions: [{ code: "divorced", text: "是否离异？", textEn: "Divorced?" }],
  materials: [
    { code: "id-card", name: "身份证", nameEn: "ID card", note: "", noteEn: "", when: {} },
    {
      code: "divorce-paper",
      name: "离婚证",
      nameEn: "Divorce certificate",
      note: "",
      noteEn: "",
      when: { divorced: true },
    },
  ],
  active: true,
};

describe("the catalogue editor's draft", () => {
  it("round-trips a service, conditions included", () => {
    const back = fromDraft(toDraft(service), (field) => field);
    expect(back).toEqual({ ok: true, service });
  });

  it("saves a new conditional material that the checklist then asks for", () => {
    const draft = toDraft(service);
    draft.materials.push({
      code: "court-ruling",
      name: "法院判决书",
      nameEn: "Court ruling",
      note: "",
      noteEn: "",
      conditions: [{ question: "divorced", answer: true }],
      saved: false,
    });
    const saved = fromDraft(draft, (field) => field);
    if (!saved.ok) throw new Error("draft refused");
    expect(materialsNeeded(saved.service, { divorced: true }).map((m) => m.code)).toContain("court-ruling");
    expect(materialsNeeded(saved.service, { divorced: false }).map((m) => m.code)).not.toContain(
      "court-ruling",
    );
  });

  it("names what is wrong: bad and duplicate codes, empty names, days, dangling conditions", () => {
    const draft = toDraft(service);
    draft.targetDays = "0";
    draft.name = " ";
    draft.materials[1]!.conditions = [{ question: "remarried", answer: true }];
    draft.materials.push({ ...draft.materials[0]!, conditions: [] });
    draft.questions.push({ code: "Bad Code", text: "x", textEn: "x", saved: false });
    const result = fromDraft(draft, (field) => `<${field}>`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { kind: "target-days" },
        { kind: "required", field: "<name>" },
        { kind: "condition", material: "离婚证" },
        { kind: "duplicate", code: "id-card" },
        { kind: "code", code: "Bad Code" },
      ]),
    );
  });
});
