import type { CommunityElderService } from "@linli/protocol";
import { type FormEvent, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import { useI18n } from "../i18n/i18n";
import { serviceName } from "../services/service-words";

/** One service of a community's catalogue: offered or not, and the community's own target time. */
export function CommunityServiceRow(props: {
  api: ConsoleApi;
  communityId: string;
  entry: CommunityElderService;
  canEdit: boolean;
  onSaved(entry: CommunityElderService): void;
}) {
  const { t, locale } = useI18n();
  const { entry } = props;
  const ownTarget = entry.targetMinutes !== entry.countyTargetMinutes;
  const [offered, setOffered] = useState(entry.offered);
  const [target, setTarget] = useState(ownTarget ? String(entry.targetMinutes) : "");
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const name = serviceName(entry, locale);
  const changed = offered !== entry.offered || target !== (ownTarget ? String(entry.targetMinutes) : "");

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const minutes = target.trim() === "" ? null : Number(target);
    if (minutes !== null && (!Number.isInteger(minutes) || minutes < 5 || minutes > 14 * 24 * 60)) {
      setProblem(t("communityServices.targetInvalid"));
      return;
    }
    setSaving(true);
    setProblem(null);
    try {
      props.onSaved(
        await props.api.setCommunityService(props.communityId, entry.code, {
          offered,
          targetMinutes: minutes,
        }),
      );
    } catch (failure) {
      setProblem(t("communityServices.failed", { message: (failure as Error).message }));
    } finally {
      setSaving(false);
    }
  };

  const formId = `community-service-${entry.code}`;
  return (
    <tr data-service-code={entry.code} className={entry.offered ? undefined : "row-revoked"}>
      <th scope="row">{name}</th>
      <td>
        <label className="inline-check">
          <input
            type="checkbox"
            form={formId}
            checked={offered}
            disabled={!props.canEdit}
            onChange={(event) => setOffered(event.target.checked)}
          />
          {t("communityServices.offered")}
        </label>
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`${formId}-target`}>
          {t("communityServices.targetFor", { name })}
        </label>
        <input
          id={`${formId}-target`}
          form={formId}
          type="text"
          className="target-input"
          inputMode="numeric"
          value={target}
          disabled={!props.canEdit}
          placeholder={String(entry.countyTargetMinutes)}
          onChange={(event) => setTarget(event.target.value)}
        />{" "}
        <span className="cell-sub">
          {t("communityServices.countyTarget", { minutes: entry.countyTargetMinutes })}
        </span>
        {problem && (
          <span className="field-error" role="alert">
            {problem}
          </span>
        )}
      </td>
      {props.canEdit && (
        <td>
          <form id={formId} onSubmit={save}>
            <button type="submit" className="button button-small" disabled={saving || !changed}>
              {saving ? t("providerForm.saving") : t("communityServices.save", { name })}
            </button>
          </form>
        </td>
      )}
    </tr>
  );
}
