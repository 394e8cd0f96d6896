import type { LiftInput, StaffLift } from "@linli/protocol";
import { useCallback } from "react";
import type { ConsoleApi } from "../api/console-api";
import type { Community, StaffPrincipal } from "../api/types";
import { DataTable } from "../components/data-table";
import { TextField } from "../components/text-field";
import { formatTimestamp } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { CommunitySelect } from "./community-select";
import { ContentForm, InputField, SelectField } from "./content-form";
import { ContentSection } from "./content-section";
import { EditCell } from "./edit-cell";
import { useContentDraft } from "./use-content-draft";
import { useList } from "./use-list";

export const liftStatusWords: Record<StaffLift["status"], MessageKey> = {
  ok: "liftStatus.ok",
  "due-soon": "liftStatus.dueSoon",
  overdue: "liftStatus.overdue",
  "out-of-service": "liftStatus.outOfService",
};

/** Choosing this in the building list asks for a new building's name. */
const NEW_BUILDING = "";

interface Draft {
  buildingId: string;
  newBuildingName: string;
  communityId: string;
  location: string;
  lastInspected: string;
  nextDue: string;
  outOfService: boolean;
}

/** `YYYY-MM-DD` of an instant in the console's own time zone, for a date input. */
function localDate(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const startOfDay = (value: string) => (value ? new Date(`${value}T00:00:00`).toISOString() : "");

function toInput(draft: Draft): LiftInput {
  return {
    ...(draft.buildingId
      ? { buildingId: draft.buildingId }
      : { newBuilding: { communityId: draft.communityId, name: draft.newBuildingName } }),
    location: draft.location,
    lastInspectedAt: startOfDay(draft.lastInspected),
    nextInspectionDue: startOfDay(draft.nextDue),
    outOfService: draft.outOfService,
  };
}

/** Lifts of residential buildings: inspection dates and the status residents see on the kiosk. */
export function LiftEditor(props: {
  api: ConsoleApi;
  communities: Community[];
  staff: StaffPrincipal;
  canEdit: boolean;
  onSaved(message: string): void;
}) {
  const { t, locale } = useI18n();
  const { api } = props;
  const list = useList(useCallback(() => api.lifts(), [api]));
  const buildings = useList(useCallback(() => api.buildings(), [api]));
  const { editing, draft, set, edit, startOver } = useContentDraft<StaffLift, Draft>(() => ({
    buildingId: buildings.items?.[0]?.id ?? NEW_BUILDING,
    newBuildingName: "",
    communityId: props.staff.communityId ?? props.communities[0]?.id ?? "",
    location: "",
    lastInspected: "",
    nextDue: "",
    outOfService: false,
  }));
  const communityName = (id: string) => props.communities.find((c) => c.id === id)?.name ?? id;

  return (
    <ContentSection
      section="lifts"
      title={t("content.lifts")}
      loadError={list.error}
      form={
        props.canEdit && (
          <ContentForm
            title={
              editing
                ? t("lift.editTitle", { name: `${editing.buildingName} ${editing.location}` })
                : t("lift.addTitle")
            }
            editing={editing !== null}
            onCancel={startOver}
            save={async () => {
              const saved = await api.saveLift(editing?.id ?? null, toInput(draft));
              props.onSaved(t("content.saved", { name: `${saved.buildingName} ${saved.location}` }));
              startOver();
              list.reload();
              buildings.reload();
            }}
          >
            <SelectField
              label={t("lift.building")}
              value={draft.buildingId}
              options={[
                ...(buildings.items ?? []).map((b) => ({
                  value: b.id,
                  label: `${b.name}（${communityName(b.communityId)}）`,
                })),
                { value: NEW_BUILDING, label: t("lift.newBuilding") },
              ]}
              onChange={(value) => set("buildingId", value)}
            />
            {draft.buildingId === NEW_BUILDING && (
              <>
                <CommunitySelect
                  communities={props.communities}
                  staff={props.staff}
                  value={draft.communityId}
                  onChange={(value) => set("communityId", value)}
                />
                <TextField
                  label={t("lift.newBuildingName")}
                  value={draft.newBuildingName}
                  maxLength={80}
                  onChange={(v) => set("newBuildingName", v)}
                />
              </>
            )}
            <TextField
              label={t("lift.location")}
              value={draft.location}
              maxLength={80}
              placeholder="1 单元"
              onChange={(v) => set("location", v)}
            />
            <InputField
              label={t("lift.lastInspected")}
              type="date"
              value={draft.lastInspected}
              onChange={(v) => set("lastInspected", v)}
            />
            <InputField
              label={t("lift.nextDue")}
              type="date"
              value={draft.nextDue}
              hint={t("lift.nextDueHint")}
              onChange={(v) => set("nextDue", v)}
            />
            <div className="field">
              <label className="check-single">
                <input
                  type="checkbox"
                  checked={draft.outOfService}
                  onChange={(e) => set("outOfService", e.target.checked)}
                />
                {t("lift.outOfService")}
              </label>
            </div>
          </ContentForm>
        )
      }
    >
      {list.items?.length === 0 && <p className="empty">{t("content.noLifts")}</p>}
      {list.items && list.items.length > 0 && (
        <DataTable
          caption={t("content.lifts")}
          columns={[t("lift.where"), t("lift.lastInspected"), t("lift.nextDue"), t("lift.status")]}
          canEdit={props.canEdit}
        >
          {list.items.map((lift) => (
            <tr key={lift.id} data-lift-id={lift.id}>
              <th scope="row">
                <span className="terminal-name">
                  {lift.buildingName} {lift.location}
                </span>
                <span className="cell-sub">{communityName(lift.communityId)}</span>
              </th>
              <td>{formatTimestamp(lift.lastInspectedAt, locale).split(" ")[0]}</td>
              <td>{formatTimestamp(lift.nextInspectionDue, locale).split(" ")[0]}</td>
              <td>
                <span className={`lift-status lift-status-${lift.status}`}>
                  {t(liftStatusWords[lift.status])}
                </span>
              </td>
              {props.canEdit && (
                <EditCell
                  onEdit={() =>
                    edit(lift, {
                      buildingId: lift.buildingId,
                      newBuildingName: "",
                      communityId: lift.communityId,
                      location: lift.location,
                      lastInspected: localDate(lift.lastInspectedAt),
                      nextDue: localDate(lift.nextInspectionDue),
                      outOfService: lift.outOfService,
                    })
                  }
                />
              )}
            </tr>
          ))}
        </DataTable>
      )}
    </ContentSection>
  );
}
