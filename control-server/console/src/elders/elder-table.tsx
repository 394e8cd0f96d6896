import type { TerminalSummary } from "@linli/protocol";
import type { ElderRecord } from "../api/types";
import { PhoneNumber } from "../components/phone-number";
import { elderHref, terminalHref } from "../components/use-hash-route";
import { useI18n } from "../i18n/i18n";

export function ElderTable(props: {
  elders: ElderRecord[];
  caption: string;
  communityName(id: string): string;
  terminals: TerminalSummary[];
  canEdit: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="data-table elder-table">
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("elder.name")}</th>
            <th scope="col">{t("elder.address")}</th>
            <th scope="col">{t("elder.livingSituation")}</th>
            <th scope="col">{t("elder.conditions")}</th>
            <th scope="col">{t("elder.emergencyContacts")}</th>
            <th scope="col">{t("elder.keyHolder")}</th>
            <th scope="col">{t("elder.unit")}</th>
          </tr>
        </thead>
        <tbody>
          {props.elders.map((elder) => {
            const unit = props.terminals.find((x) => x.id === elder.terminalId);
            return (
              <tr key={elder.id} data-elder-id={elder.id}>
                <th scope="row">
                  {props.canEdit ? (
                    <a className="terminal-name" href={elderHref(elder.id)}>
                      {elder.name}
                    </a>
                  ) : (
                    <span className="terminal-name">{elder.name}</span>
                  )}
                  <span className="cell-sub">{props.communityName(elder.communityId)}</span>
                </th>
                <td>{elder.address}</td>
                <td>{elder.livingSituation || <span className="muted">—</span>}</td>
                <td>
                  {elder.conditions.length === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    <ul className="tags">
                      {elder.conditions.map((c) => (
                        <li key={c} className="tag">
                          {c}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {elder.emergencyContacts.length === 0 ? (
                    <span className="cell-warn">
                      <span aria-hidden="true">▲ </span>
                      {t("elder.noContactsYet")}
                    </span>
                  ) : (
                    <ol className="compact-contacts">
                      {elder.emergencyContacts.map((c, index) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: the calling order is the identity here
                        <li key={index}>
                          {c.name}
                          {c.relation && `（${c.relation}）`} <PhoneNumber phone={c.phone} />
                        </li>
                      ))}
                    </ol>
                  )}
                </td>
                <td>
                  {elder.keyHolder ? (
                    <>
                      {elder.keyHolder.name}
                      {elder.keyHolder.relation && `（${elder.keyHolder.relation}）`}{" "}
                      <PhoneNumber phone={elder.keyHolder.phone} />
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>
                  {elder.terminalId ? (
                    <a href={terminalHref(elder.terminalId)}>{unit?.name ?? elder.terminalId.slice(0, 8)}</a>
                  ) : (
                    <span className="muted">{t("elder.noUnitLinked")}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
