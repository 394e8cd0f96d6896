import { useI18n } from "../i18n/i18n";

/**
 * Announces a failed submission: how many fields need correcting (each says why beside it), or what the
 * server answered when no field is to blame.
 */
export function FormProblems(props: { errors: Record<string, string | undefined>; failure: string | null }) {
  const { t } = useI18n();
  const count = Object.values(props.errors).filter(Boolean).length;
  if (!props.failure && count === 0) return null;
  return (
    <p className="message message-error form-problems" role="alert">
      {props.failure ?? t("form.fixErrors", { count })}
    </p>
  );
}
