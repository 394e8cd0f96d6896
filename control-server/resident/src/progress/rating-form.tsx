import type { PublicApplicationView } from "@linli/protocol";
import { type FormEvent, useId, useState } from "react";
import { fetchApplication, PublicApiError, rateApplication } from "../api/public-api";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";

const SCORES = [1, 2, 3, 4, 5] as const;
const SCORE_WORDS: Record<(typeof SCORES)[number], MessageKey> = {
  1: "rating.starWords1",
  2: "rating.starWords2",
  3: "rating.starWords3",
  4: "rating.starWords4",
  5: "rating.starWords5",
};

/** Once decided, the resident rates the service once: 1–5 stars (native radios, big) and a comment. */
export function RatingForm(props: {
  receiptCode: string;
  rating: PublicApplicationView["rating"];
  onRated(view: PublicApplicationView): void;
}) {
  const { t } = useI18n();
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState("");
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [justRated, setJustRated] = useState(false);
  const commentId = useId();

  if (props.rating) {
    return (
      <section className="card rating-done" aria-labelledby="rating-title" data-testid="rating-done">
        <h2 id="rating-title">{t("rating.title")}</h2>
        {justRated && (
          <p className="thanks" role="status">
            {t("rating.thanks")}
          </p>
        )}
        {problem === "rating.already" && (
          <p className="field-problem" role="status">
            {t("rating.already")}
          </p>
        )}
        <p className="stars-shown" aria-hidden="true">
          {"★".repeat(props.rating.score)}
          {"☆".repeat(Math.max(0, 5 - props.rating.score))}
        </p>
        <p>{t("rating.yours", { count: props.rating.score })}</p>
        {props.rating.comment && <p className="rating-comment">{props.rating.comment}</p>}
      </section>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (score === null) {
      setProblem("rating.chooseStars");
      return;
    }
    setSending(true);
    setProblem(null);
    try {
      const view = await rateApplication(props.receiptCode, { score, comment: comment.trim() });
      setJustRated(true);
      props.onRated(view);
    } catch (error) {
      // 409: rated already (another phone, or the kiosk): say so and show that rating instead of the form.
      // Anything else may work on a second try.
      if (error instanceof PublicApiError && error.status === 409) {
        setProblem("rating.already");
        fetchApplication(props.receiptCode).then(props.onRated, () => undefined);
      } else {
        setProblem("rating.failed");
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="card rating" aria-labelledby="rating-title" onSubmit={submit} noValidate>
      <h2 id="rating-title">{t("rating.title")}</h2>
      <fieldset className="stars">
        <legend>{t("rating.stars")}</legend>
        <div className="star-row">
          {SCORES.map((value) => (
            <label key={value} className={score !== null && value <= score ? "star star-on" : "star"}>
              <input
                type="radio"
                name="score"
                value={value}
                checked={score === value}
                onChange={() => {
                  setScore(value);
                  setProblem(null);
                }}
                className="visually-hidden"
              />
              <span aria-hidden="true">★</span>
              <span className="visually-hidden">
                {t("rating.star", { count: value })} {t(SCORE_WORDS[value])}
              </span>
            </label>
          ))}
        </div>
        <p className="star-words" aria-live="polite">
          {score !== null ? t(SCORE_WORDS[score as (typeof SCORES)[number]]) : "\u00a0"}
        </p>
      </fieldset>
      <label htmlFor={commentId}>{t("rating.comment")}</label>
      <textarea
        id={commentId}
        value={comment}
        maxLength={200}
        rows={3}
        onChange={(event) => setComment(event.target.value)}
      />
      {problem && (
        <p className="field-problem" role="alert">
          {t(problem)}
        </p>
      )}
      <button type="submit" className="button button-primary button-wide" disabled={sending}>
        {t(sending ? "rating.submitting" : "rating.submit")}
      </button>
    </form>
  );
}
