import { type FormEvent, useId, useRef, useState } from "react";
import { signIn } from "../api/console-api";
import type { Session } from "../api/types";
import { LanguageSwitch } from "../components/language-switch";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { describeSignInError } from "./sign-in-error";

export function SignInPage(props: { notice: MessageKey | null; onSignedIn(session: Session): void }) {
  const { t, locale } = useI18n();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const passwordInput = useRef<HTMLInputElement>(null);
  const ids = { username: useId(), password: useId(), error: useId() };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      props.onSignedIn(await signIn(username.trim(), password));
    } catch (failure) {
      setError(failure);
      setPassword("");
      passwordInput.current?.focus();
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="sign-in">
      <div className="sign-in-language">
        <LanguageSwitch />
      </div>
      <main className="sign-in-card">
        <div className="sign-in-brand">
          <span className="brand-mark brand-mark-large" aria-hidden="true">
            邻
          </span>
          <div>
            <p className="brand-name">{t("app.name")}</p>
            <p className="brand-sub">{t("app.console")}</p>
          </div>
        </div>
        <h1>{t("signIn.title")}</h1>
        {props.notice && !error && (
          <p className="message message-info" role="status">
            {t(props.notice)}
          </p>
        )}
        <form onSubmit={submit}>
          <div className="field">
            <label htmlFor={ids.username}>{t("signIn.username")}</label>
            <input
              id={ids.username}
              name="username"
              autoComplete="username"
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.password}>{t("signIn.password")}</label>
            <input
              ref={passwordInput}
              id={ids.password}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? ids.error : undefined}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          {error !== null && (
            <p id={ids.error} className="message message-error" role="alert" data-testid="sign-in-error">
              {describeSignInError(error, t, locale)}
            </p>
          )}
          <button type="submit" className="button button-primary button-block" disabled={submitting}>
            {submitting ? t("signIn.submitting") : t("signIn.submit")}
          </button>
        </form>
      </main>
    </div>
  );
}
