import type { Guide, GuideInput } from "@linli/protocol";
import { useCallback } from "react";
import type { ConsoleApi } from "../api/console-api";
import { DataTable } from "../components/data-table";
import { TextArea } from "../components/text-area";
import { TextField } from "../components/text-field";
import { formatTimestamp } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { ContentForm, SelectField } from "./content-form";
import { ContentSection } from "./content-section";
import { EditCell } from "./edit-cell";
import { useContentDraft } from "./use-content-draft";
import { useList } from "./use-list";

const fresh = (): GuideInput => ({ title: "", titleEn: "", category: "guide", body: "", bodyEn: "" });

/** Service guides and policies in plain words, for every kiosk of the county: the list and its editor. */
export function GuideEditor(props: { api: ConsoleApi; canEdit: boolean; onSaved(message: string): void }) {
  const { t, locale } = useI18n();
  const { api } = props;
  const list = useList(useCallback(() => api.guides(), [api]));
  const { editing, draft, set, edit, startOver } = useContentDraft<Guide, GuideInput>(fresh);

  return (
    <ContentSection
      section="guides"
      title={t("content.guides")}
      loadError={list.error}
      form={
        props.canEdit && (
          <ContentForm
            title={editing ? t("guide.editTitle", { name: editing.title }) : t("guide.addTitle")}
            editing={editing !== null}
            onCancel={startOver}
            save={async () => {
              const saved = await api.saveGuide(editing?.id ?? null, draft);
              props.onSaved(t("content.saved", { name: saved.title }));
              startOver();
              list.reload();
            }}
          >
            <SelectField
              label={t("guide.kind")}
              value={draft.category}
              options={[
                { value: "guide", label: t("guide.kindGuide") },
                { value: "policy", label: t("guide.kindPolicy") },
              ]}
              onChange={(value) => set("category", value as GuideInput["category"])}
            />
            <TextField
              label={t("guide.title")}
              value={draft.title}
              maxLength={80}
              onChange={(v) => set("title", v)}
            />
            <TextArea
              label={t("guide.body")}
              value={draft.body}
              rows={8}
              maxLength={5000}
              onChange={(v) => set("body", v)}
            />
            <TextField
              label={t("guide.titleEn")}
              value={draft.titleEn}
              maxLength={120}
              onChange={(v) => set("titleEn", v)}
            />
            <TextArea
              label={t("guide.bodyEn")}
              value={draft.bodyEn}
              rows={5}
              maxLength={8000}
              onChange={(v) => set("bodyEn", v)}
            />
          </ContentForm>
        )
      }
    >
      {list.items && (
        <DataTable
          caption={t("content.guides")}
          columns={[t("guide.title"), t("guide.updated")]}
          canEdit={props.canEdit}
        >
          {list.items.map((guide) => (
            <tr key={guide.id}>
              <th scope="row">
                <span className="terminal-name">{guide.title}</span>
                <span className="cell-sub">
                  {t(guide.category === "guide" ? "guide.kindGuide" : "guide.kindPolicy")} · {guide.titleEn}
                </span>
              </th>
              <td className="nowrap">{formatTimestamp(guide.updatedAt, locale)}</td>
              {props.canEdit && (
                <EditCell
                  onEdit={() =>
                    edit(guide, {
                      title: guide.title,
                      titleEn: guide.titleEn,
                      category: guide.category,
                      body: guide.body,
                      bodyEn: guide.bodyEn,
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
