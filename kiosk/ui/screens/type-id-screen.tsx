import { isValidIdNumber } from "@linli/hardware/id-card/id-number";
import { useState } from "react";
import { groupIdNumber, Keypad } from "../components/keypad";
import { ScreenTitle } from "../components/screen-title";
import { useVisit } from "../visit-context";

const ID_KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "X", "0"] as const;

/** No ID card with them: the ID number on a keypad, then the name; the runtime checks both with the registry. */
export function TypeIdScreen() {
  const { t, bridge } = useVisit();
  const [idNumber, setIdNumber] = useState("");
  const [step, setStep] = useState<"number" | "name">("number");
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const complete = idNumber.length === 18;
  const valid = complete && isValidIdNumber(idNumber);

  const signIn = async () => {
    setBusy(true);
    setProblem(null);
    const answer = await bridge.call("resident:sign-in", { idNumber, name: name.trim() });
    setBusy(false);
    // On success the snapshot carries the resident and the visit opens the home menu by itself.
    if (!answer.ok) setProblem(t("typeId.refused"));
  };

  if (step === "name") {
    return (
      <main className="screen type-id">
        <ScreenTitle>{t("typeId.nameTitle")}</ScreenTitle>
        <p className="lead">{t("typeId.nameHint")}</p>
        <label className="field">
          <span>{t("typeId.nameLabel")}</span>
          <input
            value={name}
            maxLength={30}
            autoComplete="off"
            onChange={(event) => setName(event.target.value)}
            data-testid="name-input"
          />
        </label>
        {problem && (
          <p className="problem" role="alert">
            {problem}
          </p>
        )}
        <div className="actions">
          <button type="button" className="big" onClick={() => setStep("number")}>
            {t("typeId.editNumber")}
          </button>
          <button
            type="button"
            className="big primary"
            disabled={busy || name.trim().length === 0}
            onClick={() => void signIn()}
          >
            {t("typeId.signIn")}
          </button>
        </div>
      </main>
    );
  }

  return (
    <main className="screen type-id">
      <ScreenTitle>{t("typeId.title")}</ScreenTitle>
      <p className="lead">{t("typeId.hint")}</p>
      <Keypad
        keys={ID_KEYS}
        value={idNumber}
        maxLength={18}
        onChange={setIdNumber}
        label={t("typeId.numberLabel")}
        format={groupIdNumber}
      />
      <p className={complete && !valid ? "problem" : "quiet"} role="status">
        {complete
          ? valid
            ? t("typeId.numberOk")
            : t("typeId.numberWrong")
          : t("typeId.count", { count: idNumber.length })}
      </p>
      <button type="button" className="big primary wide" disabled={!valid} onClick={() => setStep("name")}>
        {t("typeId.next")}
      </button>
    </main>
  );
}
