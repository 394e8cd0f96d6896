import { useI18n } from "../i18n/i18n";
import { LookupBox } from "./lookup-box";

/** /r/: a resident without the QR code types the receipt code. */
export function LookupPage(props: { problem?: string | null }) {
  const { t } = useI18n();
  return (
    <>
      <h1>{t("lookup.title")}</h1>
      <p className="lead">{t("lookup.intro")}</p>
      <LookupBox initialProblem={props.problem ?? null} />
    </>
  );
}
