import type { PhoneApplicationCreated } from "@linli/protocol";
import { type FormEvent, useEffect, useId, useState } from "react";
import { useI18n } from "../i18n/i18n";
import { ApplyError, sendVerificationCode } from "./apply-api";
import { applyProblem } from "./apply-problem";

/**
 * The text-message code: ask for it, type it, apply. Another code can be asked for once the server's
 * minute has passed; the countdown shows when.
 */
export function VerifyStep(props: {
  phone: string;
  onSubmit(code: string): Promise<PhoneApplicationCreated>;
  onUnavailable(): void;
}) {
  const { t } = useI18n();
  const [resendAt, setResendAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState<"sending" | "submitting" | null>(null);
  const [sent, setSent] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const codeId = useId();
  const problemId = useId();

  useEffect(() => {
    if (resendAt === null || resendAt <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), 1000);
    return () => clearTimeout(timer);
  }, [resendAt, now]);
  const waitSeconds = resendAt === null ? 0 : Math.max(0, Math.ceil((resendAt - now) / 1000));

  const send = async () => {
    setBusy("sending");
    setProblem(null);
    try {
      const answer = await sendVerificationCode(props.phone);
      setSent(true);
      // The server's time, kept within a minute of this phone's clock in case the two disagree.
      setResendAt(Math.min(Math.max(Date.parse(answer.resendAfter), Date.now()), Date.now() + 60_000));
      setNow(Date.now());
    } catch (error) {
      if (error instanceof ApplyError && error.problem === "no-sms-gateway") return props.onUnavailable();
      if (error instanceof ApplyError && error.retryAfter) {
        setResendAt(Date.now() + error.retryAfter * 1000);
        setNow(Date.now());
      }
      setProblem(applyProblem(error, t));
    } finally {
      setBusy(null);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const typed = code.replace(/\s/g, "");
    if (!/^\d{6}$/.test(typed)) {
      setProblem(t("apply.needCode"));
      return;
    }
    setBusy("submitting");
    setProblem(null);
    try {
      await props.onSubmit(typed);
    } catch (error) {
      if (error instanceof ApplyError && error.problem === "no-sms-gateway") return props.onUnavailable();
      setProblem(applyProblem(error, t));
      if (error instanceof ApplyError && error.problem !== "wrong-code") setCode("");
    } finally {
      setBusy(null);
    }
  };

  return (
    <form className="card apply-form" noValidate onSubmit={submit}>
      <p className="lead">{t(sent ? "apply.codeSent" : "apply.verifyIntro", { phone: props.phone })}</p>
      <button
        type="button"
        className="button button-wide"
        disabled={busy !== null || waitSeconds > 0}
        onClick={() => void send()}
      >
        {busy === "sending"
          ? t("apply.sending")
          : waitSeconds > 0
            ? t("apply.resendIn", { seconds: waitSeconds })
            : t(sent ? "apply.resend" : "apply.sendCode")}
      </button>
      <div className="apply-field">
        <label htmlFor={codeId}>{t("apply.code")}</label>
        <input
          id={codeId}
          className="apply-input apply-code"
          value={code}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          pattern="\d{6}"
          onChange={(event) => setCode(event.target.value.replace(/\D/g, ""))}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? problemId : undefined}
        />
      </div>
      {problem && (
        <p className="field-problem" id={problemId} role="alert" data-testid="apply-problem">
          {problem}
        </p>
      )}
      <button type="submit" className="button button-primary button-wide" disabled={busy !== null}>
        {t(busy === "submitting" ? "apply.submitting" : "apply.submit")}
      </button>
    </form>
  );
}
