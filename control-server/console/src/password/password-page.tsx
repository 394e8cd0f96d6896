import { type FormEvent, useId, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import { ApiError } from "../api/http";
import { FormProblems } from "../components/form-problems";
import { PageTitle } from "../components/page-title";
import { TextField } from "../components/text-field";
import { useI18n } from "../i18n/i18n";
import { type PasswordDraft, validatePasswordDraft } from "./validate-password";

type Field = keyof PasswordDraft;
const EMPTY: PasswordDraft = { current: "", next: "", repeat: "" };
const FIELD_ORDER: Field[] = ["current", "next", "repeat"];

/** Any signed-in staff member changes their own password; their other sessions end, this one stays. */
export function PasswordPage({ api }: { api: ConsoleApi }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<PasswordDraft>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const base = useId();
  const fieldId = (field: Field) => `${base}-${field}`;

  const set = (field: Field, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    setDone(false);
  };
  const showErrors = (next: Partial<Record<Field, string>>) => {
    setErrors(next);
    const first = FIELD_ORDER.find((field) => next[field]);
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setDone(false);
    const invalid = validatePasswordDraft(draft);
    if (Object.keys(invalid).length > 0) {
      return showErrors(Object.fromEntries(Object.entries(invalid).map(([field, key]) => [field, t(key)])));
    }
    setSubmitting(true);
    try {
      await api.changePassword(draft.current, draft.next);
      setDraft(EMPTY);
      setErrors({});
      setDone(true);
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) {
        setDraft((d) => ({ ...d, current: "" }));
        showErrors({ current: t("password.currentWrong") });
      } else {
        setFailure(t("password.failed", { message: (error as Error).message }));
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      <PageTitle>{t("password.title")}</PageTitle>
      <p className="page-intro">{t("password.intro")}</p>
      <div className="messages" aria-live="polite">
        {done && (
          <p className="message message-ok" data-testid="password-changed">
            {t("password.changed")}
          </p>
        )}
      </div>
      <form className="form-card" onSubmit={submit} noValidate>
        <TextField
          id={fieldId("current")}
          label={t("password.current")}
          type="password"
          autoComplete="current-password"
          value={draft.current}
          error={errors.current}
          onChange={(value) => set("current", value)}
        />
        <TextField
          id={fieldId("next")}
          label={t("password.new")}
          type="password"
          autoComplete="new-password"
          hint={t("password.newHint")}
          value={draft.next}
          error={errors.next}
          onChange={(value) => set("next", value)}
        />
        <TextField
          id={fieldId("repeat")}
          label={t("password.repeat")}
          type="password"
          autoComplete="new-password"
          value={draft.repeat}
          error={errors.repeat}
          onChange={(value) => set("repeat", value)}
        />
        <FormProblems errors={errors} failure={failure} />
        <button type="submit" className="button button-primary" disabled={submitting}>
          {submitting ? t("password.submitting") : t("password.submit")}
        </button>
      </form>
    </>
  );
}
