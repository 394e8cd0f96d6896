import { useCallback, useEffect, useState } from "react";
import type { Session } from "./api/types";
import { ConsoleShell } from "./console-shell";
import type { MessageKey } from "./i18n/messages";
import { clearSession, loadSession, saveSession } from "./session/session-storage";
import { SignInPage } from "./sign-in/sign-in-page";

/** Signed out: the sign-in page. Signed in: the console, until sign-out or the session expires (401). */
export function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const [notice, setNotice] = useState<MessageKey | null>(null);

  const end = useCallback((why: MessageKey) => {
    clearSession();
    setSession(null);
    setNotice(why);
  }, []);
  const expire = useCallback(() => end("signIn.expired"), [end]);

  useEffect(() => {
    if (!session) return;
    const remaining = Date.parse(session.expiresAt) - Date.now();
    const timer = setTimeout(expire, Math.max(0, Math.min(remaining, 2 ** 31 - 1)));
    return () => clearTimeout(timer);
  }, [session, expire]);

  if (!session) {
    return (
      <SignInPage
        notice={notice}
        onSignedIn={(next) => {
          saveSession(next);
          setNotice(null);
          setSession(next);
        }}
      />
    );
  }
  return <ConsoleShell session={session} onSignedOut={() => end("signIn.signedOut")} onExpired={expire} />;
}
