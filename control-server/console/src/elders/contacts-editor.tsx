import { useEffect, useRef, useState } from "react";
import { useI18n } from "../i18n/i18n";
import { ContactFields } from "./contact-fields";
import { type ContactDraft, emptyContact, MAX_CONTACTS, moveContact } from "./elder-draft";

/**
 * The emergency contacts in the order they are called (by staff, and texted by escalation): added,
 * removed and moved up or down with buttons; the focus follows the contact that moved.
 */
export function ContactsEditor(props: {
  contacts: ContactDraft[];
  fieldId(path: string): string;
  errors: Record<string, string | undefined>;
  onChange(contacts: ContactDraft[]): void;
}) {
  const { t } = useI18n();
  const { contacts } = props;
  const [announcement, setAnnouncement] = useState("");
  const focusNext = useRef<string | null>(null);

  useEffect(() => {
    if (!focusNext.current) return;
    const target = document.getElementById(focusNext.current) as HTMLButtonElement | null;
    focusNext.current = null;
    target?.focus();
  });

  const nameOf = (contact: ContactDraft, index: number) =>
    contact.name.trim() || t("elder.contactNumber", { position: index + 1 });
  const buttonId = (contact: ContactDraft, action: "up" | "down" | "remove") =>
    props.fieldId(`contact-${contact.key}-${action}`);

  const move = (index: number, by: -1 | 1) => {
    const contact = contacts[index]!;
    const to = index + by;
    props.onChange(moveContact(contacts, index, by));
    // At the top or bottom the pressed button is disabled: the focus goes to its partner.
    const atEnd = to === 0 || to === contacts.length - 1;
    focusNext.current = buttonId(contact, atEnd ? (by < 0 ? "down" : "up") : by < 0 ? "up" : "down");
    setAnnouncement(t("elder.contactMoved", { name: nameOf(contact, index), position: to + 1 }));
  };
  const remove = (index: number) => {
    const contact = contacts[index]!;
    props.onChange(contacts.filter((_, i) => i !== index));
    focusNext.current = props.fieldId("contacts-add");
    setAnnouncement(t("elder.contactRemoved", { name: nameOf(contact, index) }));
  };
  const add = () => {
    const contact = emptyContact();
    props.onChange([...contacts, contact]);
    focusNext.current = props.fieldId(`contacts.${contacts.length}.name`);
  };

  return (
    <fieldset className="field contacts-editor">
      <legend>{t("elder.emergencyContacts")}</legend>
      <p className="field-hint">{t("elder.contactsHint")}</p>
      {props.errors.contacts && (
        <p className="field-error">
          <span aria-hidden="true">✕ </span>
          {props.errors.contacts}
        </p>
      )}
      {contacts.length === 0 && <p className="muted">{t("elder.noContactsYet")}</p>}
      <ol className="contact-editor-list">
        {contacts.map((contact, index) => (
          <li key={contact.key} className="contact-editor" data-contact-position={index + 1}>
            <p className="contact-editor-head">
              <span className="contact-order">{t("alarmDetail.callOrder", { position: index + 1 })}</span>
            </p>
            <ContactFields
              contact={contact}
              path={`contacts.${index}`}
              fieldId={props.fieldId}
              errors={props.errors}
              onChange={(patch) =>
                props.onChange(contacts.map((c, i) => (i === index ? { ...c, ...patch } : c)))
              }
            />
            <div className="row-actions">
              <button
                id={buttonId(contact, "up")}
                type="button"
                className="button button-small"
                disabled={index === 0}
                onClick={() => move(index, -1)}
              >
                <span aria-hidden="true">↑ </span>
                {t("elder.moveUp")}
                <span className="visually-hidden"> {nameOf(contact, index)}</span>
              </button>
              <button
                id={buttonId(contact, "down")}
                type="button"
                className="button button-small"
                disabled={index === contacts.length - 1}
                onClick={() => move(index, 1)}
              >
                <span aria-hidden="true">↓ </span>
                {t("elder.moveDown")}
                <span className="visually-hidden"> {nameOf(contact, index)}</span>
              </button>
              <button
                id={buttonId(contact, "remove")}
                type="button"
                className="button button-small button-danger-outline"
                onClick={() => remove(index)}
              >
                {t("elder.removeContact")}
                <span className="visually-hidden"> {nameOf(contact, index)}</span>
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button
        id={props.fieldId("contacts-add")}
        type="button"
        className="button"
        disabled={contacts.length >= MAX_CONTACTS}
        onClick={add}
      >
        {t("elder.addContact")}
      </button>
      {contacts.length >= MAX_CONTACTS && <p className="field-hint">{t("elder.contactsFull")}</p>}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}
