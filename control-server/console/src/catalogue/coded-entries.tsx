import type { ReactNode } from "react";
import { TextField } from "../components/text-field";
import { useI18n } from "../i18n/i18n";

/**
 * A service's questions or materials: each entry in a fieldset of its own, its code typed only until the
 * entry is first saved (earlier applications refer to it by that code), each removable, more added up to
 * `max`.
 */
export function CodedEntries<Entry extends { code: string; saved: boolean }>(props: {
  testId: string;
  title: string;
  entries: Entry[];
  max: number;
  entryTitle(number: number): string;
  codeLabel: string;
  removeLabel: string;
  addLabel: string;
  newEntry(): Entry;
  onChange(entries: Entry[]): void;
  /** An attribute naming each entry's place, for finding an entry on the page. */
  indexAttribute?: `data-${string}`;
  /** The entry's own fields, in the grid after its code. */
  fields(entry: Entry, change: (patch: Partial<Entry>) => void): ReactNode;
  /** What follows the grid, such as a material's conditions. */
  below?(entry: Entry, change: (patch: Partial<Entry>) => void): ReactNode;
}) {
  const { t } = useI18n();
  const { entries } = props;
  const changeAt = (index: number) => (patch: Partial<Entry>) =>
    props.onChange(entries.map((entry, i) => (i === index ? { ...entry, ...patch } : entry)));
  return (
    <fieldset data-testid={props.testId}>
      <legend>{props.title}</legend>
      {entries.map((entry, index) => {
        const change = changeAt(index);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: an entry's code is being typed; its place is its identity.
          <fieldset key={index} {...(props.indexAttribute ? { [props.indexAttribute]: index } : {})}>
            <legend>
              {props.entryTitle(index + 1)}
              {entry.saved && ` · ${entry.code}`}
            </legend>
            <div className="editor-grid">
              {!entry.saved && (
                <>
                  <TextField
                    label={props.codeLabel}
                    value={entry.code}
                    onChange={(code) => change({ code } as Partial<Entry>)}
                    hint={t("catalogue.codeHint")}
                    maxLength={40}
                  />
                  <span />
                </>
              )}
              {props.fields(entry, change)}
            </div>
            {props.below?.(entry, change)}
            <div>
              <button
                type="button"
                className="button button-small button-danger-outline"
                onClick={() => props.onChange(entries.filter((_, i) => i !== index))}
              >
                {props.removeLabel}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div>
        <button
          type="button"
          className="button"
          disabled={entries.length >= props.max}
          onClick={() => props.onChange([...entries, props.newEntry()])}
        >
          {props.addLabel}
        </button>
      </div>
    </fieldset>
  );
}
