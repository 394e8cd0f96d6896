import { isValidIdNumber } from "@linli/hardware/id-card/id-number";
import type { MessageKey } from "../i18n/messages";

export interface ApplicantForm {
  communityId: string;
  name: string;
  idNumber: string;
  phone: string;
}
export type ApplicantProblems = Partial<Record<keyof ApplicantForm, MessageKey>>;

/** What the resident typed, cleaned the way people type: spaces gone, a lower-case x made upper case. */
export function cleanApplicant(form: ApplicantForm): ApplicantForm {
  return {
    communityId: form.communityId,
    name: form.name.trim(),
    idNumber: form.idNumber.replace(/\s/g, "").toUpperCase(),
    phone: form.phone.replace(/[\s-]/g, ""),
  };
}

/** Each field's problem, checked on the phone (the ID number's check digit too) before anything is sent. */
export function applicantProblems(form: ApplicantForm): ApplicantProblems {
  const problems: ApplicantProblems = {};
  if (!form.communityId) problems.communityId = "apply.needCommunity";
  if (!form.name) problems.name = "apply.needName";
  if (!/^\d{17}[\dX]$/.test(form.idNumber)) problems.idNumber = "apply.badIdLength";
  else if (!isValidIdNumber(form.idNumber)) problems.idNumber = "apply.badIdCheck";
  if (!/^1\d{10}$/.test(form.phone)) problems.phone = "apply.badPhone";
  return problems;
}
