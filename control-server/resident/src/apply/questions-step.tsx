import type { ApplicationAnswers, ApplicationService } from "@linli/protocol";
import { useState } from "react";
import { useI18n } from "../i18n/i18n";

/** The service's yes/no questions, each answered with a big 是 or 否; every one must be answered. */
export function QuestionsStep(props: {
  service: ApplicationService;
  answers: ApplicationAnswers;
  onAnswer(answers: ApplicationAnswers): void;
  onNext(): void;
}) {
  const { t, locale } = useI18n();
  const [problem, setProblem] = useState(false);
  const answered = props.service.questions.every((question) => question.code in props.answers);
  return (
    <>
      <p className="lead">{t("apply.questionsIntro")}</p>
      {props.service.questions.map((question) => (
        <fieldset key={question.code} className="card apply-question" data-question={question.code}>
          <legend className="apply-question-text">{locale === "en" ? question.textEn : question.text}</legend>
          <div className="apply-yes-no">
            {([true, false] as const).map((value) => (
              <button
                key={String(value)}
                type="button"
                className={props.answers[question.code] === value ? "button button-primary" : "button"}
                aria-pressed={props.answers[question.code] === value}
                onClick={() => {
                  setProblem(false);
                  props.onAnswer({ ...props.answers, [question.code]: value });
                }}
              >
                {t(value ? "apply.yes" : "apply.no")}
              </button>
            ))}
          </div>
        </fieldset>
      ))}
      {problem && !answered && (
        <p className="field-problem" role="alert">
          {t("apply.answerAll")}
        </p>
      )}
      <button
        type="button"
        className="button button-primary button-wide"
        onClick={() => (answered ? props.onNext() : setProblem(true))}
      >
        {t("apply.next")}
      </button>
    </>
  );
}
