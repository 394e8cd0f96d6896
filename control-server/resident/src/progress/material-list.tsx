import type { PublicApplicationView } from "@linli/protocol";
import { useI18n } from "../i18n/i18n";

/** Every material the application needs, each plainly received or missing (a tick or a cross, and words). */
export function MaterialList({ materials }: { materials: PublicApplicationView["materials"] }) {
  const { t, locale } = useI18n();
  const missing = materials.filter((material) => !material.provided).length;
  return (
    <section className="card" aria-labelledby="materials-title">
      <h2 id="materials-title">{t("progress.materials")}</h2>
      <p className={missing > 0 ? "materials-count materials-missing" : "materials-count"}>
        {missing > 0 ? t("progress.missingCount", { count: missing }) : t("progress.allProvided")}
      </p>
      <ul className="materials">
        {materials.map((material) => (
          <li key={material.code} className={material.provided ? "material provided" : "material missing"}>
            <span className="material-mark" aria-hidden="true">
              {material.provided ? "✓" : "✗"}
            </span>
            <span className="material-name">{locale === "en" ? material.nameEn : material.name}</span>
            <span className="material-state">
              {t(material.provided ? "progress.provided" : "progress.missing")}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
