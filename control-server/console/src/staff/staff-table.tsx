import type { StaffAccount } from "../api/types";
import { useNow } from "../components/use-now";
import { formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { AccountStatus } from "./account-status";

export function StaffTable(props: { staff: StaffAccount[]; communityName(id: string): string }) {
  const { t, locale } = useI18n();
  const now = useNow(30_000);
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{t("staff.caption", { count: props.staff.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("staff.displayName")}</th>
            <th scope="col">{t("staff.role")}</th>
            <th scope="col">{t("staff.community")}</th>
            <th scope="col">{t("staff.status")}</th>
            <th scope="col">{t("staff.createdAt")}</th>
          </tr>
        </thead>
        <tbody>
          {props.staff.map((account) => (
            <tr key={account.id} data-username={account.username}>
              <th scope="row">
                <span className="terminal-name">{account.displayName}</span>
                <span className="terminal-id">{account.username}</span>
              </th>
              <td className="nowrap">{t(`role.${account.role}`)}</td>
              <td className="nowrap">
                {account.communityId ? props.communityName(account.communityId) : t("staff.countyWide")}
              </td>
              <td>
                <AccountStatus account={account} now={now} />
              </td>
              <td className="nowrap">{formatDateTime(account.createdAt, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
