import { useI18n } from "../i18n/i18n";
import { applyPath, navigate } from "../use-path-route";
import { LookupBox } from "./lookup-box";

/** /r/: a resident without the QR code types the receipt code. */
export function LookupPage(props: { problem?: string | null }) {
  const { t } = useI18n();
  return (
    <>
      <h1>{t("lookup.title")}</h1>
      <p className="lead">{t("lookup.intro")}</p>
      <LookupBox initialProblem={props.problem ?? null} />
      <a
        className="card apply-link"
        href={applyPath}
        onClick={(event) => {
          event.preventDefault();
          navigate(applyPath);
        }}
      >
        <span className="apply-link-title">{t("apply.link")}</span>
        <span className="hint">{t("apply.linkHint")}</span>
      </a>
    </>
  );
}
