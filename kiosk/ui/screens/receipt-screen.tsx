import { useState } from "react";
import type { ReceiptOutcome, SubmittedApplication } from "../../bridge/contract";
import { QrImage } from "../components/qr-image";
import { ScreenTitle } from "../components/screen-title";
import { localized, useVisit } from "../visit-context";

/** Submitted: the receipt code in huge type, what became of the paper receipt, what is still missing. */
export function ReceiptScreen(props: { application: SubmittedApplication }) {
  const { t, locale, bridge, snapshot, home } = useVisit();
  // The runtime's latest word on it: delivered once the link is back, printed once the printer can.
  const application =
    snapshot.submitted.find((entry) => entry.receiptCode === props.application.receiptCode) ??
    props.application;
  const [reprinted, setReceipt] = useState<ReceiptOutcome | null>(null);
  const receipt = reprinted ?? application.receipt;
  const [printing, setPrinting] = useState(false);
  const printed = receipt?.outcome === "printed";

  const printAgain = async () => {
    setPrinting(true);
    const answer = await bridge.call("receipt:print", { receiptCode: application.receiptCode });
    setPrinting(false);
    if (answer.ok) setReceipt(answer.data);
  };

  return (
    <main className="screen receipt">
      <ScreenTitle noBack>{t("receipt.title")}</ScreenTitle>
      <p className={application.delivered ? "lead" : "lead warning-box"} role="status" data-testid="delivery">
        {application.delivered
          ? t("receipt.delivered", { service: application.serviceName })
          : t("receipt.savedOffline", { service: application.serviceName })}
      </p>
      <section className="receipt-code-box" aria-labelledby="code-label">
        <p id="code-label">{t("receipt.codeLabel")}</p>
        <p className="receipt-code" data-testid="receipt-code">
          {application.receiptCode}
        </p>
      </section>
      <p
        className={printed ? "ok-box outcome" : "warning-box outcome"}
        role="status"
        data-testid="print-outcome"
      >
        {printed
          ? t("receipt.printed")
          : receipt?.outcome === "queued"
            ? t("receipt.printerFault")
            : receipt?.outcome === "no-printer"
              ? t("receipt.noPrinter")
              : t("receipt.printing")}
      </p>
      <section className="receipt-qr" aria-labelledby="qr-title">
        <QrImage text={application.progressUrl} label={t("receipt.qrLabel")} size={printed ? 240 : 360} />
        <div>
          <h2 id="qr-title">{t("receipt.scan")}</h2>
          <p>{printed ? t("receipt.scanHint") : t("receipt.scanInstead")}</p>
        </div>
      </section>
      {application.missing.length > 0 && (
        <section className="missing-box" aria-labelledby="receipt-missing">
          <h2 id="receipt-missing">{t("receipt.missingTitle")}</h2>
          <ul>
            {application.missing.map((material) => (
              <li key={material.code}>{localized(locale, material.name, material.nameEn)}</li>
            ))}
          </ul>
        </section>
      )}
      <div className="actions">
        {/* A receipt waiting for paper comes out by itself; another copy only once one was printed. */}
        {printed && (
          <button type="button" className="big" disabled={printing} onClick={() => void printAgain()}>
            {t("receipt.printAgain")}
          </button>
        )}
        <button type="button" className="big primary" onClick={home}>
          {t("receipt.done")}
        </button>
      </div>
    </main>
  );
}
