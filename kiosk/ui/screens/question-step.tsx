import type { ApplicationService } from "@linli/protocol";
import { ScreenTitle } from "../components/screen-title";
import { localized, useVisit } from "../visit-context";

/** One yes/no question per screen, with two huge answers; the current answer shows as pressed. */
export function QuestionStep(props: {
  service: ApplicationService;
  index: number;
  answer: boolean | undefined;
  onAnswer: (value: boolean) => void;
  onBack: () => void;
}) {
  const { t, locale } = useVisit();
  const question = props.service.questions[props.index]!;
  return (
    <main className="screen question">
      <ScreenTitle onBack={props.onBack}>
        {localized(locale, props.service.name, props.service.nameEn)}
      </ScreenTitle>
      <p className="step-count">
        {t("apply.questionCount", { index: props.index + 1, count: props.service.questions.length })}
      </p>
      <h2 className="question-text" id="question-text">
        {localized(locale, question.text, question.textEn)}
      </h2>
      <p className="quiet">{t("apply.questionHint")}</p>
      <fieldset className="yes-no" aria-labelledby="question-text">
        <button
          type="button"
          className="answer yes"
          aria-pressed={props.answer === true}
          onClick={() => props.onAnswer(true)}
        >
          {t("apply.yes")}
        </button>
        <button
          type="button"
          className="answer no"
          aria-pressed={props.answer === false}
          onClick={() => props.onAnswer(false)}
        >
          {t("apply.no")}
        </button>
      </fieldset>
    </main>
  );
}
