import type { Community, StaffPrincipal } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { SelectField } from "./content-form";

/** The community an item belongs to; community staff can choose only their own. */
export function CommunitySelect(props: {
  communities: Community[];
  staff: StaffPrincipal;
  value: string;
  onChange(value: string): void;
}) {
  const { t } = useI18n();
  return (
    <SelectField
      label={t("facility.community")}
      value={props.value}
      options={props.communities
        .filter((c) => !props.staff.communityId || c.id === props.staff.communityId)
        .map((c) => ({ value: c.id, label: c.name }))}
      onChange={props.onChange}
    />
  );
}
