import { useEffect, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import { useI18n } from "../i18n/i18n";

/** A plate read's close-up: fetched with the session token (an <img> cannot send it) and shown from memory. */
export function PlatePicture(props: { api: ConsoleApi; url: string; plate: string }) {
  const { t } = useI18n();
  const [source, setSource] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let objectUrl: string | null = null;
    let current = true;
    props.api.picture(props.url).then(
      (blob) => {
        if (!current) return;
        objectUrl = URL.createObjectURL(blob);
        setSource(objectUrl);
      },
      () => {
        if (current) setFailed(true);
      },
    );
    return () => {
      current = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [props.api, props.url]);

  if (failed) return <span className="muted">{t("plate.pictureFailed")}</span>;
  if (!source) return <span className="plate-picture plate-picture-loading" aria-hidden="true" />;
  return <img className="plate-picture" src={source} alt={t("plate.pictureAlt", { plate: props.plate })} />;
}
