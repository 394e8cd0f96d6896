import type { StaffAccount } from "../api/types";
import { formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/i18n";

/** Disabled, locked (until when) or active: a word and a mark, not a colour alone. */
export function AccountStatus({ account, now }: { account: StaffAccount; now: number }) {
  const { t, locale } = useI18n();
  const locked = account.lockedUntil !== null && Date.parse(account.lockedUntil) > now;
  if (!account.disabled && !locked) {
    return (
      <span className="account-flag account-active" data-flag="active">
        <span aria-hidden="true">✓ </span>
        {t("staff.active")}
      </span>
    );
  }
  return (
    <span className="account-flags">
      {account.disabled && (
        <span className="account-flag account-disabled" data-flag="disabled">
          <span aria-hidden="true">⊘ </span>
          {t("staff.disabled")}
        </span>
      )}
      {locked && account.lockedUntil && (
        <span className="account-flag account-locked" data-flag="locked">
          <span aria-hidden="true">◷ </span>
          {t("staff.lockedUntil", { time: formatDateTime(account.lockedUntil, locale) })}
        </span>
      )}
    </span>
  );
}
