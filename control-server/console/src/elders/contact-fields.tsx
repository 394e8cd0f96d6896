import { TextField } from "../components/text-field";
import { useI18n } from "../i18n/i18n";
import type { ContactDraft } from "./elder-draft";

/** Name, relation and phone of one person to call (an emergency contact or the key holder). */
export function ContactFields(props: {
  contact: ContactDraft;
  path: string;
  fieldId(path: string): string;
  errors: Record<string, string | undefined>;
  onChange(patch: Partial<ContactDraft>): void;
}) {
  const { t } = useI18n();
  const { contact, path } = props;
  return (
    <div className="contact-fields">
      <TextField
        id={props.fieldId(`${path}.name`)}
        label={t("elder.contactName")}
        value={contact.name}
        maxLength={32}
        autoComplete="off"
        error={props.errors[`${path}.name`]}
        onChange={(name) => props.onChange({ name })}
      />
      <TextField
        id={props.fieldId(`${path}.relation`)}
        label={t("elder.relation")}
        value={contact.relation}
        maxLength={16}
        autoComplete="off"
        list="elder-relations"
        error={props.errors[`${path}.relation`]}
        onChange={(relation) => props.onChange({ relation })}
      />
      <TextField
        id={props.fieldId(`${path}.phone`)}
        label={t("elder.phone")}
        type="tel"
        value={contact.phone}
        maxLength={20}
        autoComplete="off"
        placeholder={contact.maskedPhone ?? undefined}
        hint={contact.maskedPhone ? t("elder.phoneMaskedHint", { masked: contact.maskedPhone }) : undefined}
        error={props.errors[`${path}.phone`]}
        onChange={(phone) => props.onChange({ phone })}
      />
    </div>
  );
}
