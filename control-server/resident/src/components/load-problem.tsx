import { PublicApiError } from "../api/public-api";
import { useI18n } from "../i18n/i18n";

/** A page that could not load: why, in plain words, and a way to try again. */
export function LoadProblem({ error, onRetry }: { error: unknown; onRetry(): void }) {
  const { t } = useI18n();
  const unreachable = error instanceof PublicApiError && error.status === 0;
  return (
    <div className="problem" role="alert">
      <p>{t(unreachable ? "load.unreachable" : "load.failed")}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t("load.retry")}
      </button>
    </div>
  );
}
