import type { TerminalSummary } from "@linli/protocol";
import { type FormEvent, useId, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import { ApiError } from "../api/http";
import type { Community, ElderRecord, StaffPrincipal } from "../api/types";
import { FormProblems } from "../components/form-problems";
import { TextArea } from "../components/text-area";
import { TextField } from "../components/text-field";
import { useI18n } from "../i18n/i18n";
import { addCondition, ConditionTags } from "./condition-tags";
import { ContactFields } from "./contact-fields";
import { ContactsEditor } from "./contacts-editor";
import { type ElderDraft, toElderInput, validateElderDraft } from "./elder-draft";
import { freeUnits, UnitSelect } from "./unit-select";

const LIVING_SITUATIONS = ["独居", "与配偶同住", "与子女同住", "白天独居"];
const RELATIONS = ["儿子", "女儿", "配偶", "儿媳", "女婿", "孙子", "孙女", "邻居", "网格员"];

/** The order the fields appear in, so that the first one to correct takes the focus. */
function fieldOrder(draft: ElderDraft): string[] {
  const contact = (path: string) => [`${path}.name`, `${path}.relation`, `${path}.phone`];
  return [
    "communityId",
    "name",
    "address",
    "livingSituation",
    "terminalId",
    "conditions",
    "medicationNotes",
    ...draft.contacts.flatMap((_, i) => contact(`contacts.${i}`)),
    "contacts",
    ...contact("keyHolder"),
  ];
}

/** The server's refusal, beside the field it is about when it names one. */
function serverProblem(error: unknown, t: ReturnType<typeof useI18n>["t"]) {
  if (error instanceof ApiError && error.status === 400) {
    const taken = error.message.match(/already belongs to (.+)$/);
    if (taken) return { field: "terminalId", text: t("elder.unitTaken", { name: taken[1]! }) };
    if (/elder unit/.test(error.message)) return { field: "terminalId", text: t("elder.unitInvalid") };
  }
  if (error instanceof ApiError && error.status === 0) return { field: null, text: t("error.unreachable") };
  return { field: null, text: (error as Error).message };
}

/** Creates or edits an elder's profile; every mistake is named beside its field, the server's too. */
export function ElderForm(props: {
  api: ConsoleApi;
  elderId: string | null;
  initial: ElderDraft;
  communities: Community[];
  staff: StaffPrincipal;
  terminals: TerminalSummary[];
  /** Units other elders already have. */
  takenUnitIds: ReadonlySet<string>;
  onSaved(elder: ElderRecord): void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<ElderDraft>(props.initial);
  const [pendingCondition, setPendingCondition] = useState("");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const base = useId();
  const fieldId = (path: string) => `${base}-${path.replace(/\./g, "-")}`;
  const units = freeUnits(props.terminals, props.takenUnitIds, draft.communityId, props.initial.terminalId);

  const set = <K extends keyof ElderDraft>(field: K, value: ElderDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const clearPrefix = (prefix: string) =>
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([path]) => !path.startsWith(prefix))));
  const showErrors = (next: Record<string, string>, order: string[]) => {
    setErrors(next);
    const first = order.find((path) => next[path]);
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    // A condition typed but not yet added is meant to be kept.
    const pending = addCondition(draft.conditions, pendingCondition);
    const ready = { ...draft, conditions: pending.next };
    if (!pending.problem) setPendingCondition("");
    setDraft(ready);
    const invalid = validateElderDraft(ready);
    if (pending.problem) invalid.conditions = pending.problem;
    if (Object.keys(invalid).length > 0) {
      const text = Object.fromEntries(Object.entries(invalid).map(([path, key]) => [path, t(key)]));
      return showErrors(text, fieldOrder(ready));
    }
    setSubmitting(true);
    try {
      const input = toElderInput(ready);
      const saved = props.elderId
        ? await props.api.updateElder(props.elderId, input)
        : await props.api.createElder(input);
      props.onSaved(saved);
    } catch (error) {
      const problem = serverProblem(error, t);
      if (problem.field) showErrors({ [problem.field]: problem.text }, [problem.field]);
      else setFailure(t("elder.saveFailed", { message: problem.text }));
    } finally {
      setSubmitting(false);
    }
  };

  const ownCommunity = props.staff.communityId !== null;
  return (
    <form className="elder-form" onSubmit={submit} noValidate aria-labelledby={`${base}-title`}>
      <h2 id={`${base}-title`} className="visually-hidden">
        {t(props.elderId ? "elder.editTitle" : "elder.createTitle")}
      </h2>
      <div className="elder-form-grid">
        <div className="elder-form-column">
          <section className="panel" aria-labelledby={`${base}-basics`}>
            <h3 id={`${base}-basics`} className="subheading">
              {t("elder.basics")}
            </h3>
            <div className="field">
              <label htmlFor={fieldId("communityId")}>{t("staff.community")}</label>
              <select
                id={fieldId("communityId")}
                value={draft.communityId}
                disabled={ownCommunity}
                onChange={(e) => {
                  const communityId = e.target.value;
                  // A unit belongs to one community: changing the community unlinks a unit of the other one.
                  setDraft((d) => ({
                    ...d,
                    communityId,
                    terminalId:
                      props.terminals.find((x) => x.id === d.terminalId)?.communityId === communityId
                        ? d.terminalId
                        : "",
                  }));
                }}
              >
                {props.communities.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
            <TextField
              id={fieldId("name")}
              label={t("elder.name")}
              value={draft.name}
              maxLength={32}
              autoComplete="off"
              required
              error={errors.name}
              onChange={(value) => set("name", value)}
            />
            <TextField
              id={fieldId("address")}
              label={t("elder.address")}
              value={draft.address}
              maxLength={200}
              autoComplete="off"
              required
              hint={t("elder.addressHint")}
              error={errors.address}
              onChange={(value) => set("address", value)}
            />
            <TextField
              id={fieldId("livingSituation")}
              label={t("elder.livingSituation")}
              value={draft.livingSituation}
              maxLength={200}
              autoComplete="off"
              list="elder-living-situations"
              hint={t("elder.livingSituationHint")}
              error={errors.livingSituation}
              onChange={(value) => set("livingSituation", value)}
            />
            <datalist id="elder-living-situations">
              {LIVING_SITUATIONS.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
            <UnitSelect
              id={fieldId("terminalId")}
              units={units}
              value={draft.terminalId}
              error={errors.terminalId}
              onChange={(value) => set("terminalId", value)}
            />
          </section>
          <section className="panel" aria-labelledby={`${base}-health`}>
            <h3 id={`${base}-health`} className="subheading">
              {t("elder.health")}
            </h3>
            <ConditionTags
              id={fieldId("conditions")}
              conditions={draft.conditions}
              pending={pendingCondition}
              error={errors.conditions}
              onPendingChange={setPendingCondition}
              onChange={(conditions) => set("conditions", conditions)}
            />
            <TextArea
              id={fieldId("medicationNotes")}
              label={t("elder.medicationNotes")}
              value={draft.medicationNotes}
              maxLength={1000}
              rows={4}
              hint={t("elder.medicationHint")}
              error={errors.medicationNotes}
              onChange={(value) => set("medicationNotes", value)}
            />
          </section>
        </div>
        <section className="panel" aria-labelledby={`${base}-contacts`}>
          <h3 id={`${base}-contacts`} className="subheading">
            {t("alarmDetail.contacts")}
          </h3>
          <ContactsEditor
            contacts={draft.contacts}
            fieldId={fieldId}
            errors={errors}
            onChange={(contacts) => {
              setDraft((d) => ({ ...d, contacts }));
              clearPrefix("contacts");
            }}
          />
          <fieldset className="field">
            <legend>{t("elder.keyHolder")}</legend>
            <p className="field-hint">{t("elder.keyHolderHint")}</p>
            <ContactFields
              contact={draft.keyHolder}
              path="keyHolder"
              fieldId={fieldId}
              errors={errors}
              onChange={(patch) => {
                setDraft((d) => ({ ...d, keyHolder: { ...d.keyHolder, ...patch } }));
                clearPrefix("keyHolder");
              }}
            />
          </fieldset>
          <datalist id="elder-relations">
            {RELATIONS.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
        </section>
      </div>
      <div className="form-footer">
        <FormProblems errors={errors} failure={failure} />
        <button type="submit" className="button button-primary" disabled={submitting}>
          {submitting ? t("elder.saving") : t(props.elderId ? "elder.saveChanges" : "elder.create")}
        </button>
      </div>
    </form>
  );
}
