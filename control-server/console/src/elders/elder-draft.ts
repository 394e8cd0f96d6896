import type { Contact } from "@linli/protocol";
import type { ElderInput, ElderRecord } from "../api/types";
import type { MessageKey } from "../i18n/messages";

/** One person to call, as typed. `maskedPhone` is the number the server hid from this role (138****5678). */
export interface ContactDraft {
  /** Stable while the list is reordered (contacts have no ids of their own). */
  key: string;
  name: string;
  relation: string;
  phone: string;
  maskedPhone: string | null;
}

export interface ElderDraft {
  communityId: string;
  name: string;
  address: string;
  livingSituation: string;
  conditions: string[];
  medicationNotes: string;
  /** All fields empty: nobody holds a key. */
  keyHolder: ContactDraft;
  /** In calling order. */
  contacts: ContactDraft[];
  /** "" for no unit. */
  terminalId: string;
}

/** Field paths: "name", "keyHolder.phone", "contacts.0.name", … */
export type ElderErrors = Record<string, MessageKey>;

export const MAX_CONTACTS = 5;
export const MAX_CONDITIONS = 20;
export const MAX_CONDITION_LENGTH = 64;
/** The server's rule for a phone number: digits, optionally a leading +, spaces or dashes; 6–20 characters. */
const PHONE = /^\+?[0-9][0-9 -]{5,19}$/;

let nextKey = 0;
export const contactKey = () => `contact-${++nextKey}`;

export const emptyContact = (): ContactDraft => ({
  key: contactKey(),
  name: "",
  relation: "",
  phone: "",
  maskedPhone: null,
});

export const emptyDraft = (communityId: string, terminalId: string | null): ElderDraft => ({
  communityId,
  name: "",
  address: "",
  livingSituation: "",
  conditions: [],
  medicationNotes: "",
  keyHolder: emptyContact(),
  contacts: [emptyContact()],
  terminalId: terminalId ?? "",
});

/** A number the server masked cannot be sent back: the field starts empty and the hidden number is shown beside it. */
function contactDraft(contact: Contact): ContactDraft {
  const masked = contact.phone.includes("*");
  return {
    key: contactKey(),
    name: contact.name,
    relation: contact.relation,
    phone: masked ? "" : contact.phone,
    maskedPhone: masked ? contact.phone : null,
  };
}

export function draftFromRecord(elder: ElderRecord): ElderDraft {
  return {
    communityId: elder.communityId,
    name: elder.name,
    address: elder.address,
    livingSituation: elder.livingSituation,
    conditions: [...elder.conditions],
    medicationNotes: elder.medicationNotes,
    keyHolder: elder.keyHolder ? contactDraft(elder.keyHolder) : emptyContact(),
    contacts: elder.emergencyContacts.map(contactDraft),
    terminalId: elder.terminalId ?? "",
  };
}

const isBlank = (contact: ContactDraft) =>
  !contact.name.trim() && !contact.relation.trim() && !contact.phone.trim() && !contact.maskedPhone;

function checkContact(contact: ContactDraft, path: string, errors: ElderErrors): void {
  const name = contact.name.trim();
  if (!name) errors[`${path}.name`] = "elder.contactNameRequired";
  else if (name.length > 32) errors[`${path}.name`] = "elder.contactNameTooLong";
  if (contact.relation.trim().length > 16) errors[`${path}.relation`] = "elder.relationTooLong";
  const phone = contact.phone.trim();
  if (!phone)
    errors[`${path}.phone`] = contact.maskedPhone ? "elder.phoneMaskedRetype" : "elder.phoneRequired";
  else if (!PHONE.test(phone)) errors[`${path}.phone`] = "elder.phoneInvalid";
}

/** The server's rules, checked first so that each mistake is named beside its field. */
export function validateElderDraft(draft: ElderDraft): ElderErrors {
  const errors: ElderErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = "elder.nameRequired";
  else if (name.length > 32) errors.name = "elder.nameTooLong";
  const address = draft.address.trim();
  if (!address) errors.address = "elder.addressRequired";
  else if (address.length > 200) errors.address = "elder.addressTooLong";
  if (draft.livingSituation.trim().length > 200) errors.livingSituation = "elder.livingSituationTooLong";
  if (draft.medicationNotes.trim().length > 1000) errors.medicationNotes = "elder.medicationTooLong";
  if (draft.conditions.length > MAX_CONDITIONS) errors.conditions = "elder.conditionsTooMany";
  if (!isBlank(draft.keyHolder)) checkContact(draft.keyHolder, "keyHolder", errors);
  draft.contacts.forEach((contact, index) => {
    checkContact(contact, `contacts.${index}`, errors);
  });
  if (draft.contacts.length > MAX_CONTACTS) errors.contacts = "elder.contactsTooMany";
  return errors;
}

const toContact = (contact: ContactDraft): Contact => ({
  name: contact.name.trim(),
  relation: contact.relation.trim(),
  phone: contact.phone.trim(),
});

/** What the server is sent; only call it on a draft that passed `validateElderDraft`. */
export function toElderInput(draft: ElderDraft): ElderInput {
  return {
    communityId: draft.communityId,
    name: draft.name.trim(),
    address: draft.address.trim(),
    livingSituation: draft.livingSituation.trim(),
    conditions: draft.conditions,
    medicationNotes: draft.medicationNotes.trim(),
    keyHolder: isBlank(draft.keyHolder) ? null : toContact(draft.keyHolder),
    emergencyContacts: draft.contacts.map(toContact),
    terminalId: draft.terminalId || null,
  };
}

/** Moves the contact at `from` one place up (-1) or down (+1) in the calling order. */
export function moveContact(contacts: ContactDraft[], from: number, by: -1 | 1): ContactDraft[] {
  const to = from + by;
  if (to < 0 || to >= contacts.length) return contacts;
  const next = [...contacts];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}
