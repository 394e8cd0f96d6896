import { normaliseReceiptCode, RECEIPT_CODE_ALPHABET } from "@linli/protocol";
import { useState } from "react";
import { Keypad } from "../components/keypad";
import { ScreenTitle } from "../components/screen-title";
import { useLookup } from "../hooks/use-lookup";
import { useVisit } from "../visit-context";

const KEYS = [...RECEIPT_CODE_ALPHABET];

/** K7M2-9QXD-4HTP: the code as printed, so that it can be compared with the receipt. */
function groupCode(value: string): string {
  return [value.slice(0, 4), value.slice(4, 8), value.slice(8)].filter(Boolean).join("-");
}

/** 进度查询: the receipt code on a keypad of the code's own letters and digits. */
export function LookupScreen() {
  const { t, online } = useVisit();
  const [typed, setTyped] = useState("");
  const lookup = useLookup();
  const code = normaliseReceiptCode(typed);
  return (
    <main className="screen lookup">
      <ScreenTitle>{t("lookup.title")}</ScreenTitle>
      <p className="lead">{online ? t("lookup.hint") : t("lookup.offline")}</p>
      <Keypad
        keys={KEYS}
        value={typed}
        maxLength={12}
        onChange={setTyped}
        label={t("lookup.codeLabel")}
        format={groupCode}
        columns={8}
      />
      {lookup.error && (
        <p className="problem" role="alert">
          {lookup.error}
        </p>
      )}
      <button
        type="button"
        className="big primary wide"
        disabled={!code || lookup.busy}
        onClick={() => code && void lookup.run({ receiptCode: code })}
      >
        {lookup.busy ? t("lookup.busy") : t("lookup.search")}
      </button>
    </main>
  );
}
