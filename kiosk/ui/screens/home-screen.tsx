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
        {/* The card, or a typed number proven by a code texted to the registry's phone: both show them. */}
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
