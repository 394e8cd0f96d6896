import { type ReactNode, useId, useState } from "react";
import { useI18n } from "../i18n/i18n";
import { type ApplicantForm, applicantProblems, cleanApplicant } from "./applicant-check";

/** Community, name, ID number and mobile phone; every field is checked here, with the reason under it. */
export function ApplicantStep(props: {
  communities: Array<{ id: string; name: string }>;
  form: ApplicantForm;
  onChange(form: ApplicantForm): void;
  onNext(form: ApplicantForm): void;
}) {
  const { t } = useI18n();
  const [checked, setChecked] = useState(false);
  const cleaned = cleanApplicant(props.form);
  const problems = checked ? applicantProblems(cleaned) : {};
  const set = (field: keyof ApplicantForm, value: string) =>
    props.onChange({ ...props.form, [field]: value });

  const next = () => {
    setChecked(true);
    if (Object.keys(applicantProblems(cleaned)).length === 0) props.onNext(cleaned);
  };

  return (
    <form
      className="card apply-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        next();
      }}
    >
      <Field label={t("apply.community")} problem={problems.communityId && t(problems.communityId)}>
        {(ids) => (
          <select
            {...ids}
            className="apply-input"
            value={props.form.communityId}
            onChange={(event) => set("communityId", event.target.value)}
          >
            <option value="">{t("apply.chooseCommunity")}</option>
            {props.communities.map((community) => (
              <option key={community.id} value={community.id}>
                {community.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("apply.name")} problem={problems.name && t(problems.name)}>
        {(ids) => (
          <input
            {...ids}
            className="apply-input"
            value={props.form.name}
            autoComplete="name"
            maxLength={60}
            onChange={(event) => set("name", event.target.value)}
          />
        )}
      </Field>
      <Field
        label={t("apply.idNumber")}
        hint={t("apply.idHint")}
        problem={problems.idNumber && t(problems.idNumber)}
      >
        {(ids) => (
          <div className="apply-id-row">
            <input
              {...ids}
              className="apply-input apply-digits"
              value={props.form.idNumber}
              inputMode="numeric"
              autoComplete="off"
              maxLength={20}
              spellCheck={false}
              onChange={(event) => set("idNumber", event.target.value.toUpperCase())}
            />
            {/* A phone's number pad has no X: the last character of some ID numbers. */}
            <button
              type="button"
              className="button apply-x"
              aria-label={t("apply.typeX")}
              onClick={() => set("idNumber", `${props.form.idNumber}X`)}
            >
              X
            </button>
          </div>
        )}
      </Field>
      <Field
        label={t("apply.phone")}
        hint={t("apply.phoneHint")}
        problem={problems.phone && t(problems.phone)}
      >
        {(ids) => (
          <input
            {...ids}
            className="apply-input apply-digits"
            type="tel"
            value={props.form.phone}
            inputMode="numeric"
            autoComplete="tel-national"
            maxLength={13}
            onChange={(event) => set("phone", event.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button button-primary button-wide">
        {t("apply.next")}
      </button>
    </form>
  );
}

/** A label, an optional hint and the field's problem, tied to the control for screen readers. */
function Field(props: {
  label: string;
  hint?: string;
  problem?: string | undefined;
  children(ids: { id: string; "aria-describedby"?: string; "aria-invalid"?: true }): ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const describedBy = [props.hint ? hintId : null, props.problem ? problemId : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="apply-field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.children({
        id,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(props.problem ? { "aria-invalid": true as const } : {}),
      })}
      {props.problem && (
        <p className="field-problem" id={problemId} role="alert">
          {props.problem}
        </p>
      )}
    </div>
  );
}
