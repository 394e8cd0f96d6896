import type { Provider } from "@linli/protocol";
import { useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import type { Community, StaffPrincipal } from "../api/types";
import { PageTitle } from "../components/page-title";
import { useI18n } from "../i18n/i18n";
import { CommunityServicesPanel } from "./community-services-panel";
import { ProviderForm } from "./provider-form";
import { ProviderTable } from "./provider-table";
import { useProviders } from "./use-providers";
import { emptyProvider, providerDraft } from "./validate-provider";

/** Who delivers elder services: each with the services and communities it covers; add one, or edit one. */
export function ProvidersPage(props: { api: ConsoleApi; communities: Community[]; staff: StaffPrincipal }) {
  const { t } = useI18n();
  const { api, staff } = props;
  const list = useProviders(api);
  const [editing, setEditing] = useState<Provider | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // The server's rule: administrators and dispatchers keep the provider list.
  const canEdit = staff.role === "admin" || staff.role === "dispatcher";
  const communityName = (id: string) => props.communities.find((c) => c.id === id)?.name ?? id;

  const edit = (provider: Provider) => {
    setEditing(provider);
    setSaved(null);
    // The form is beside the list: its first field takes the focus, so keyboard users land in it.
    queueMicrotask(() => document.querySelector<HTMLInputElement>(".provider-form-slot input")?.focus());
  };

  return (
    <>
      <PageTitle>{t("providers.title")}</PageTitle>
      <p className="page-intro">{t("providers.intro")}</p>
      <div className="messages" aria-live="polite">
        {saved && (
          <p className="message message-ok" data-testid="provider-saved">
            {saved}
          </p>
        )}
      </div>
      {!canEdit && <p className="message message-info page-note">{t("providers.readOnly")}</p>}
      <div className={canEdit ? "split" : undefined}>
        <section aria-labelledby="providers-list-title">
          <h2 id="providers-list-title" className="section-title">
            {t("providers.listTitle")}
          </h2>
          {list.error && (
            <div className="message message-error" role="alert">
              {t("providers.loadFailed", { message: list.error })}{" "}
              <button type="button" className="button button-small" onClick={list.reload}>
                {t("fleet.retry")}
              </button>
            </div>
          )}
          {!list.providers && !list.error && <p className="muted">{t("providers.loading")}</p>}
          {list.providers && list.providers.length === 0 && <p className="empty">{t("providers.empty")}</p>}
          {list.providers && list.providers.length > 0 && (
            <ProviderTable
              providers={list.providers}
              services={list.services}
              communityName={communityName}
              canEdit={canEdit}
              editingId={editing?.id ?? null}
              onEdit={edit}
            />
          )}
        </section>
        {canEdit && (
          <div className="provider-form-slot">
            <ProviderForm
              // A new form for each provider edited, and a fresh one after each save.
              key={editing?.id ?? `new-${saved ?? ""}`}
              api={api}
              editing={editing}
              initial={editing ? providerDraft(editing) : emptyProvider(staff.communityId)}
              services={list.services}
              communities={props.communities}
              ownCommunity={staff.communityId}
              onSaved={(provider, created) => {
                setSaved(t(created ? "providerForm.created" : "providerForm.saved", { name: provider.name }));
                setEditing(null);
                list.reload();
              }}
              onCancelEdit={() => setEditing(null)}
            />
          </div>
        )}
      </div>
      <CommunityServicesPanel api={api} communities={props.communities} staff={staff} />
    </>
  );
}
