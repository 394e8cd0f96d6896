import { isValidIdNumber } from "@linli/hardware/id-card/id-number";
import { useEffect, useState } from "react";
import { groupIdNumber, Keypad } from "../components/keypad";
import { ScreenTitle } from "../components/screen-title";
import { useVisit } from "../visit-context";

const ID_KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "X", "0"] as const;
const CODE_KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"] as const;
const CODE_LENGTH = 6;

type Problem =
  | "offline"
  | "noPhone"
  | "tooSoon"
  | "sendFailed"
  | "wrongCode"
  | "codeExpired"
  | "codeLocked"
  | "failed";

/** Where the code went and when another may be asked for. */
interface CodeSent {
  phoneMasked: string;
  resendAt: number;
}

/** Seconds until `at`, counted at each render; re-rendered once a second while there are any. */
function useSecondsUntil(at: number | null): number {
  const [, setTick] = useState(0);
  const seconds = at === null ? 0 : Math.max(0, Math.ceil((at - Date.now()) / 1000));
  useEffect(() => {
    if (at === null) return;
    const timer = setInterval(() => {
      setTick((tick) => tick + 1);
      if (at <= Date.now()) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [at]);
  return seconds;
}

/**
 * No ID card with them: the ID number on a keypad, then a code texted to the phone the population
 * registry has for that number, typed on a keypad too. A kiosk has no keyboard for a name, and anyone
 * may know a neighbour's number: the registry's phone is the proof, as good as the card.
 */
export function TypeIdScreen() {
  const { t, bridge, online } = useVisit();
  const [idNumber, setIdNumber] = useState("");
  const [code, setCode] = useState("");
  const [sent, setSent] = useState<CodeSent | null>(null);
  const [resent, setResent] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const resendIn = useSecondsUntil(sent?.resendAt ?? null);
  const complete = idNumber.length === 18;
  const valid = complete && isValidIdNumber(idNumber);

  const sendCode = async () => {
    setBusy(true);
    setProblem(null);
    const answer = await bridge.call("resident:send-code", { idNumber });
    setBusy(false);
    if (answer.ok) {
      setResent(sent !== null);
      setSent({ phoneMasked: answer.data.phoneMasked, resendAt: Date.parse(answer.data.resendAfter) });
      setCode("");
      return;
    }
    const { code: errorCode, message } = answer.error;
    if (errorCode === "not_found") setProblem("noPhone");
    else if (errorCode === "unavailable" && /try again in/.test(message)) setProblem("tooSoon");
    else if (errorCode === "unavailable" && !online) setProblem("offline");
    else setProblem("sendFailed");
  };

  const signIn = async () => {
    setBusy(true);
    setProblem(null);
    setResent(false);
    const answer = await bridge.call("resident:sign-in", { idNumber, code });
    setBusy(false);
    // On success the snapshot carries the resident and the visit opens the home menu by itself.
    if (answer.ok) return;
    setCode("");
    const refusals: Partial<Record<string, Problem>> = {
      invalid_payload: "wrongCode",
      expired: "codeExpired",
      forbidden: "codeLocked",
      unavailable: online ? "failed" : "offline",
    };
    setProblem(refusals[answer.error.code] ?? "failed");
  };

  const problemLine = problem && (
    <p className="problem" role="alert" data-testid="type-id-problem">
      {t(`typeId.${problem}`)}
    </p>
  );

  if (sent) {
    return (
      <main className="screen type-id">
        <ScreenTitle>{t("typeId.codeTitle")}</ScreenTitle>
        <p className="lead" data-testid="code-sent">
          {t("typeId.codeSent", { phone: sent.phoneMasked })}
        </p>
        {resent && !problem && (
          <p className="quiet" role="status">
            {t("typeId.resent")}
          </p>
        )}
        <Keypad
          keys={CODE_KEYS}
          value={code}
          maxLength={CODE_LENGTH}
          onChange={(value) => {
            setCode(value);
            if (value) setProblem(null);
          }}
          label={t("typeId.codeLabel")}
        />
        {problemLine ?? (
          <p className="quiet" role="status">
            {t("typeId.codeCount", { count: code.length })}
          </p>
        )}
        <button
          type="button"
          className="big primary wide"
          disabled={busy || code.length !== CODE_LENGTH}
          onClick={() => void signIn()}
        >
          {t("typeId.signIn")}
        </button>
        <div className="actions">
          <button
            type="button"
            className="big"
            onClick={() => {
              setSent(null);
              setCode("");
              setProblem(null);
            }}
          >
            {t("typeId.editNumber")}
          </button>
          <button
            type="button"
            className="big"
            disabled={busy || resendIn > 0}
            onClick={() => void sendCode()}
          >
            {resendIn > 0 ? t("typeId.resendIn", { seconds: resendIn }) : t("typeId.resend")}
          </button>
        </div>
      </main>
    );
  }

  return (
    <main className="screen type-id">
      <ScreenTitle>{t("typeId.title")}</ScreenTitle>
      <p className="lead">{t("typeId.hint")}</p>
      {online ? (
        <p className="quiet">{t("typeId.codeNote")}</p>
      ) : (
        <p className="problem">{t("typeId.offline")}</p>
      )}
      <Keypad
        keys={ID_KEYS}
        value={idNumber}
        maxLength={18}
        onChange={(value) => {
          setIdNumber(value);
          setProblem(null);
        }}
        label={t("typeId.numberLabel")}
        format={groupIdNumber}
      />
      {problemLine ?? (
        <p className={complete && !valid ? "problem" : "quiet"} role="status">
          {complete
            ? valid
              ? t("typeId.numberOk")
              : t("typeId.numberWrong")
            : t("typeId.count", { count: idNumber.length })}
        </p>
      )}
      <button
        type="button"
        className="big primary wide"
        disabled={!valid || busy || !online}
        onClick={() => void sendCode()}
      >
        {t("typeId.sendCode")}
      </button>
    </main>
  );
}
