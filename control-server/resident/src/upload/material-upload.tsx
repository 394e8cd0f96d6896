import { MAX_MATERIAL_BYTES, type UploadPage } from "@linli/protocol";
import { type ChangeEvent, useId, useState } from "react";
import { PublicApiError, uploadMaterialFile } from "../api/public-api";
import { formatBytes } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { checkMaterialFile } from "./check-material-file";

type Sending =
  | { state: "idle" }
  | { state: "sending"; percent: number }
  | { state: "problem"; message: string };

/**
 * One material: take a photo (the camera directly) or choose a file (gallery, files), checked here for type
 * and size before it is sent, with progress while it goes and a tick once the server has it.
 */
export function MaterialUpload(props: {
  token: string;
  material: UploadPage["materials"][number];
  onUploaded(materialCode: string): void;
  onExpired(): void;
}) {
  const { t, locale } = useI18n();
  const { material } = props;
  const [sending, setSending] = useState<Sending>({ state: "idle" });
  const [sent, setSent] = useState<string[]>([]);
  const titleId = useId();
  const name = locale === "en" ? material.nameEn : material.name;
  const note = locale === "en" ? material.noteEn : material.note;

  const send = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    // Cleared at once, so that choosing the same file again (after a failure) fires another change.
    input.value = "";
    if (!file) return;
    const check = checkMaterialFile(file);
    if (!check.ok) {
      const message =
        check.problem === "too-large"
          ? t("upload.tooLarge", {
              name: file.name,
              size: formatBytes(file.size),
              max: formatBytes(MAX_MATERIAL_BYTES),
            })
          : check.problem === "empty"
            ? t("upload.empty", { name: file.name })
            : t("upload.wrongType", { name: file.name });
      setSending({ state: "problem", message });
      return;
    }
    setSending({ state: "sending", percent: 0 });
    try {
      const result = await uploadMaterialFile(props.token, material.code, file, check.mimeType, (fraction) =>
        setSending({ state: "sending", percent: Math.min(99, Math.round(fraction * 100)) }),
      );
      setSending({ state: "idle" });
      setSent((previous) => [...previous, result.fileName]);
      props.onUploaded(material.code);
    } catch (error) {
      const status = error instanceof PublicApiError ? error.status : -1;
      if (status === 410 || status === 404) {
        props.onExpired();
        return;
      }
      const message =
        status === 0
          ? t("upload.unreachable")
          : status === 413
            ? t("upload.tooLarge", {
                name: file.name,
                size: formatBytes(file.size),
                max: formatBytes(MAX_MATERIAL_BYTES),
              })
            : status === 415 || status === 400
              ? t("upload.wrongType", { name: file.name })
              : t("upload.failed");
      setSending({ state: "problem", message });
    }
  };

  const busy = sending.state === "sending";
  return (
    <li
      className={material.provided ? "card upload provided" : "card upload"}
      aria-labelledby={titleId}
      data-material={material.code}
    >
      <div className="upload-head">
        <span className="material-mark" aria-hidden="true">
          {material.provided ? "✓" : "○"}
        </span>
        <div>
          <h2 id={titleId} className="upload-name">
            {name}
          </h2>
          {note && <p className="hint">{note}</p>}
        </div>
        <span className={material.provided ? "upload-state done" : "upload-state"} data-testid="upload-state">
          {t(material.provided ? "upload.done" : "upload.notYet")}
        </span>
      </div>
      {sent.length > 0 && (
        <ul className="sent-files">
          {sent.map((fileName, index) => (
            // The same file name may be sent twice (front and back of a card photographed in turn).
            // biome-ignore lint/suspicious/noArrayIndexKey: the list only grows, in order.
            <li key={index}>✓ {t("upload.sent", { name: fileName })}</li>
          ))}
        </ul>
      )}
      {busy && (
        <div className="progress" role="status">
          <progress
            max={100}
            value={sending.percent}
            aria-label={t("upload.sending", { percent: sending.percent })}
          />
          <span>{t("upload.sending", { percent: sending.percent })}</span>
        </div>
      )}
      {sending.state === "problem" && (
        <p className="field-problem" role="alert">
          {sending.message}
        </p>
      )}
      <div className="upload-buttons">
        <label className={busy ? "button button-primary disabled" : "button button-primary"}>
          <input
            type="file"
            accept="image/*"
            capture="environment"
            className="visually-hidden"
            disabled={busy}
            onChange={send}
            data-testid="take-photo"
          />
          {t("upload.takePhoto")}
        </label>
        <label className={busy ? "button disabled" : "button"}>
          <input
            type="file"
            accept="image/*,application/pdf"
            className="visually-hidden"
            disabled={busy}
            onChange={send}
            data-testid="choose-file"
          />
          {material.provided ? t("upload.again") : t("upload.chooseFile")}
        </label>
      </div>
    </li>
  );
}
