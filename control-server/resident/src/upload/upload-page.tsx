import { MAX_MATERIAL_BYTES, type UploadPage as UploadPageData } from "@linli/protocol";
import { useCallback, useEffect, useState } from "react";
import { fetchUploadPage, PublicApiError } from "../api/public-api";
import { LoadProblem } from "../components/load-problem";
import { formatBytes, formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { MaterialUpload } from "./material-upload";

type PageLoad =
  | { state: "loading" }
  | { state: "gone"; why: "unknown" | "expired" }
  | { state: "failed"; error: unknown }
  | { state: "loaded"; page: UploadPageData };

/** /r/upload/<token>: the kiosk's QR code while a resident fills in an application there. */
export function UploadPage({ token }: { token: string }) {
  const { t, locale } = useI18n();
  const [load, setLoad] = useState<PageLoad>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    void attempt;
    fetchUploadPage(token).then(
      (page) => current && setLoad({ state: "loaded", page }),
      (error: unknown) => {
        if (!current) return;
        const status = error instanceof PublicApiError ? error.status : -1;
        if (status === 404) setLoad({ state: "gone", why: "unknown" });
        else if (status === 410) setLoad({ state: "gone", why: "expired" });
        else setLoad({ state: "failed", error });
      },
    );
    return () => {
      current = false;
    };
  }, [token, attempt]);
  const expired = useCallback(() => setLoad({ state: "gone", why: "expired" }), []);
  const uploaded = useCallback((materialCode: string) => {
    setLoad((previous) =>
      previous.state === "loaded"
        ? {
            state: "loaded",
            page: {
              ...previous.page,
              materials: previous.page.materials.map((material) =>
                material.code === materialCode ? { ...material, provided: true } : material,
              ),
            },
          }
        : previous,
    );
  }, []);

  if (load.state === "loading") {
    return (
      <p className="loading" role="status">
        {t("load.loading")}
      </p>
    );
  }
  if (load.state === "gone") {
    return (
      <>
        <h1>{t("upload.title")}</h1>
        <div className="problem" role="alert" data-testid="upload-gone">
          <p>{t(load.why === "expired" ? "upload.expired" : "upload.unknown")}</p>
        </div>
      </>
    );
  }
  if (load.state === "failed") {
    return (
      <>
        <h1>{t("upload.title")}</h1>
        <LoadProblem error={load.error} onRetry={() => setAttempt((n) => n + 1)} />
      </>
    );
  }
  const { page } = load;
  const allDone = page.materials.every((material) => material.provided);
  return (
    <>
      <section className="card summary" aria-labelledby="upload-title">
        <p className="eyebrow">{t("upload.receiptCode", { code: page.receiptCode })}</p>
        <h1 id="upload-title">{locale === "en" ? page.service.nameEn : page.service.name}</h1>
        <p className="lead">{t(page.fromKiosk ? "upload.intro" : "upload.introPhone")}</p>
        <p className="hint">{t("upload.rules", { size: formatBytes(MAX_MATERIAL_BYTES) })}</p>
        <p className="hint">{t("upload.expiresAt", { time: formatDateTime(page.expiresAt, locale) })}</p>
      </section>
      {allDone && (
        <p className="all-done" role="status">
          {t(page.fromKiosk ? "upload.allDone" : "upload.allDonePhone")}
        </p>
      )}
      <ul className="upload-list">
        {page.materials.map((material) => (
          <MaterialUpload
            key={material.code}
            token={token}
            material={material}
            onUploaded={uploaded}
            onExpired={expired}
          />
        ))}
      </ul>
    </>
  );
}
