import { useI18n } from "../i18n/i18n";

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
