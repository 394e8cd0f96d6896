import type { StatusLine } from "../shared/describe-status";
import type { Translate } from "../shared/i18n";
import { StatusIcon } from "../shared/status-icon";

/** The terminal's connection to the service centre, in words, with a shape and a colour. */
export function LinkBanner({ status, t }: { status: StatusLine; t: Translate }) {
  return (
    <section
      className={`link-banner tone-${status.tone}`}
      role="status"
      aria-live="polite"
      data-testid="link-banner"
    >
      <StatusIcon tone={status.tone} size={64} />
      <div>
        <p className="link-title">{status.title}</p>
        <p className="link-hint">{status.hint}</p>
        {status.detail && <p className="link-detail">{t("link.detail", { detail: status.detail })}</p>}
      </div>
    </section>
  );
}
