import type { Provider } from "@linli/protocol";
import type { ProviderInput } from "../api/types";
import type { MessageKey } from "../i18n/messages";

export interface ProviderDraft {
  name: string;
  kind: Provider["kind"];
  phone: string;
  serviceCodes: string[];
  communityIds: string[];
  active: boolean;
}

export type ProviderField = "name" | "phone" | "serviceCodes" | "communityIds";
export const providerFieldOrder: ProviderField[] = ["name", "phone", "serviceCodes", "communityIds"];

/** The server's own rule for a phone number: digits, an optional +, spaces and dashes, 7–21 long. */
const PHONE = /^\+?[0-9][0-9 -]{5,19}$/;

export const emptyProvider = (communityId: string | null): ProviderDraft => ({
  name: "",
  kind: "organisation",
  phone: "",
  serviceCodes: [],
  communityIds: communityId ? [communityId] : [],
  active: true,
});

export const providerDraft = (provider: Provider): ProviderDraft => ({
  name: provider.name,
  kind: provider.kind,
  phone: provider.phone,
  serviceCodes: [...provider.serviceCodes],
  communityIds: [...provider.communityIds],
  active: provider.active,
});

/** What is wrong with each field, as message keys; empty when the draft can be saved. */
export function validateProviderDraft(draft: ProviderDraft): Partial<Record<ProviderField, MessageKey>> {
  const problems: Partial<Record<ProviderField, MessageKey>> = {};
  const name = draft.name.trim();
  if (!name) problems.name = "providerForm.nameRequired";
  else if (name.length > 64) problems.name = "providerForm.nameTooLong";
  if (!PHONE.test(draft.phone.trim())) problems.phone = "providerForm.phoneInvalid";
  if (draft.serviceCodes.length === 0) problems.serviceCodes = "providerForm.servicesRequired";
  if (draft.communityIds.length === 0) problems.communityIds = "providerForm.communitiesRequired";
  return problems;
}

export const toProviderInput = (draft: ProviderDraft): ProviderInput => ({
  name: draft.name.trim(),
  kind: draft.kind,
  phone: draft.phone.trim(),
  serviceCodes: draft.serviceCodes,
  communityIds: draft.communityIds,
  active: draft.active,
});
