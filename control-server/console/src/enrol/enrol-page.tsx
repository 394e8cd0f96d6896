import type { TerminalKind } from "@linli/protocol";
import { type FormEvent, useId, useRef, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import type { Community, EnrollmentCode, EnrollmentRequest, StaffPrincipal } from "../api/types";
import { PageTitle } from "../components/page-title";
import { useI18n } from "../i18n/i18n";
import { EnrollmentCodeCard } from "./enrollment-code-card";

const KINDS: TerminalKind[] = ["kiosk", "elder"];

/** An administrator creates a one-time code for a new terminal, to read out or type into its config. */
export function EnrolPage(props: { api: ConsoleApi; communities: Community[]; staff: StaffPrincipal }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<TerminalKind>("kiosk");
  const [communityId, setCommunityId] = useState(props.staff.communityId ?? "");
  const [name, setName] = useState("");
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ request: EnrollmentRequest; code: EnrollmentCode } | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const ids = { community: useId(), name: useId(), nameHint: useId(), error: useId() };
  const community = communityId || props.communities[0]?.id || "";

  if (props.staff.role !== "admin") {
    return (
      <>
        <PageTitle>{t("enrol.title")}</PageTitle>
        <p>{t("enrol.adminOnly")}</p>
      </>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t("enrol.nameRequired"));
      nameInput.current?.focus();
      return;
    }
    const request: EnrollmentRequest = { kind, communityId: community, name: name.trim() };
    setSubmitting(true);
    setError(null);
    try {
      setCreated({ request, code: await props.api.createEnrollmentCode(request) });
    } catch (failure) {
      setError(t("enrol.failed", { message: (failure as Error).message }));
    } finally {
      setSubmitting(false);
    }
  };

  if (created) {
    return (
      <>
        <PageTitle>{t("enrol.title")}</PageTitle>
        <EnrollmentCodeCard
          code={created.code}
          request={created.request}
          communityName={
            props.communities.find((c) => c.id === created.request.communityId)?.name ??
            created.request.communityId
          }
          onAnother={() => {
            setCreated(null);
            setName("");
          }}
        />
      </>
    );
  }

  return (
    <>
      <PageTitle>{t("enrol.title")}</PageTitle>
      <p className="page-intro">{t("enrol.intro")}</p>
      <form className="form-card" onSubmit={submit} noValidate>
        <fieldset className="field">
          <legend>{t("enrol.kind")}</legend>
          <div className="radio-row">
            {KINDS.map((option) => (
              <label key={option} className="radio">
                <input
                  type="radio"
                  name="kind"
                  value={option}
                  checked={kind === option}
                  onChange={() => setKind(option)}
                />
                {t(`kind.${option}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={ids.community}>{t("enrol.community")}</label>
          <select
            id={ids.community}
            value={community}
            disabled={props.staff.communityId !== null}
            onChange={(e) => setCommunityId(e.target.value)}
          >
            {props.communities.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.name}>{t("enrol.name")}</label>
          <input
            ref={nameInput}
            id={ids.name}
            type="text"
            maxLength={64}
            value={name}
            required
            aria-describedby={error ? `${ids.nameHint} ${ids.error}` : ids.nameHint}
            aria-invalid={error === t("enrol.nameRequired") ? true : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          <p id={ids.nameHint} className="field-hint">
            {t("enrol.nameHint")}
          </p>
        </div>
        {error && (
          <p id={ids.error} className="message message-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={submitting || !community}>
          {submitting ? t("enrol.submitting") : t("enrol.submit")}
        </button>
      </form>
    </>
  );
}
