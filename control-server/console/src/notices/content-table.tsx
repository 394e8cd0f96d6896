import type { ReactNode } from "react";
import { useI18n } from "../i18n/i18n";

/** The table of a kind of kiosk content, with an actions column for staff who may edit it. */
export function ContentTable(props: {
  caption: string;
  columns: string[];
  canEdit: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            {props.canEdit && <th scope="col">{t("column.actions")}</th>}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}

/** A row's actions cell: the button that puts the row into the form beside the table. */
export function EditCell(props: { onEdit(): void }) {
  const { t } = useI18n();
  return (
    <td>
      <button type="button" className="button button-small" onClick={props.onEdit}>
        {t("content.edit")}
      </button>
    </td>
  );
}
