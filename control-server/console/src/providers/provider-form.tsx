import type { ElderService, Provider } from "@linli/protocol";
import { type FormEvent, useId, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import { ApiError } from "../api/http";
import type { Community } from "../api/types";
import { FormProblems } from "../components/form-problems";
import { TextField } from "../components/text-field";
import { useI18n } from "../i18n/i18n";
import { serviceName } from "../services/service-words";
import { CheckboxGroup } from "./checkbox-group";
import {
  type ProviderDraft,
  type ProviderField,
  providerFieldOrder,
  toProviderInput,
  validateProviderDraft,
} from "./validate-provider";

const KINDS: Provider["kind"][] = ["organisation", "volunteer"];

/** Creates a provider, or edits the one chosen in the list; every mistake is named beside its field. */
export function ProviderForm(props: {
  api: ConsoleApi;
  /** The provider being edited, or null for a new one. */
  editing: Provider | null;
  initial: ProviderDraft;
  services: ElderService[];
  communities: Community[];
  /** Community staff serve only their own community. */
  ownCommunity: string | null;
  onSaved(provider: Provider, created: boolean): void;
  onCancelEdit(): void;
}) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<ProviderDraft>(props.initial);
  const [errors, setErrors] = useState<Partial<Record<ProviderField, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const base = useId();
  const fieldId = (field: string) => `${base}-${field}`;

  const set = <K extends keyof ProviderDraft>(field: K, value: ProviderDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const showErrors = (next: Partial<Record<ProviderField, string>>) => {
    setErrors(next);
    const first = providerFieldOrder.find((field) => next[field]);
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const invalid = validateProviderDraft(draft);
    if (Object.keys(invalid).length > 0) {
      return showErrors(Object.fromEntries(Object.entries(invalid).map(([field, key]) => [field, t(key)])));
    }
    setSubmitting(true);
    try {
      const input = toProviderInput(draft);
      const saved = props.editing
        ? await props.api.updateProvider(props.editing.id, input)
        : await props.api.createProvider(input);
      props.onSaved(saved, !props.editing);
    } catch (error) {
      const message =
        error instanceof ApiError && error.status === 0 ? t("error.unreachable") : (error as Error).message;
      setFailure(t("providerForm.failed", { message }));
    } finally {
      setSubmitting(false);
    }
  };

  const title = props.editing
    ? t("providerForm.editTitle", { name: props.editing.name })
    : t("providerForm.createTitle");
  return (
    <form className="form-card" onSubmit={submit} noValidate aria-labelledby={`${base}-title`}>
      <h2 id={`${base}-title`}>{title}</h2>
      <TextField
        id={fieldId("name")}
        label={t("providerForm.name")}
        value={draft.name}
        autoComplete="off"
        maxLength={64}
        error={errors.name}
        onChange={(value) => set("name", value)}
      />
      <fieldset className="field">
        <legend>{t("providerForm.kind")}</legend>
        <div className="radio-row">
          {KINDS.map((kind) => (
            <label key={kind} className="radio">
              <input
                type="radio"
                name={`${base}-kind`}
                value={kind}
                checked={draft.kind === kind}
                onChange={() => set("kind", kind)}
              />
              {t(`providerKind.${kind}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        id={fieldId("phone")}
        label={t("providerForm.phone")}
        type="tel"
        value={draft.phone}
        autoComplete="off"
        maxLength={21}
        hint={t("providerForm.phoneHint")}
        error={errors.phone}
        onChange={(value) => set("phone", value)}
      />
      <CheckboxGroup
        id={fieldId("serviceCodes")}
        legend={t("providerForm.services")}
        options={props.services.map((s) => ({ value: s.code, label: serviceName(s, locale) }))}
        chosen={draft.serviceCodes}
        error={errors.serviceCodes}
        onChange={(chosen) => set("serviceCodes", chosen)}
      />
      <CheckboxGroup
        id={fieldId("communityIds")}
        legend={t("providerForm.communities")}
        options={props.communities
          .filter((c) => !props.ownCommunity || c.id === props.ownCommunity)
          .map((c) => ({ value: c.id, label: c.name }))}
        chosen={draft.communityIds}
        error={errors.communityIds}
        onChange={(chosen) => set("communityIds", chosen)}
      />
      <div className="field">
        <label className="check-single">
          <input type="checkbox" checked={draft.active} onChange={(e) => set("active", e.target.checked)} />
          {t("providerForm.active")}
        </label>
      </div>
      <FormProblems errors={errors} failure={failure} />
      <div className="form-footer">
        <button type="submit" className="button button-primary" disabled={submitting}>
          {submitting
            ? t("providerForm.saving")
            : t(props.editing ? "providerForm.save" : "providerForm.create")}
        </button>
        {props.editing && (
          <button type="button" className="button" onClick={props.onCancelEdit}>
            {t("providerForm.cancelEdit")}
          </button>
        )}
      </div>
    </form>
  );
}
