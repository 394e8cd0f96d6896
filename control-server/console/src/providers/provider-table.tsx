import type { ElderService, Provider } from "@linli/protocol";
import { DataTable } from "../components/data-table";
import { useI18n } from "../i18n/i18n";
import { serviceName } from "../services/service-words";

export function ProviderTable(props: {
  providers: Provider[];
  services: ElderService[];
  communityName(id: string): string;
  canEdit: boolean;
  editingId: string | null;
  onEdit(provider: Provider): void;
}) {
  const { t, locale } = useI18n();
  const service = (code: string) => {
    const known = props.services.find((s) => s.code === code);
    return known ? serviceName(known, locale) : code;
  };
  return (
    <DataTable
      className="provider-table"
      caption={t("providers.caption", { count: props.providers.length })}
      columns={[
        t("providerColumn.name"),
        t("providerColumn.phone"),
        t("providerColumn.services"),
        t("providerColumn.communities"),
        t("providerColumn.state"),
      ]}
      canEdit={props.canEdit}
    >
      {props.providers.map((provider) => (
        <tr
          key={provider.id}
          data-provider-id={provider.id}
          className={provider.active ? undefined : "row-revoked"}
          aria-current={props.editingId === provider.id ? "true" : undefined}
        >
          <th scope="row">
            <span className="terminal-name">{provider.name}</span>
            <span className="cell-sub">{t(`providerKind.${provider.kind}`)}</span>
          </th>
          <td className="nowrap">
            <a className="phone" href={`tel:${provider.phone.replace(/[\s-]/g, "")}`}>
              {provider.phone}
            </a>
          </td>
          <td>
            <ul className="tags tags-plain">
              {provider.serviceCodes.map((code) => (
                <li key={code} className="tag tag-plain">
                  {service(code)}
                </li>
              ))}
            </ul>
          </td>
          <td>{provider.communityIds.map(props.communityName).join("、")}</td>
          <td>
            <span
              className={provider.active ? "account-flag account-active" : "account-flag account-locked"}
              data-active={provider.active}
            >
              <span aria-hidden="true">{provider.active ? "✓ " : "‖ "}</span>
              {t(provider.active ? "providerState.active" : "providerState.inactive")}
            </span>
          </td>
          {props.canEdit && (
            <td>
              <button
                type="button"
                className="button button-small"
                aria-label={t("provider.editFor", { name: provider.name })}
                onClick={() => props.onEdit(provider)}
              >
                {t("provider.edit")}
              </button>
            </td>
          )}
        </tr>
      ))}
    </DataTable>
  );
}
