import type { ApplicationQuestion, ApplicationService } from "@linli/protocol";
import { type FormEvent, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import { PageTitle } from "../components/page-title";
import { TextArea } from "../components/text-area";
import { TextField } from "../components/text-field";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { CodedEntries } from "./coded-entries";
import {
  type Condition,
  type DraftProblem,
  emptyMaterial,
  emptyQuestion,
  fromDraft,
  toDraft,
} from "./service-draft";

/** Edits one service: names, department, promised days, the questions, the materials with their conditions. */
export function ServiceEditor(props: {
  api: ConsoleApi;
  service: ApplicationService;
  onDone(saved: ApplicationService | null): void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(() => toDraft(props.service));
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof draft>) => setDraft((current) => ({ ...current, ...patch }));

  const describe = (problem: DraftProblem): string => {
    switch (problem.kind) {
      case "code":
        return `${t("catalogue.problemCode")} (${problem.code || "—"})`;
      case "required":
        return t("catalogue.problemRequired", { field: problem.field });
      case "duplicate":
        return t("catalogue.problemDuplicate", { code: problem.code });
      case "no-materials":
        return t("catalogue.problemNoMaterials");
      case "target-days":
        return t("catalogue.problemTargetDays");
      case "condition":
        return t("catalogue.problemCondition", { name: problem.material });
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const checked = fromDraft(draft, (field) => t(`catalogue.${field}` as MessageKey));
    if (!checked.ok) {
      setProblems([...new Set(checked.problems.map(describe))]);
      return;
    }
    setBusy(true);
    setProblems([]);
    try {
      await props.api.saveApplicationService(checked.service);
      props.onDone(checked.service);
    } catch (error) {
      setProblems([t("catalogue.saveFailed", { message: (error as Error).message })]);
      setBusy(false);
    }
  };

  return (
    <form className="catalogue-editor" onSubmit={save} noValidate>
      <PageTitle>{t("catalogue.editing", { name: props.service.name })}</PageTitle>
      <fieldset>
        <legend>
          {t("catalogue.code")}: {draft.code}
        </legend>
        <div className="editor-grid">
          <TextField
            label={t("catalogue.name")}
            value={draft.name}
            onChange={(name) => set({ name })}
            maxLength={60}
          />
          <TextField
            label={t("catalogue.nameEn")}
            value={draft.nameEn}
            onChange={(nameEn) => set({ nameEn })}
            maxLength={100}
          />
          <TextField
            label={t("catalogue.department")}
            value={draft.department}
            onChange={(department) => set({ department })}
            maxLength={60}
          />
          <TextField
            label={t("catalogue.departmentEn")}
            value={draft.departmentEn}
            onChange={(departmentEn) => set({ departmentEn })}
            maxLength={100}
          />
          <TextArea
            label={t("catalogue.summary")}
            value={draft.summary}
            onChange={(summary) => set({ summary })}
            maxLength={500}
          />
          <TextArea
            label={t("catalogue.summaryEn")}
            value={draft.summaryEn}
            onChange={(summaryEn) => set({ summaryEn })}
            maxLength={500}
          />
          <TextField
            label={t("catalogue.targetDays")}
            value={draft.targetDays}
            onChange={(targetDays) => set({ targetDays })}
            maxLength={3}
          />
          <label className="check-line">
            <input
              type="checkbox"
              checked={draft.active}
              onChange={(event) => set({ active: event.target.checked })}
            />
            {t("catalogue.activeLabel")}
          </label>
        </div>
      </fieldset>

      <CodedEntries
        testId="catalogue-questions"
        title={t("catalogue.questions")}
        entries={draft.questions}
        max={10}
        entryTitle={(number) => t("catalogue.question", { number })}
        codeLabel={t("catalogue.questionCode")}
        removeLabel={t("catalogue.removeQuestion")}
        addLabel={t("catalogue.addQuestion")}
        newEntry={emptyQuestion}
        onChange={(questions) => set({ questions })}
        fields={(question, change) => (
          <>
            <TextField
              label={t("catalogue.questionText")}
              value={question.text}
              onChange={(text) => change({ text })}
              maxLength={200}
            />
            <TextField
              label={t("catalogue.questionTextEn")}
              value={question.textEn}
              onChange={(textEn) => change({ textEn })}
              maxLength={200}
            />
          </>
        )}
      />

      <CodedEntries
        testId="catalogue-materials"
        title={t("catalogue.materials")}
        entries={draft.materials}
        max={30}
        indexAttribute="data-material-index"
        entryTitle={(number) => t("catalogue.material", { number })}
        codeLabel={t("catalogue.materialCode")}
        removeLabel={t("catalogue.removeMaterial")}
        addLabel={t("catalogue.addMaterial")}
        newEntry={emptyMaterial}
        onChange={(materials) => set({ materials })}
        fields={(material, change) => (
          <>
            <TextField
              label={t("catalogue.materialName")}
              value={material.name}
              onChange={(name) => change({ name })}
              maxLength={100}
            />
            <TextField
              label={t("catalogue.materialNameEn")}
              value={material.nameEn}
              onChange={(nameEn) => change({ nameEn })}
              maxLength={100}
            />
            <TextField
              label={t("catalogue.materialNote")}
              value={material.note}
              onChange={(note) => change({ note })}
              maxLength={200}
            />
            <TextField
              label={t("catalogue.materialNoteEn")}
              value={material.noteEn}
              onChange={(noteEn) => change({ noteEn })}
              maxLength={200}
            />
          </>
        )}
        below={(material, change) => (
          <Conditions
            questions={draft.questions}
            conditions={material.conditions}
            onChange={(conditions) => change({ conditions })}
          />
        )}
      />

      {problems.length > 0 && (
        <div className="message message-error" role="alert" data-testid="catalogue-problems">
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="form-footer">
        <button type="button" className="button" onClick={() => props.onDone(null)}>
          {t("catalogue.cancel")}
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {t(busy ? "catalogue.saving" : "catalogue.save")}
        </button>
      </div>
    </form>
  );
}

/** "Needed when": rows of question + yes/no; none means always needed. */
function Conditions(props: {
  questions: ApplicationQuestion[];
  conditions: Condition[];
  onChange(conditions: Condition[]): void;
}) {
  const { t } = useI18n();
  const { conditions, questions } = props;
  const replace = (index: number, patch: Partial<Condition>) =>
    props.onChange(conditions.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  const unused = questions.filter((q) => q.code && !conditions.some((c) => c.question === q.code));
  return (
    <div className="conditions">
      <p>
        <strong>{t("catalogue.conditions")}</strong>
        {conditions.length === 0 && ` · ${t("catalogue.always")}`}
      </p>
      {conditions.map((condition, index) => (
        <div className="condition-row" key={condition.question || index}>
          <label>
            {t("catalogue.whenQuestion", { number: index + 1 })}{" "}
            <select
              value={condition.question}
              onChange={(event) => replace(index, { question: event.target.value })}
            >
              {questions
                .filter((q) => q.code && (q.code === condition.question || unused.includes(q)))
                .map((q) => (
                  <option key={q.code} value={q.code}>
                    {q.text || q.code}
                  </option>
                ))}
              {!questions.some((q) => q.code === condition.question) && (
                <option value={condition.question}>{condition.question}</option>
              )}
            </select>
          </label>
          <label>
            {t("catalogue.whenAnswer", { number: index + 1 })}{" "}
            <select
              value={condition.answer ? "yes" : "no"}
              onChange={(event) => replace(index, { answer: event.target.value === "yes" })}
            >
              <option value="yes">{t("catalogue.answerYes")}</option>
              <option value="no">{t("catalogue.answerNo")}</option>
            </select>
          </label>
          <button
            type="button"
            className="button button-small"
            onClick={() => props.onChange(conditions.filter((_, i) => i !== index))}
          >
            {t("catalogue.removeCondition")}
          </button>
        </div>
      ))}
      {unused.length > 0 && (
        <button
          type="button"
          className="button button-small"
          onClick={() => props.onChange([...conditions, { question: unused[0]!.code, answer: true }])}
        >
          {t("catalogue.addCondition")}
        </button>
      )}
    </div>
  );
}
