import { translator } from "./i18n";

/** Shown when the page was opened without a way to reach the terminal runtime. */
export function BridgeMissing() {
  const t = translator("zh-CN");
  return (
    <main className="bridge-missing" role="alert">
      <h1>{t("bridge.missing")}</h1>
      <p>{t("bridge.missingHint")}</p>
    </main>
  );
}
