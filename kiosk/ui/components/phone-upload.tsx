import type { ApplicationAnswers, UploadSession } from "@linli/protocol";
import { useState } from "react";
import { formatClock } from "../shared/i18n";
import { useVisit } from "../visit-context";
import { Icon } from "./icons";
import { QrImage } from "./qr-image";

/** Upload from the resident's phone: a QR code to a page of the centre for this application only. */
export function PhoneUpload({ receiptCode, answers }: { receiptCode: string; answers: ApplicationAnswers }) {
  const { t, locale, bridge, online } = useVisit();
  const [session, setSession] = useState<UploadSession | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const open = async () => {
    setProblem(null);
    const answer = await bridge.call("application:phone-upload", { receiptCode, answers });
    if (answer.ok) setSession(answer.data);
    else setProblem(t("phone.failed"));
  };
  if (session) {
    return (
      <section className="phone-upload open" aria-labelledby="phone-title" data-testid="phone-upload">
        <QrImage text={session.url} label={t("phone.qrLabel")} size={300} />
        <div>
          <h2 id="phone-title">{t("phone.scanTitle")}</h2>
          <p>{t("phone.scanHint")}</p>
          <p className="quiet">
            {t("phone.validUntil", { time: formatClock(new Date(session.expiresAt), locale) })}
          </p>
        </div>
      </section>
    );
  }
  return (
    <section className="phone-upload" aria-labelledby="phone-title">
      <div>
        <h2 id="phone-title">{t("phone.title")}</h2>
        <p>{online ? t("phone.hint") : t("phone.offline")}</p>
        {problem && (
          <p className="problem" role="alert">
            {problem}
          </p>
        )}
      </div>
      <button type="button" className="medium" disabled={!online} onClick={() => void open()}>
        <Icon name="phone" size={36} />
        {t("phone.show")}
      </button>
    </section>
  );
}
