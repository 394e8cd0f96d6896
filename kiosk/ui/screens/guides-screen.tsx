import type { Guide } from "@linli/protocol";
import { useState } from "react";
import { ScreenTitle } from "../components/screen-title";
import { formatDay } from "../status-words";
import { localized, useVisit } from "../visit-context";

/** 办事指南 and 政策解读 from the cached content; one opens to its full text. */
export function GuidesScreen() {
  const { t, locale, snapshot } = useVisit();
  const guides = snapshot.content?.guides ?? [];
  const [open, setOpen] = useState<Guide | null>(null);
  if (open) {
    return (
      <main className="screen guide">
        <ScreenTitle onBack={() => setOpen(null)}>{localized(locale, open.title, open.titleEn)}</ScreenTitle>
        <p className="quiet">{t("guides.updated", { date: formatDay(open.updatedAt, locale) })}</p>
        <div className="guide-body">
          {localized(locale, open.body, open.bodyEn)
            .split(/\n+/)
            .map((paragraph, index) => (
              // Paragraphs of a fixed text: their order is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <p key={index}>{paragraph}</p>
            ))}
        </div>
      </main>
    );
  }
  return (
    <main className="screen guides">
      <ScreenTitle>{t("guides.title")}</ScreenTitle>
      {guides.length === 0 && <p className="quiet">{t("content.none")}</p>}
      {(["guide", "policy"] as const).map((category) => {
        const inCategory = guides.filter((guide) => guide.category === category);
        if (inCategory.length === 0) return null;
        return (
          <section key={category} aria-labelledby={`guides-${category}`}>
            <h2 id={`guides-${category}`} className="section-title">
              {t(category === "guide" ? "guides.guides" : "guides.policies")}
            </h2>
            <ul className="link-list">
              {inCategory.map((guide) => (
                <li key={guide.id}>
                  <button type="button" className="list-button" onClick={() => setOpen(guide)}>
                    {localized(locale, guide.title, guide.titleEn)}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </main>
  );
}
