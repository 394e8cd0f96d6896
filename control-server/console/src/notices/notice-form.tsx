import { noticeCategories, noticePriorities, type StaffNotice, terminalKinds } from "@linli/protocol";
import { type FormEvent, useId, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import { ApiError } from "../api/http";
import type { Community } from "../api/types";
import { FormProblems } from "../components/form-problems";
import { TextArea } from "../components/text-area";
import { TextField } from "../components/text-field";
import { useI18n } from "../i18n/i18n";
import { CheckboxGroup } from "../providers/checkbox-group";
import {
  emptyNotice,
  MAX_BODY,
  MAX_TITLE,
  type NoticeDraft,
  type NoticeField,
  noticeFieldOrder,
  toNoticeInput,
  validateNoticeDraft,
} from "./notice-draft";
import { categoryWords, kindWords, priorityWords } from "./notice-words";

/** Publish a notice: what it says, for whom, from when to when, and whether households must confirm. */
export function NoticeForm(props: {
  api: ConsoleApi;
  communities: Community[];
  /** Community staff publish to their own community only. */
  ownCommunity: string | null;
  onPublished(notice: StaffNotice): void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<NoticeDraft>(() => emptyNotice(props.ownCommunity));
  const [errors, setErrors] = useState<Partial<Record<NoticeField, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const base = useId();
  const fieldId = (field: string) => `${base}-${field}`;

  const set = <K extends keyof NoticeDraft>(field: K, value: NoticeDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const invalid = validateNoticeDraft(draft, Date.now());
    if (Object.keys(invalid).length > 0) {
      setErrors(Object.fromEntries(Object.entries(invalid).map(([field, key]) => [field, t(key)])));
      const first = noticeFieldOrder.find((field) => invalid[field]);
      if (first) document.getElementById(fieldId(first))?.focus();
      return;
    }
    setSubmitting(true);
    try {
      const notice = await props.api.publishNotice(toNoticeInput(draft));
      setDraft(emptyNotice(props.ownCommunity));
      props.onPublished(notice);
    } catch (error) {
      const message =
        error instanceof ApiError && error.status === 0 ? t("error.unreachable") : (error as Error).message;
      setFailure(t("noticeForm.failed", { message }));
    } finally {
      setSubmitting(false);
    }
  };

  const timeField = (field: "startsAt" | "endsAt", label: string, hint: string) => (
    <div className="field">
      <label htmlFor={fieldId(field)}>{label}</label>
      <input
        id={fieldId(field)}
        type="datetime-local"
        value={draft[field]}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={`${fieldId(field)}-hint${errors[field] ? ` ${fieldId(field)}-error` : ""}`}
        onChange={(e) => set(field, e.target.value)}
      />
      <p id={`${fieldId(field)}-hint`} className="field-hint">
        {hint}
      </p>
      {errors[field] && (
        <p id={`${fieldId(field)}-error`} className="field-error">
          <span aria-hidden="true">✕ </span>
          {errors[field]}
        </p>
      )}
    </div>
  );

  return (
    <form className="form-card notice-form" onSubmit={submit} noValidate aria-labelledby={`${base}-heading`}>
      <h2 id={`${base}-heading`}>{t("noticeForm.title")}</h2>
      <TextField
        id={fieldId("title")}
        label={t("noticeForm.titleLabel")}
        value={draft.title}
        autoComplete="off"
        maxLength={MAX_TITLE}
        error={errors.title}
        onChange={(value) => set("title", value)}
      />
      <TextArea
        id={fieldId("body")}
        label={t("noticeForm.body")}
        value={draft.body}
        rows={5}
        maxLength={MAX_BODY}
        hint={t("noticeForm.bodyHint")}
        error={errors.body}
        onChange={(value) => set("body", value)}
      />
      <div className="field">
        <label htmlFor={fieldId("category")}>{t("noticeForm.category")}</label>
        <select
          id={fieldId("category")}
          value={draft.category}
          onChange={(e) => set("category", e.target.value as NoticeDraft["category"])}
        >
          {noticeCategories.map((category) => (
            <option key={category} value={category}>
              {t(categoryWords[category])}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>{t("noticeForm.priority")}</legend>
        <div className="radio-row">
          {noticePriorities.map((priority) => (
            <label key={priority} className="radio">
              <input
                type="radio"
                name={`${base}-priority`}
                value={priority}
                checked={draft.priority === priority}
                onChange={() => set("priority", priority)}
              />
              {t(priorityWords[priority])}
            </label>
          ))}
        </div>
        <p className="field-hint">{t("noticeForm.priorityHint")}</p>
      </fieldset>
      <CheckboxGroup
        id={fieldId("communityIds")}
        legend={props.ownCommunity ? t("noticeForm.ownCommunity") : t("noticeForm.communities")}
        options={props.communities
          .filter((c) => !props.ownCommunity || c.id === props.ownCommunity)
          .map((c) => ({ value: c.id, label: c.name }))}
        chosen={draft.communityIds}
        disabled={Boolean(props.ownCommunity)}
        error={errors.communityIds}
        onChange={(chosen) => set("communityIds", chosen)}
      />
      {!props.ownCommunity && (
        <p className="field-hint notice-form-note" data-testid="notice-every-community">
          {draft.communityIds.length === 0 ? t("noticeForm.everyCommunity") : t("noticeForm.someCommunities")}
        </p>
      )}
      <CheckboxGroup
        id={fieldId("terminalKinds")}
        legend={t("noticeForm.kinds")}
        options={terminalKinds.map((kind) => ({ value: kind, label: t(kindWords[kind]) }))}
        chosen={draft.terminalKinds}
        error={errors.terminalKinds}
        onChange={(chosen) => set("terminalKinds", chosen as NoticeDraft["terminalKinds"])}
      />
      {timeField("startsAt", t("noticeForm.startsAt"), t("noticeForm.startsAtHint"))}
      {timeField("endsAt", t("noticeForm.endsAt"), t("noticeForm.endsAtHint"))}
      <div className="field">
        <label className="check-single">
          <input
            type="checkbox"
            checked={draft.requiresConfirmation}
            onChange={(e) => set("requiresConfirmation", e.target.checked)}
          />
          {t("noticeForm.requiresConfirmation")}
        </label>
        <p className="field-hint">{t("noticeForm.requiresConfirmationHint")}</p>
      </div>
      <FormProblems errors={errors} failure={failure} />
      <div className="form-footer">
        <button type="submit" className="button button-primary" disabled={submitting}>
          {submitting ? t("noticeForm.publishing") : t("noticeForm.publish")}
        </button>
      </div>
    </form>
  );
}
