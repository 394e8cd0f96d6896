import { useEffect, useRef } from "react";
import type { EnrollmentCode, EnrollmentRequest } from "../api/types";
import { formatDateTime, formatRelative } from "../i18n/format";
import { useI18n } from "../i18n/i18n";

/** The new code, large enough to read out over the phone to whoever installs the terminal. */
export function EnrollmentCodeCard(props: {
  code: EnrollmentCode;
  request: EnrollmentRequest;
  communityName: string;
  onAnother(): void;
}) {
  const { t, locale } = useI18n();
  const card = useRef<HTMLElement>(null);
  useEffect(() => {
    card.current?.focus();
  }, []);
  const { code, request } = props;
  return (
    <section
      ref={card}
      className="code-card"
      tabIndex={-1}
      aria-labelledby="enrollment-code-title"
      data-testid="enrollment-code"
    >
      <h2 id="enrollment-code-title">{t("enrol.codeTitle")}</h2>
      <p className="code-for">
        {t("enrol.codeFor", {
          kind: t(`kind.${request.kind}`),
          community: props.communityName,
          name: request.name,
        })}
      </p>
      <p className="code-value" data-testid="enrollment-code-value">
        {code.code}
      </p>
      <p className="code-expiry">
        {t("enrol.expires", {
          time: formatDateTime(code.expiresAt, locale),
          relative: formatRelative(code.expiresAt, Date.now(), locale, t),
        })}
      </p>
      <p className="muted">{t("enrol.afterwards")}</p>
      <button type="button" className="button" onClick={props.onAnother}>
        {t("enrol.another")}
      </button>
    </section>
  );
}
