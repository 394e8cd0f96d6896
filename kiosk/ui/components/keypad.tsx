import { useVisit } from "../visit-context";

/**
 * An on-screen keypad (no system keyboard on a kiosk): big keys, a delete key, and what was typed shown
 * above it, grouped so that it can be checked at a glance.
 */
export function Keypad(props: {
  keys: readonly string[];
  value: string;
  maxLength: number;
  onChange: (value: string) => void;
  /** Names the field, e.g. "身份证号". */
  label: string;
  /** How to show the value (grouping); the raw value by default. */
  format?: (value: string) => string;
  columns?: number;
}) {
  const { t } = useVisit();
  const { value, maxLength, onChange } = props;
  const shown = props.format ? props.format(value) : value;
  return (
    <div className="keypad-block">
      <output className="typed" aria-label={props.label} aria-live="polite" data-testid="typed">
        {shown || <span className="placeholder">{t("keypad.empty")}</span>}
      </output>
      <div className="keypad" style={{ gridTemplateColumns: `repeat(${props.columns ?? 3}, 1fr)` }}>
        {props.keys.map((key) => (
          <button
            key={key}
            type="button"
            className="key"
            disabled={value.length >= maxLength}
            onClick={() => onChange(value + key)}
          >
            {key}
          </button>
        ))}
        <button
          type="button"
          className="key key-delete"
          disabled={value.length === 0}
          aria-label={t("keypad.delete")}
          onClick={() => onChange(value.slice(0, -1))}
        >
          ⌫
        </button>
        <button
          type="button"
          className="key key-clear"
          disabled={value.length === 0}
          onClick={() => onChange("")}
        >
          {t("keypad.clear")}
        </button>
      </div>
    </div>
  );
}

/** 4301 0419 9001 0112 34: an ID number in groups of 6, 8 and 4 (region, birth date, sequence). */
export function groupIdNumber(value: string): string {
  return [value.slice(0, 6), value.slice(6, 14), value.slice(14)].filter(Boolean).join(" ");
}
