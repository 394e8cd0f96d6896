import { useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import type { Community, StaffPrincipal } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { CommunityServiceRow } from "./community-service-row";
import { useCommunityServices } from "./use-community-services";

/**
 * Which of the county's elder services a community offers, and the target time it promises. Community
 * staff keep their own community's; administrators choose the community.
 */
export function CommunityServicesPanel(props: {
  api: ConsoleApi;
  communities: Community[];
  staff: StaffPrincipal;
}) {
  const { t } = useI18n();
  const { staff } = props;
  const [communityId, setCommunityId] = useState(staff.communityId ?? props.communities[0]?.id ?? null);
  const catalogue = useCommunityServices(props.api, communityId);
  const canEdit = staff.role === "admin" || staff.role === "community_staff";

  return (
    <section aria-labelledby="community-services-title" className="community-services">
      <h2 id="community-services-title" className="section-title">
        {t("communityServices.title")}
      </h2>
      <p className="page-intro">{t("communityServices.intro")}</p>
      {!staff.communityId && (
        <label className="filters">
          {t("communityServices.community")}{" "}
          <select value={communityId ?? ""} onChange={(event) => setCommunityId(event.target.value)}>
            {props.communities.map((community) => (
              <option key={community.id} value={community.id}>
                {community.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {catalogue.error && (
        <div className="message message-error" role="alert">
          {t("communityServices.loadFailed", { message: catalogue.error })}{" "}
          <button type="button" className="button button-small" onClick={catalogue.reload}>
            {t("fleet.retry")}
          </button>
        </div>
      )}
      {communityId && catalogue.services && (
        <div className="table-wrap">
          <table className="data-table" data-testid="community-services">
            <thead>
              <tr>
                <th scope="col">{t("communityServices.service")}</th>
                <th scope="col">{t("communityServices.offeredColumn")}</th>
                <th scope="col">{t("communityServices.target")}</th>
                {canEdit && <th scope="col">{t("column.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {catalogue.services.map((entry) => (
                <CommunityServiceRow
                  key={`${communityId}-${entry.code}-${entry.offered}-${entry.targetMinutes}`}
                  api={props.api}
                  communityId={communityId}
                  entry={entry}
                  canEdit={canEdit}
                  onSaved={catalogue.replace}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
