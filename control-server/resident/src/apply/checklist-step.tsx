import { type ApplicationAnswers, type ApplicationService, materialsNeeded } from "@linli/protocol";
import { useI18n } from "../i18n/i18n";

/** Exactly the materials these answers need, each with what to bring, in plain words. */
export function ChecklistStep(props: {
  service: ApplicationService;
  answers: ApplicationAnswers;
  onNext(): void;
}) {
  const { t, locale } = useI18n();
  const english = locale === "en";
  const materials = materialsNeeded(props.service, props.answers);
  return (
    <>
      <p className="lead">{t("apply.checklistIntro", { count: materials.length })}</p>
      <ol className="card apply-checklist" data-testid="apply-checklist">
        {materials.map((material, index) => (
          <li key={material.code} data-material={material.code}>
            <span className="apply-checklist-number" aria-hidden="true">
              {index + 1}
            </span>
            <span>
              <span className="apply-checklist-name">{english ? material.nameEn : material.name}</span>
              {(english ? material.noteEn : material.note) && (
                <span className="apply-checklist-note">{english ? material.noteEn : material.note}</span>
              )}
            </span>
          </li>
        ))}
      </ol>
      <button type="button" className="button button-primary button-wide" onClick={props.onNext}>
        {t("apply.next")}
      </button>
    </>
  );
}
