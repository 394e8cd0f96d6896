import { type FormEvent, useId, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import { ApiError } from "../api/http";
import { type Community, type StaffAccount, type StaffRole, staffRoles } from "../api/types";
import { FormProblems } from "../components/form-problems";
import { TextField } from "../components/text-field";
import { useI18n } from "../i18n/i18n";
import { type StaffDraft, type StaffField, validateStaffDraft } from "./validate-staff";

const EMPTY: StaffDraft = {
  username: "",
  displayName: "",
  password: "",
  role: "dispatcher",
  communityId: "",
};
const FIELD_ORDER: StaffField[] = ["username", "displayName", "password", "role", "communityId"];

/** An administrator creates a staff account; every mistake is named beside its field, the server's too. */
export function StaffForm(props: {
  api: ConsoleApi;
  communities: Community[];
  onCreated(account: StaffAccount): void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<StaffDraft>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<StaffField, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const base = useId();
  const fieldId = (field: StaffField) => `${base}-${field}`;

  const set = <K extends StaffField>(field: K, value: StaffDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const showErrors = (next: Partial<Record<StaffField, string>>) => {
    setErrors(next);
    const first = FIELD_ORDER.find((field) => next[field]);
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const invalid = validateStaffDraft(draft);
    if (Object.keys(invalid).length > 0) {
      return showErrors(Object.fromEntries(Object.entries(invalid).map(([field, key]) => [field, t(key)])));
    }
    setSubmitting(true);
    try {
      const account = await props.api.createStaff({
        username: draft.username.trim(),
        displayName: draft.displayName.trim(),
        password: draft.password,
        role: draft.role,
        communityId: draft.communityId || null,
      });
      setDraft(EMPTY);
      setErrors({});
      props.onCreated(account);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        showErrors({ username: t("staff.usernameTaken", { username: draft.username.trim() }) });
      } else {
        setFailure(t("staff.createFailed", { message: (error as Error).message }));
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form className="form-card" onSubmit={submit} noValidate aria-labelledby={`${base}-title`}>
      <h2 id={`${base}-title`}>{t("staff.createTitle")}</h2>
      <TextField
        id={fieldId("username")}
        label={t("staff.username")}
        value={draft.username}
        autoComplete="off"
        maxLength={32}
        hint={t("staff.usernameHint")}
        error={errors.username}
        onChange={(value) => set("username", value)}
      />
      <TextField
        id={fieldId("displayName")}
        label={t("staff.displayName")}
        value={draft.displayName}
        autoComplete="off"
        maxLength={64}
        error={errors.displayName}
        onChange={(value) => set("displayName", value)}
      />
      <TextField
        id={fieldId("password")}
        label={t("staff.password")}
        type="password"
        value={draft.password}
        autoComplete="new-password"
        hint={t("staff.passwordHint")}
        error={errors.password}
        onChange={(value) => set("password", value)}
      />
      <div className="field">
        <label htmlFor={fieldId("role")}>{t("staff.role")}</label>
        <select
          id={fieldId("role")}
          value={draft.role}
          onChange={(e) => set("role", e.target.value as StaffRole)}
        >
          {staffRoles.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={fieldId("communityId")}>{t("staff.community")}</label>
        <select
          id={fieldId("communityId")}
          value={draft.communityId}
          aria-invalid={errors.communityId ? true : undefined}
          aria-describedby={`${fieldId("communityId")}-hint${errors.communityId ? ` ${fieldId("communityId")}-error` : ""}`}
          onChange={(e) => set("communityId", e.target.value)}
        >
          <option value="">{t("staff.countyWideOption")}</option>
          {props.communities.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <p id={`${fieldId("communityId")}-hint`} className="field-hint">
          {t("staff.communityHint")}
        </p>
        {errors.communityId && (
          <p id={`${fieldId("communityId")}-error`} className="field-error">
            <span aria-hidden="true">✕ </span>
            {errors.communityId}
          </p>
        )}
      </div>
      <FormProblems errors={errors} failure={failure} />
      <button type="submit" className="button button-primary" disabled={submitting}>
        {submitting ? t("staff.submitting") : t("staff.submit")}
      </button>
    </form>
  );
}
