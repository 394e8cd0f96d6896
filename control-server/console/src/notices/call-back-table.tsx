import type { NoticeTerminalReceipt } from "@linli/protocol";
import { PhoneNumber } from "../components/phone-number";
import { RequiredNoteForm } from "../components/required-note-form";
import { formatTimestamp } from "../i18n/format";
import { useI18n } from "../i18n/i18n";

const MAX_NOTE = 500;

/** Households that did not press "heard it": whom to phone, and what staff found when they did. */
export function CallBackTable(props: {
  households: NoticeTerminalReceipt[];
  onCalled(terminalId: string, note: string): Promise<boolean>;
}) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="data-table call-back-table" data-testid="call-back-list">
        <caption className="visually-hidden">
          {t("callBack.caption", { count: props.households.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("callBack.household")}</th>
            <th scope="col">{t("callBack.contact")}</th>
            <th scope="col">{t("callBack.progress")}</th>
            <th scope="col">{t("callBack.note")}</th>
          </tr>
        </thead>
        <tbody>
          {props.households.map((household) => (
            <CallBackRow key={household.terminalId} household={household} onCalled={props.onCalled} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CallBackRow(props: {
  household: NoticeTerminalReceipt;
  onCalled(terminalId: string, note: string): Promise<boolean>;
}) {
  const { t, locale } = useI18n();
  const { household } = props;
  const name = household.elder?.name ?? household.name;

  return (
    <tr data-terminal-id={household.terminalId}>
      <th scope="row">
        <span className="terminal-name">{name}</span>
        <span className="cell-sub">
          {household.elder
            ? `${household.community.name} · ${household.elder.address}`
            : `${household.community.name} · ${t("callBack.noProfile")}`}
        </span>
      </th>
      <td>
        {household.elder?.contact ? (
          <>
            {household.elder.contact.name}（{household.elder.contact.relation}）
            <span className="cell-sub">
              <PhoneNumber phone={household.elder.contact.phone} />
            </span>
          </>
        ) : (
          <span className="muted">{t("callBack.noContact")}</span>
        )}
      </td>
      <td>
        {household.shownAt
          ? t("callBack.shownNotHeard", { time: formatTimestamp(household.shownAt, locale) })
          : household.deliveredAt
            ? t("callBack.deliveredOnly")
            : t("callBack.notDelivered")}
        <span className="cell-sub">
          {household.online ? t("callBack.unitOnline") : t("callBack.unitOffline")}
        </span>
      </td>
      <td>
        {household.callBack && (
          <p className="call-back-done" data-testid="call-back-note">
            {household.callBack.note}
            <span className="cell-sub">
              {t("callBack.calledBy", {
                name: household.callBack.by,
                time: formatTimestamp(household.callBack.at, locale),
              })}
            </span>
          </p>
        )}
        <RequiredNoteForm
          label={t("callBack.noteLabel", { name })}
          placeholder={t("callBack.notePlaceholder")}
          maxLength={MAX_NOTE}
          requiredMessage={t("callBack.noteRequired")}
          onSubmit={(note) => props.onCalled(household.terminalId, note)}
          actions={(submitting) => (
            <button type="submit" className="button button-small" disabled={submitting}>
              {t("callBack.submit")}
            </button>
          )}
        />
      </td>
    </tr>
  );
}
