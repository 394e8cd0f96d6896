import type { ApplicationAnswers, ApplicationMaterial, ApplicationService } from "@linli/protocol";
import { useState } from "react";
import { CameraCapture } from "../components/camera-capture";
import { Icon } from "../components/icons";
import { PhoneUpload } from "../components/phone-upload";
import { ScreenTitle } from "../components/screen-title";
import { localized, useVisit } from "../visit-context";
import type { ProvidedMaterials } from "./apply-screen";

/**
 * The exact materials these answers call for, each ticked off once a photo or a phone upload arrived,
 * and plainly marked when still missing. Missing materials do not block submitting.
 */
export function ChecklistStep(props: {
  service: ApplicationService;
  receiptCode: string;
  answers: ApplicationAnswers;
  needed: ApplicationMaterial[];
  provided: ProvidedMaterials;
  onCaptured: (materialCode: string, fileName: string) => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const { t, locale } = useVisit();
  const [camera, setCamera] = useState<ApplicationMaterial | null>(null);
  const missing = props.needed.filter((material) => !props.provided[material.code]?.length);
  return (
    <main className="screen checklist">
      <ScreenTitle onBack={props.onBack}>{t("checklist.title")}</ScreenTitle>
      <p className="lead" role="status" data-testid="checklist-summary">
        {missing.length === 0
          ? t("checklist.allThere", { count: props.needed.length })
          : t("checklist.missingCount", { count: props.needed.length, missing: missing.length })}
      </p>
      <ul className="materials" data-testid="checklist">
        {props.needed.map((material) => {
          const files = props.provided[material.code] ?? [];
          return (
            <li
              key={material.code}
              className={files.length ? "material done" : "material missing"}
              data-material={material.code}
            >
              <Icon name={files.length ? "check" : "missing"} size={52} />
              <div className="material-text">
                <p className="material-name">{localized(locale, material.name, material.nameEn)}</p>
                {material.note && (
                  <p className="material-note">{localized(locale, material.note, material.noteEn)}</p>
                )}
                <p className="material-state">
                  {files.length ? t("checklist.added", { count: files.length }) : t("checklist.missing")}
                </p>
              </div>
              <button type="button" className="medium" onClick={() => setCamera(material)}>
                <Icon name="camera" size={36} />
                {files.length ? t("checklist.photoAgain") : t("checklist.photo")}
              </button>
            </li>
          );
        })}
      </ul>
      <PhoneUpload receiptCode={props.receiptCode} answers={props.answers} />
      <button type="button" className="big primary wide" onClick={props.onNext}>
        {missing.length === 0 ? t("checklist.next") : t("checklist.nextMissing")}
      </button>
      {camera && (
        <CameraCapture
          receiptCode={props.receiptCode}
          material={camera}
          onCaptured={(fileName) => {
            props.onCaptured(camera.code, fileName);
            setCamera(null);
          }}
          onClose={() => setCamera(null)}
        />
      )}
    </main>
  );
}
