import type { ApplicationView } from "@linli/protocol";
import { useEffect, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import { formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/i18n";

type ApplicationFile = ApplicationView["files"][number];

/**
 * The material files: each opened under the session (fetched as a blob, since an <img> or a PDF viewer
 * cannot send the token) and shown below the list; the blob URL is let go when another opens or the page closes.
 */
export function ApplicationFiles({ application, api }: { application: ApplicationView; api: ConsoleApi }) {
  const { t, locale } = useI18n();
  const [opening, setOpening] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ file: ApplicationFile; url: string } | null>(null);
  useEffect(() => () => (preview ? URL.revokeObjectURL(preview.url) : undefined), [preview]);
  const materialName = (code: string) => {
    const material = application.materials.find((m) => m.code === code);
    return material ? (locale === "en" ? material.nameEn : material.name) : code;
  };

  const open = async (file: ApplicationFile) => {
    setOpening(file.id);
    setProblem(null);
    try {
      const blob = await api.applicationFile(application.receiptCode, file.id);
      // The server's type is trusted over the blob's, so a PDF is never rendered as an image or the reverse.
      setPreview({ file, url: URL.createObjectURL(new Blob([blob], { type: file.mimeType })) });
    } catch (error) {
      setProblem(t("application.openFailed", { message: (error as Error).message }));
    } finally {
      setOpening(null);
    }
  };

  return (
    <section className="panel panel-wide" aria-labelledby="application-files-title">
      <h2 id="application-files-title">{t("application.files")}</h2>
      {application.files.length === 0 ? (
        <p className="muted">{t("application.noFiles")}</p>
      ) : (
        <ul className="checklist" data-testid="application-files">
          {application.files.map((file) => (
            <li key={file.id} data-file-id={file.id}>
              <button
                type="button"
                className="button button-small"
                onClick={() => open(file)}
                disabled={opening === file.id}
              >
                {opening === file.id ? t("application.opening") : t("application.open")}
                <span className="visually-hidden"> · {file.fileName}</span>
              </button>
              <span>
                {materialName(file.materialCode)} · {file.fileName} ·{" "}
                {Math.max(1, Math.round(file.size / 1024))} KB · {t(`application.fileFrom.${file.source}`)} ·{" "}
                {formatDateTime(file.addedAt, locale)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p className="message message-error" role="alert">
          {problem}
        </p>
      )}
      {preview && (
        <figure className="file-preview" data-testid="file-preview">
          <figcaption>
            {t("application.preview", { name: preview.file.fileName })}{" "}
            <button type="button" className="button button-small" onClick={() => setPreview(null)}>
              {t("application.closePreview")}
            </button>
          </figcaption>
          {preview.file.mimeType === "application/pdf" ? (
            <iframe src={preview.url} title={preview.file.fileName} />
          ) : (
            <img
              src={preview.url}
              alt={`${materialName(preview.file.materialCode)} · ${preview.file.fileName}`}
            />
          )}
        </figure>
      )}
    </section>
  );
}
