import {
  type ApplicationService,
  type ApplicationView,
  idNumberSchema,
  materialsNeeded,
  mobilePhoneSchema,
} from "@linli/protocol";
import { type FormEvent, useEffect, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import type { Community, StaffPrincipal } from "../api/types";
import { TextField } from "../components/text-field";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";

interface Problems {
  name?: MessageKey;
  idNumber?: MessageKey;
  phone?: MessageKey;
}

/**
 * 窗口代办: a resident at the counter; the clerk picks the service, types who, answers the questions with
 * them and sees the checklist those answers make, then submits (the server issues the receipt code).
 */
export function NewApplicationForm(props: {
  api: ConsoleApi;
  communities: Community[];
  staff: StaffPrincipal;
  onCreated(application: ApplicationView): void;
  onCancel(): void;
}) {
  const { t, locale } = useI18n();
  const [services, setServices] = useState<ApplicationService[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [serviceCode, setServiceCode] = useState("");
  const [communityId, setCommunityId] = useState(props.staff.communityId ?? props.communities[0]?.id ?? "");
  const [name, setName] = useState("");
  const [idNumber, setIdNumber] = useState("");
  const [phone, setPhone] = useState("");
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    props.api.applicationServices().then(
      (list) => {
        const active = list.filter((service) => service.active);
        setServices(active);
        setServiceCode((current) => current || (active[0]?.code ?? ""));
      },
      (error: unknown) => setLoadError((error as Error).message),
    );
  }, [props.api]);
  useEffect(() => {
    if (!communityId && props.communities[0]) setCommunityId(props.communities[0].id);
  }, [communityId, props.communities]);

  const service = services?.find((s) => s.code === serviceCode) ?? null;
  const english = locale === "en";
  const typedId = idNumber.trim().toUpperCase();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!service) return;
    const found: Problems = {};
    if (!name.trim()) found.name = "newApplication.nameRequired";
    if (!idNumberSchema.safeParse(typedId).success) found.idNumber = "newApplication.idInvalid";
    if (phone.trim() && !mobilePhoneSchema.safeParse(phone.trim()).success)
      found.phone = "newApplication.phoneInvalid";
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      const created = await props.api.createApplication({
        serviceCode: service.code,
        applicant: { idNumber: typedId, name: name.trim(), phone: phone.trim() || null },
        answers: Object.fromEntries(service.questions.map((q) => [q.code, answers[q.code] ?? false])),
        ...(props.staff.communityId ? {} : { communityId }),
      });
      props.onCreated(created);
    } catch (error) {
      const message = (error as Error).message;
      if (/check digit/i.test(message)) setProblems({ idNumber: "newApplication.idCheckDigit" });
      else setFailure(t("newApplication.failed", { message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel new-application" aria-labelledby="new-application-title">
      <h2 id="new-application-title">{t("newApplication.title")}</h2>
      {loadError && (
        <p className="message message-error" role="alert">
          {t("newApplication.loadFailed", { message: loadError })}
        </p>
      )}
      {services && (
        <form className="action-form" onSubmit={submit} noValidate>
          <div className="editor-grid">
            <div className="field">
              <label htmlFor="new-application-service">{t("newApplication.service")}</label>
              <select
                id="new-application-service"
                value={serviceCode}
                onChange={(event) => {
                  setServiceCode(event.target.value);
                  setAnswers({});
                }}
              >
                {services.map((s) => (
                  <option key={s.code} value={s.code}>
                    {english ? s.nameEn : s.name}
                  </option>
                ))}
              </select>
            </div>
            {props.staff.communityId ? (
              <span />
            ) : (
              <div className="field">
                <label htmlFor="new-application-community">{t("newApplication.community")}</label>
                <select
                  id="new-application-community"
                  value={communityId}
                  onChange={(event) => setCommunityId(event.target.value)}
                >
                  {props.communities.map((community) => (
                    <option key={community.id} value={community.id}>
                      {community.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <TextField
              label={t("newApplication.name")}
              value={name}
              onChange={setName}
              maxLength={60}
              required
              error={problems.name ? t(problems.name) : null}
            />
            <TextField
              label={t("newApplication.idNumber")}
              value={idNumber}
              onChange={setIdNumber}
              maxLength={18}
              autoComplete="off"
              required
              hint={t("newApplication.idHint")}
              error={problems.idNumber ? t(problems.idNumber) : null}
            />
            <TextField
              label={t("newApplication.phone")}
              type="tel"
              value={phone}
              onChange={setPhone}
              maxLength={11}
              autoComplete="off"
              error={problems.phone ? t(problems.phone) : null}
            />
          </div>
          {service && service.questions.length > 0 && (
            <fieldset className="question-list">
              <legend>{t("newApplication.questions")}</legend>
              {service.questions.map((question) => (
                <fieldset key={question.code} className="question-row">
                  <legend>{english ? question.textEn : question.text}</legend>
                  {([true, false] as const).map((value) => (
                    <label key={String(value)} className="check-line">
                      <input
                        type="radio"
                        name={`answer-${question.code}`}
                        checked={(answers[question.code] ?? false) === value}
                        onChange={() => setAnswers((held) => ({ ...held, [question.code]: value }))}
                      />
                      {t(value ? "newApplication.yes" : "newApplication.no")}
                    </label>
                  ))}
                </fieldset>
              ))}
            </fieldset>
          )}
          {service && (
            <div>
              <p>
                <strong>{t("newApplication.checklist")}</strong>
              </p>
              <ul className="checklist" data-testid="new-application-checklist">
                {materialsNeeded(service, answers).map((material) => (
                  <li key={material.code}>{english ? material.nameEn : material.name}</li>
                ))}
              </ul>
            </div>
          )}
          {failure && (
            <p className="message message-error" role="alert">
              {failure}
            </p>
          )}
          <div className="form-footer">
            <button type="button" className="button" onClick={props.onCancel}>
              {t("newApplication.cancel")}
            </button>
            <button type="submit" className="button button-primary" disabled={busy || !service}>
              {t(busy ? "newApplication.submitting" : "newApplication.submit")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
