import { Icon } from "../components/icons";
import { PublicMenu } from "../components/public-menu";
import { useLookup } from "../hooks/use-lookup";
import { useVisit } from "../visit-context";

/** Signed in: the greeting with the masked ID number, applying, the resident's own applications. */
export function HomeScreen() {
  const { t, resident, go } = useVisit();
  const lookup = useLookup();
  if (!resident) return null;
  return (
    <main className="screen home">
      <section className="greeting" aria-labelledby="greeting">
        <h1 id="greeting">{t("home.hello", { name: resident.name })}</h1>
        <p className="id-masked" data-testid="id-masked">
          {t("home.idMasked", { id: resident.idMasked })}
        </p>
        {!resident.known && <p className="quiet">{t("home.unknownResident")}</p>}
      </section>
      <div className="home-actions">
        <button type="button" className="tile primary large" onClick={() => go({ name: "services" })}>
          <Icon name="apply" size={72} />
          <span>{t("home.apply")}</span>
          <small>{t("home.applyHint")}</small>
        </button>
        {resident.source === "card" ? (
          <button
            type="button"
            className="tile large"
            disabled={lookup.busy}
            onClick={() => void lookup.run({ mine: true })}
          >
            <Icon name="mine" size={72} />
            <span>{t("home.mine")}</span>
            <small>{t("home.mineHint")}</small>
          </button>
        ) : (
          // A typed ID number proves nothing (anyone may know it): progress by receipt code only.
          <button type="button" className="tile large" onClick={() => go({ name: "lookup" })}>
            <Icon name="progress" size={72} />
            <span>{t("home.byCode")}</span>
            <small>{t("home.byCodeHint")}</small>
          </button>
        )}
      </div>
      {lookup.error && (
        <p className="problem" role="alert">
          {lookup.error}
        </p>
      )}
      <h2 className="section-title">{t("home.public")}</h2>
      <PublicMenu />
    </main>
  );
}
