import type { Guide, GuideInput } from "@linli/protocol";
import { useCallback, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import { TextArea } from "../components/text-area";
import { TextField } from "../components/text-field";
import { formatTimestamp } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { ContentForm, SelectField } from "./content-form";
import { useList } from "./use-list";

const fresh = (): GuideInput => ({ title: "", titleEn: "", category: "guide", body: "", bodyEn: "" });

/** Service guides and policies in plain words, for every kiosk of the county: the list and its editor. */
export function GuideEditor(props: { api: ConsoleApi; canEdit: boolean; onSaved(message: string): void }) {
  const { t, locale } = useI18n();
  const { api } = props;
  const list = useList(useCallback(() => api.guides(), [api]));
  const [editing, setEditing] = useState<Guide | null>(null);
  const [draft, setDraft] = useState<GuideInput>(fresh);
  const set = <K extends keyof GuideInput>(field: K, value: GuideInput[K]) =>
    setDraft((d) => ({ ...d, [field]: value }));

  return (
    <section className="content-section" aria-labelledby="guides-title" data-section="guides">
      <h2 id="guides-title" className="section-title">
        {t("content.guides")}
      </h2>
      <div className={props.canEdit ? "split notice-split" : undefined}>
        <div>
          {list.error && (
            <p className="message message-error">{t("content.loadFailed", { message: list.error })}</p>
          )}
          {list.items && (
            <div className="table-wrap">
              <table className="data-table">
                <caption className="visually-hidden">{t("content.guides")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("guide.title")}</th>
                    <th scope="col">{t("guide.updated")}</th>
                    {props.canEdit && <th scope="col">{t("column.actions")}</th>}
                  </tr>
                </thead>
                <tbody>
                  {list.items.map((guide) => (
                    <tr key={guide.id}>
                      <th scope="row">
                        <span className="terminal-name">{guide.title}</span>
                        <span className="cell-sub">
                          {t(guide.category === "guide" ? "guide.kindGuide" : "guide.kindPolicy")} ·{" "}
                          {guide.titleEn}
                        </span>
                      </th>
                      <td className="nowrap">{formatTimestamp(guide.updatedAt, locale)}</td>
                      {props.canEdit && (
                        <td>
                          <button
                            type="button"
                            className="button button-small"
                            onClick={() => {
                              setEditing(guide);
                              setDraft({
                                title: guide.title,
                                titleEn: guide.titleEn,
                                category: guide.category,
                                body: guide.body,
                                bodyEn: guide.bodyEn,
                              });
                            }}
                          >
                            {t("content.edit")}
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
        {props.canEdit && (
          <ContentForm
            title={editing ? t("guide.editTitle", { name: editing.title }) : t("guide.addTitle")}
            editing={editing !== null}
            onCancel={() => {
              setEditing(null);
              setDraft(fresh());
            }}
            save={async () => {
              const saved = await api.saveGuide(editing?.id ?? null, draft);
              props.onSaved(t("content.saved", { name: saved.title }));
              setEditing(null);
              setDraft(fresh());
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
        )}
      </div>
    </section>
  );
}
