import type { ReactNode } from "react";
import { useI18n } from "../i18n/i18n";

/** A table of records under column headings, with an actions column for staff who may change them. */
export function DataTable(props: {
  caption: string;
  columns: string[];
  canEdit: boolean;
  /** A class besides `data-table`, for a table's own column widths. */
  className?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className={props.className ? `data-table ${props.className}` : "data-table"}>
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
