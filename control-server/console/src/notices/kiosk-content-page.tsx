import { useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import type { Community, StaffPrincipal } from "../api/types";
import { PageTitle } from "../components/page-title";
import { pageHref } from "../components/use-hash-route";
import { useI18n } from "../i18n/i18n";
import { FacilityEditor } from "./facility-editor";
import { GuideEditor } from "./guide-editor";
import { LiftEditor } from "./lift-editor";
import "./notices.css";

/**
 * What kiosks show besides notices: nearby facilities and lifts (kept by each community), guides and
 * policies (kept by the county). Every save reaches the kiosks of the community concerned at once.
 */
export function KioskContentPage(props: {
  api: ConsoleApi;
  communities: Community[];
  staff: StaffPrincipal;
}) {
  const { t } = useI18n();
  const [saved, setSaved] = useState<string | null>(null);
  const { role } = props.staff;
  // The server's rules, mirrored.
  const keepsLocal = role === "admin" || role === "caseworker" || role === "community_staff";
  const keepsCounty = role === "admin" || role === "caseworker";
  return (
    <>
      <p className="back">
        <a className="back-link" href={pageHref("notices")}>
          <span aria-hidden="true">← </span>
          {t("noticeDetail.back")}
        </a>
      </p>
      <PageTitle>{t("content.title")}</PageTitle>
      <p className="page-intro">{t("content.intro")}</p>
      <div className="messages" aria-live="polite">
        {saved && (
          <p className="message message-ok" data-testid="content-saved">
            {saved}
          </p>
        )}
      </div>
      <FacilityEditor
        api={props.api}
        communities={props.communities}
        staff={props.staff}
        canEdit={keepsLocal}
        onSaved={setSaved}
      />
      <LiftEditor
        api={props.api}
        communities={props.communities}
        staff={props.staff}
        canEdit={keepsLocal}
        onSaved={setSaved}
      />
      <GuideEditor api={props.api} canEdit={keepsCounty} onSaved={setSaved} />
    </>
  );
}
