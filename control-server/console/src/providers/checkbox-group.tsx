/** A labelled set of checkboxes (a fieldset), with its error tied to the group for screen readers. */
export function CheckboxGroup(props: {
  id: string;
  legend: string;
  options: Array<{ value: string; label: string }>;
  chosen: string[];
  disabled?: boolean;
  error?: string;
  onChange(chosen: string[]): void;
}) {
  const errorId = `${props.id}-error`;
  return (
    <fieldset
      className="field"
      id={props.id}
      tabIndex={-1}
      aria-invalid={props.error ? true : undefined}
      aria-describedby={props.error ? errorId : undefined}
    >
      <legend>{props.legend}</legend>
      <div className="check-row">
        {props.options.map((option) => (
          <label key={option.value} className="radio">
            <input
              type="checkbox"
              checked={props.chosen.includes(option.value)}
              disabled={props.disabled}
              onChange={(e) =>
                props.onChange(
                  e.target.checked
                    ? [...props.chosen, option.value]
                    : props.chosen.filter((value) => value !== option.value),
                )
              }
            />
            {option.label}
          </label>
        ))}
      </div>
      {props.error && (
        <p id={errorId} className="field-error">
          <span aria-hidden="true">✕ </span>
          {props.error}
        </p>
      )}
    </fieldset>
  );
}
