import { normaliseReceiptCode } from "@linli/protocol";
import { type FormEvent, useId, useState } from "react";
import { useI18n } from "../i18n/i18n";
import { navigate, progressPath } from "../use-path-route";

/**
 * Typing a receipt code: forgiving of case, spaces, missing dashes and O/0, I/1 mix-ups; a code that still
 * cannot be one is explained under the box instead of sent.
 */
export function LookupBox(props: { title?: string; initialProblem?: string | null }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState("");
  const [problem, setProblem] = useState<string | null>(props.initialProblem ?? null);
  const inputId = useId();
  const problemId = useId();
  const hintId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = normaliseReceiptCode(typed);
    if (!code) {
      setProblem(t("lookup.invalid"));
      return;
    }
    setProblem(null);
    setTyped("");
    navigate(progressPath(code));
  };

  return (
    <form className="card lookup" onSubmit={submit} noValidate>
      {props.title && <h2>{props.title}</h2>}
      <label htmlFor={inputId}>{t("lookup.label")}</label>
      <p className="hint" id={hintId}>
        {t("lookup.hint")}
      </p>
      <div className="lookup-row">
        <input
          id={inputId}
          className="code-input"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          placeholder={t("lookup.placeholder")}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          inputMode="text"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${hintId} ${problemId}` : hintId}
        />
        <button type="submit" className="button button-primary">
          {t("lookup.submit")}
        </button>
      </div>
      {problem && (
        <p className="field-problem" id={problemId} role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
