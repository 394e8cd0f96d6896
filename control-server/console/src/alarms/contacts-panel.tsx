import type { AlarmView, Contact } from "@linli/protocol";
import { PhoneNumber } from "../components/phone-number";
import { useI18n } from "../i18n/i18n";

function Person({ contact }: { contact: Contact }) {
  const { t } = useI18n();
  return (
    <>
      <span className="contact-name">{contact.name}</span>
      <span className="contact-relation">{contact.relation || t("elder.relationUnknown")}</span>
      <PhoneNumber phone={contact.phone} />
    </>
  );
}

/** Whom to call: the emergency contacts in calling order, and who holds a key to the home. */
export function ContactsPanel({ alarm }: { alarm: AlarmView }) {
  const { t } = useI18n();
  const elder = alarm.elder;
  const masked =
    elder?.emergencyContacts.some((c) => c.phone.includes("*")) || elder?.keyHolder?.phone.includes("*");
  return (
    <section className="panel" aria-labelledby="alarm-contacts-title" data-testid="alarm-contacts">
      <h2 id="alarm-contacts-title">{t("alarmDetail.contacts")}</h2>
      {!elder || elder.emergencyContacts.length === 0 ? (
        <p className="message message-error">{t("alarmDetail.noContacts")}</p>
      ) : (
        <ol className="contact-list">
          {elder.emergencyContacts.map((contact, index) => (
            // Contacts have no ids; their place in the calling order is what they are.
            // biome-ignore lint/suspicious/noArrayIndexKey: the order is the identity here
            <li key={index} data-contact-position={index + 1}>
              <span className="contact-order">{t("alarmDetail.callOrder", { position: index + 1 })}</span>
              <Person contact={contact} />
            </li>
          ))}
        </ol>
      )}
      <h3 className="subheading">{t("elder.keyHolder")}</h3>
      {elder?.keyHolder ? (
        <p className="contact-list key-holder" data-testid="key-holder">
          <Person contact={elder.keyHolder} />
        </p>
      ) : (
        <p className="muted">{t("alarmDetail.noKeyHolder")}</p>
      )}
      {masked && <p className="field-hint">{t("phone.maskedHint")}</p>}
    </section>
  );
}
