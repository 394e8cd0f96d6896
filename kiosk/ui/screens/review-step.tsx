import {
  type ApplicationAnswers,
  type ApplicationMaterial,
  type ApplicationService,
  mobilePhoneSchema,
} from "@linli/protocol";
import { useState } from "react";
import { Keypad } from "../components/keypad";
import { ScreenTitle } from "../components/screen-title";
import { localized, useVisit } from "../visit-context";
import type { ProvidedMaterials } from "./apply-screen";

const DIGITS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"] as const;

/** 138 0013 8000 */
function groupPhone(value: string): string {
  return [value.slice(0, 3), value.slice(3, 7), value.slice(7)].filter(Boolean).join(" ");
}

/** Before submitting: the answers, what is still missing, and an optional phone number for SMS. */
export function ReviewStep(props: {
  service: ApplicationService;
  receiptCode: string;
  answers: ApplicationAnswers;
  needed: ApplicationMaterial[];
  provided: ProvidedMaterials;
  onBack: () => void;
}) {
  const { t, locale, bridge, replace } = useVisit();
  const [phone, setPhone] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const missing = props.needed.filter((material) => !props.provided[material.code]?.length);
  const phoneOk = phone === "" || mobilePhoneSchema.safeParse(phone).success;

  const submit = async () => {
    setBusy(true);
    setProblem(null);
    const answer = await bridge.call("application:submit", {
      receiptCode: props.receiptCode,
      answers: props.answers,
      phone: phone === "" ? null : phone,
    });
    setBusy(false);
    if (answer.ok) replace({ name: "receipt", application: answer.data });
    else setProblem(t("review.failed"));
  };

  return (
    <main className="screen review">
      <ScreenTitle onBack={props.onBack}>{t("review.title")}</ScreenTitle>
      <dl className="summary">
        <dt>{t("review.service")}</dt>
        <dd>{localized(locale, props.service.name, props.service.nameEn)}</dd>
        {props.service.questions.map((question) => (
          <div key={question.code} className="summary-row">
            <dt>{localized(locale, question.text, question.textEn)}</dt>
            <dd>{props.answers[question.code] ? t("apply.yes") : t("apply.no")}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="missing-title" className={missing.length ? "missing-box" : "ok-box"}>
        <h2 id="missing-title">
          {missing.length ? t("review.missingTitle", { count: missing.length }) : t("review.nothingMissing")}
        </h2>
        {missing.length > 0 && (
          <>
            <ul>
              {missing.map((material) => (
                <li key={material.code}>{localized(locale, material.name, material.nameEn)}</li>
              ))}
            </ul>
            <p>{t("review.missingHint")}</p>
          </>
        )}
      </section>
      <section aria-labelledby="phone-label" className="phone-entry">
        <h2 id="phone-label">{t("review.phoneTitle")}</h2>
        <Keypad
          keys={DIGITS}
          value={phone}
          maxLength={11}
          onChange={setPhone}
          label={t("review.phoneLabel")}
          format={groupPhone}
          columns={5}
        />
        {!phoneOk && <p className="problem">{t("review.phoneWrong")}</p>}
      </section>
      {problem && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      <button
        type="button"
        className="big primary wide"
        disabled={busy || !phoneOk}
        onClick={() => void submit()}
        data-testid="submit"
      >
        {busy ? t("review.submitting") : t("review.submit")}
      </button>
    </main>
  );
}
