import type { PhoneApplicationCreated } from "@linli/protocol";
import { useI18n } from "../i18n/i18n";
import { navigate, progressPath } from "../use-path-route";

/** The receipt code in large type, the materials upload and the progress page one tap away. */
export function DoneStep({ created }: { created: PhoneApplicationCreated }) {
  const { t } = useI18n();
  // The upload page lives on this same site; the server's public address may differ from how we reached it.
  const uploadPath = new URL(created.uploadUrl, window.location.href).pathname;
  const progress = progressPath(created.receiptCode);
  const go = (path: string) => (event: React.MouseEvent) => {
    event.preventDefault();
    navigate(path);
  };
  return (
    <>
      <p className="lead">{t("apply.doneIntro")}</p>
      <div className="card apply-receipt">
        <p className="eyebrow">{t("apply.receiptCode")}</p>
        <p className="apply-receipt-code" data-testid="apply-receipt-code">
          {created.receiptCode}
        </p>
      </div>
      <a className="button button-primary button-wide" href={uploadPath} onClick={go(uploadPath)}>
        {t("apply.uploadNow")}
      </a>
      <a className="button button-wide" href={progress} onClick={go(progress)}>
        {t("apply.seeProgress")}
      </a>
    </>
  );
}
