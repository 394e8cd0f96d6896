import { useState } from "react";
import type { MessageKey } from "../shared/i18n";
import { useVisit } from "../visit-context";

const QUICK_COMMENTS: MessageKey[] = ["rate.fast", "rate.kind", "rate.clear", "rate.slow", "rate.unclear"];

/** 1–5 big stars and a few tap-to-add comments; the rating is saved on the kiosk and sent to the centre. */
export function RatingPanel({ receiptCode, onRated }: { receiptCode: string; onRated: () => void }) {
  const { t, bridge } = useVisit();
  const [score, setScore] = useState(0);
  const [comments, setComments] = useState<MessageKey[]>([]);
  const [state, setState] = useState<"open" | "sending" | "done" | "failed">("open");
  if (state === "done") {
    return (
      <p className="ok-box" role="status">
        {t("rate.thanks")}
      </p>
    );
  }
  const send = async () => {
    setState("sending");
    const comment = comments.map((key) => t(key)).join("，");
    const answer = await bridge.call("application:rate", { receiptCode, score, comment });
    setState(answer.ok ? "done" : "failed");
    if (answer.ok) onRated();
  };
  return (
    <section className="rating" aria-labelledby={`rate-${receiptCode}`}>
      <h3 id={`rate-${receiptCode}`}>{t("rate.title")}</h3>
      <fieldset className="stars" aria-label={t("rate.stars")}>
        {[1, 2, 3, 4, 5].map((value) => (
          <button
            key={value}
            type="button"
            className={value <= score ? "star on" : "star"}
            aria-pressed={value === score}
            aria-label={t("rate.star", { count: value })}
            onClick={() => setScore(value)}
          >
            {value <= score ? "★" : "☆"}
          </button>
        ))}
      </fieldset>
      <fieldset className="chips" aria-label={t("rate.comments")}>
        {QUICK_COMMENTS.map((key) => (
          <button
            key={key}
            type="button"
            className="chip"
            aria-pressed={comments.includes(key)}
            onClick={() =>
              setComments((current) =>
                current.includes(key) ? current.filter((k) => k !== key) : [...current, key],
              )
            }
          >
            {t(key)}
          </button>
        ))}
      </fieldset>
      {state === "failed" && (
        <p className="problem" role="alert">
          {t("rate.failed")}
        </p>
      )}
      <button
        type="button"
        className="big primary"
        disabled={score === 0 || state === "sending"}
        onClick={() => void send()}
      >
        {t("rate.send")}
      </button>
    </section>
  );
}
