import { useI18n } from "../i18n/i18n";
import { PageTitle } from "./page-title";

/** What a staff member who is not an administrator sees on an administrator's page (reached by its URL). */
export function AdminOnly({ title }: { title: string }) {
  const { t } = useI18n();
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <p className="message message-info">{t("access.adminOnly")}</p>
    </>
  );
}
