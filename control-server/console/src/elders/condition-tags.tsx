import { type KeyboardEvent, useState } from "react";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { MAX_CONDITION_LENGTH, MAX_CONDITIONS } from "./elder-draft";

/** Conditions staff often record; any other can be typed. */
const SUGGESTIONS = [
  "高血压",
  "糖尿病",
  "心脏病",
  "脑卒中后遗症",
  "认知障碍",
  "行动不便",
  "听力下降",
  "视力下降",
];

/** Adds the typed condition to the list; answers why not, or null. */
export function addCondition(
  conditions: string[],
  typed: string,
): { next: string[]; problem: MessageKey | null } {
  const condition = typed.trim();
  if (!condition) return { next: conditions, problem: null };
  if (condition.length > MAX_CONDITION_LENGTH) return { next: conditions, problem: "elder.conditionTooLong" };
  if (conditions.includes(condition)) return { next: conditions, problem: "elder.conditionDuplicate" };
  if (conditions.length >= MAX_CONDITIONS) return { next: conditions, problem: "elder.conditionsTooMany" };
  return { next: [...conditions, condition], problem: null };
}

/** Conditions as tags: typed and added (Enter or the button), each removable by its own labelled button. */
export function ConditionTags(props: {
  id: string;
  conditions: string[];
  pending: string;
  error?: string;
  onPendingChange(value: string): void;
  onChange(conditions: string[]): void;
}) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const error = problem ? t(problem) : props.error;

  const add = () => {
    const result = addCondition(props.conditions, props.pending);
    setProblem(result.problem);
    if (!result.problem) {
      props.onChange(result.next);
      props.onPendingChange("");
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter") return;
    // Enter adds the tag; it does not submit the whole profile.
    event.preventDefault();
    add();
  };
  const remove = (condition: string) => {
    props.onChange(props.conditions.filter((c) => c !== condition));
    document.getElementById(props.id)?.focus();
  };

  return (
    <div className="field">
      <label htmlFor={props.id}>{t("elder.conditions")}</label>
      {props.conditions.length > 0 && (
        <ul className="tags" aria-label={t("elder.conditionsRecorded")} data-testid="condition-tags">
          {props.conditions.map((condition) => (
            <li key={condition} className="tag tag-removable" data-condition={condition}>
              {condition}
              <button type="button" className="tag-remove" onClick={() => remove(condition)}>
                <span aria-hidden="true">✕</span>
                <span className="visually-hidden">{t("elder.removeCondition", { condition })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="tag-input">
        <input
          id={props.id}
          type="text"
          list="elder-condition-suggestions"
          maxLength={MAX_CONDITION_LENGTH}
          value={props.pending}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${props.id}-hint${error ? ` ${props.id}-error` : ""}`}
          onChange={(e) => {
            props.onPendingChange(e.target.value);
            setProblem(null);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="button" onClick={add}>
          {t("elder.addCondition")}
        </button>
      </div>
      <datalist id="elder-condition-suggestions">
        {SUGGESTIONS.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <p id={`${props.id}-hint`} className="field-hint">
        {t("elder.conditionsHint")}
      </p>
      {error && (
        <p id={`${props.id}-error`} className="field-error">
          <span aria-hidden="true">✕ </span>
          {error}
        </p>
      )}
    </div>
  );
}
