import type { Translate } from "../i18n/i18n";
import { ApplyError } from "./apply-api";

/** A refused or failed call, in the resident's words; the server's own message is for developers. */
export function applyProblem(error: unknown, t: Translate): string {
  if (!(error instanceof ApplyError)) return t("apply.failed");
  if (error.status === 0) return t("apply.unreachable");
  switch (error.problem) {
    case "no-sms-gateway":
      return t("apply.unavailable");
    case "sms-failed":
      return t("apply.smsFailed");
    case "too-soon":
      return t("apply.tooSoon", { seconds: error.retryAfter ?? 60 });
    case "too-many-texts":
      return t("apply.tooManyTexts");
    case "wrong-code":
      return t("apply.wrongCode", { count: error.triesLeft ?? 0 });
    case "code-expired":
      return t("apply.codeExpired");
    case "code-locked":
      return t("apply.codeLocked");
    case "code-used":
      return t("apply.codeUsed");
    case "no-code":
      return t("apply.noCode");
    default:
      return error.status === 400 ? t("apply.refused") : t("apply.failed");
  }
}
