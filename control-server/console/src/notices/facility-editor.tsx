import { type FacilityInput, facilityKinds, type StaffFacility } from "@linli/protocol";
import { useCallback } from "react";
import type { ConsoleApi } from "../api/console-api";
import type { Community, StaffPrincipal } from "../api/types";
import { DataTable } from "../components/data-table";
import { TextField } from "../components/text-field";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { CommunitySelect } from "./community-select";
import { ContentForm, InputField, SelectField } from "./content-form";
import { ContentSection } from "./content-section";
import { EditCell } from "./edit-cell";
import { useContentDraft } from "./use-content-draft";
import { useList } from "./use-list";

export const facilityKindWords: Record<StaffFacility["kind"], MessageKey> = {
  toilet: "facilityKind.toilet",
  parking: "facilityKind.parking",
  petrol: "facilityKind.petrol",
  clinic: "facilityKind.clinic",
  pharmacy: "facilityKind.pharmacy",
  charging: "facilityKind.charging",
};

interface Draft {
  communityId: string;
  kind: StaffFacility["kind"];
  name: string;
  address: string;
  distanceMeters: string;
  openingHours: string;
  phone: string;
}

const draftOf = (facility: StaffFacility): Draft => ({
  communityId: facility.communityId,
  kind: facility.kind,
  name: facility.name,
  address: facility.address,
  distanceMeters: String(facility.distanceMeters),
  openingHours: facility.openingHours,
  phone: facility.phone ?? "",
});

const toInput = (draft: Draft): FacilityInput => ({
  ...draft,
  distanceMeters: Number(draft.distanceMeters),
  phone: draft.phone.trim() || null,
});

/** Nearby places a community's kiosks list (toilets, parking, petrol, clinics, …): the list and its editor. */
export function FacilityEditor(props: {
  api: ConsoleApi;
  communities: Community[];
  staff: StaffPrincipal;
  canEdit: boolean;
  onSaved(message: string): void;
}) {
  const { t } = useI18n();
  const { api } = props;
  const list = useList(useCallback(() => api.facilities(), [api]));
  const { editing, draft, set, edit, startOver } = useContentDraft<StaffFacility, Draft>(() => ({
    communityId: props.staff.communityId ?? props.communities[0]?.id ?? "",
    kind: "toilet",
    name: "",
    address: "",
    distanceMeters: "",
    openingHours: "",
    phone: "",
  }));
  const communityName = (id: string) => props.communities.find((c) => c.id === id)?.name ?? id;

  return (
    <ContentSection
      section="facilities"
      title={t("content.facilities")}
      loadError={list.error}
      form={
        props.canEdit && (
          <ContentForm
            title={editing ? t("facility.editTitle", { name: editing.name }) : t("facility.addTitle")}
            editing={editing !== null}
            onCancel={startOver}
            save={async () => {
              const saved = await api.saveFacility(editing?.id ?? null, toInput(draft));
              props.onSaved(t("content.saved", { name: saved.name }));
              startOver();
              list.reload();
            }}
          >
            <CommunitySelect
              communities={props.communities}
              staff={props.staff}
              value={draft.communityId}
              onChange={(value) => set("communityId", value)}
            />
            <SelectField
              label={t("facility.kind")}
              value={draft.kind}
              options={facilityKinds.map((kind) => ({ value: kind, label: t(facilityKindWords[kind]) }))}
              onChange={(value) => set("kind", value as Draft["kind"])}
            />
            <TextField
              label={t("facility.name")}
              value={draft.name}
              maxLength={80}
              onChange={(v) => set("name", v)}
            />
            <TextField
              label={t("facility.address")}
              value={draft.address}
              maxLength={160}
              onChange={(v) => set("address", v)}
            />
            <InputField
              label={t("facility.distance")}
              type="number"
              value={draft.distanceMeters}
              hint={t("facility.distanceHint")}
              onChange={(v) => set("distanceMeters", v)}
            />
            <TextField
              label={t("facility.openingHours")}
              value={draft.openingHours}
              maxLength={80}
              placeholder="08:00–17:30"
              onChange={(v) => set("openingHours", v)}
            />
            <TextField
              label={t("facility.phone")}
              type="tel"
              value={draft.phone}
              maxLength={20}
              onChange={(v) => set("phone", v)}
            />
          </ContentForm>
        )
      }
    >
      {list.items?.length === 0 && <p className="empty">{t("content.noFacilities")}</p>}
      {list.items && list.items.length > 0 && (
        <DataTable
          caption={t("content.facilities")}
          columns={[t("facility.name"), t("facility.address"), t("facility.openingHours")]}
          canEdit={props.canEdit}
        >
          {list.items.map((facility) => (
            <tr key={facility.id} aria-current={editing?.id === facility.id ? "true" : undefined}>
              <th scope="row">
                <span className="terminal-name">{facility.name}</span>
                <span className="cell-sub">
                  {t(facilityKindWords[facility.kind])} · {communityName(facility.communityId)}
                </span>
              </th>
              <td>
                {facility.address}
                <span className="cell-sub">{t("facility.metres", { count: facility.distanceMeters })}</span>
              </td>
              <td>
                {facility.openingHours}
                {facility.phone && <span className="cell-sub">{facility.phone}</span>}
              </td>
              {props.canEdit && <EditCell onEdit={() => edit(facility, draftOf(facility))} />}
            </tr>
          ))}
        </DataTable>
      )}
    </ContentSection>
  );
}
