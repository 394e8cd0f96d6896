import { useI18n } from "../i18n/i18n";

/** A number shown in full can be called (a tel: link); the server masks it (138****5678) for roles that do not call. */
const FULL_NUMBER = /^\+?[0-9][0-9 -]*$/;

export function PhoneNumber({ phone }: { phone: string }) {
  const { t } = useI18n();
  if (FULL_NUMBER.test(phone)) {
    return (
      <a className="phone" href={`tel:${phone.replace(/[\s-]/g, "")}`} data-phone="full">
        <span aria-hidden="true">☎ </span>
        <span className="visually-hidden">{t("phone.call")} </span>
        {phone}
      </a>
    );
  }
  return (
    <span className="phone phone-masked" data-phone="masked" title={t("phone.maskedTitle")}>
      {phone}
      <span className="visually-hidden"> {t("phone.masked")}</span>
    </span>
  );
}
