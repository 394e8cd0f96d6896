import type { TerminalSummary } from "@linli/protocol";
import { useI18n } from "../i18n/i18n";

/**
 * Elder units this profile may be linked to: enrolled elder units of the profile's community that no other
 * elder has; the unit already linked stays listed, said to be revoked if it is.
 */
export function freeUnits(
  terminals: TerminalSummary[],
  takenIds: ReadonlySet<string>,
  communityId: string,
  currentId: string,
): TerminalSummary[] {
  return terminals
    .filter(
      (x) =>
        x.id === currentId ||
        (x.kind === "elder" && !x.revoked && x.communityId === communityId && !takenIds.has(x.id)),
    )
    .sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
}

export function UnitSelect(props: {
  id: string;
  units: TerminalSummary[];
  value: string;
  error?: string;
  onChange(terminalId: string): void;
}) {
  const { t } = useI18n();
  const free = props.units.filter((u) => u.id !== props.value);
  return (
    <div className="field">
      <label htmlFor={props.id}>{t("elder.unit")}</label>
      <select
        id={props.id}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={`${props.id}-hint${props.error ? ` ${props.id}-error` : ""}`}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="">{t("elder.noUnit")}</option>
        {props.units.map((unit) => (
          <option key={unit.id} value={unit.id}>
            {t("elder.unitOption", {
              name: unit.name,
              state: t(
                unit.revoked ? "presence.revoked" : unit.online ? "presence.online" : "presence.offline",
              ),
            })}
          </option>
        ))}
      </select>
      <p id={`${props.id}-hint`} className="field-hint">
        {free.length === 0 ? t("elder.noFreeUnits") : t("elder.unitHint")}
      </p>
      {props.error && (
        <p id={`${props.id}-error`} className="field-error">
          <span aria-hidden="true">✕ </span>
          {props.error}
        </p>
      )}
    </div>
  );
}
