import type { PlateRead } from "@linli/protocol";
import type { ConsoleApi } from "../api/console-api";
import { formatTimestamp } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { PlatePicture } from "./plate-picture";

const DIRECTION_MARKS: Record<PlateRead["direction"], string> = { entry: "→", exit: "←", unknown: "·" };

/** Plates read by the cameras, newest first, each with its close-up. */
export function PlateReadsTable(props: { api: ConsoleApi; reads: PlateRead[] }) {
  const { t, locale } = useI18n();
  return (
    <div className="table-wrap">
      <table className="data-table plate-table" data-testid="plate-reads">
        <caption className="visually-hidden">{t("plates.caption", { count: props.reads.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("plateColumn.plate")}</th>
            <th scope="col">{t("plateColumn.picture")}</th>
            <th scope="col">{t("plateColumn.direction")}</th>
            <th scope="col">{t("plateColumn.camera")}</th>
            <th scope="col">{t("plateColumn.at")}</th>
          </tr>
        </thead>
        <tbody>
          {props.reads.map((read) => {
            const closeUp = read.pictures.find((p) => p.kind === "plate") ?? read.pictures[0];
            return (
              <tr key={read.id} data-read-id={read.id}>
                <th scope="row">
                  <span className="plate-number">{read.plate}</span>
                  {read.confidence !== null && (
                    <span className="cell-sub">
                      {t("plate.confidence", { value: Math.round(read.confidence) })}
                    </span>
                  )}
                </th>
                <td>
                  {closeUp ? (
                    <PlatePicture api={props.api} url={closeUp.url} plate={read.plate} />
                  ) : (
                    <span className="muted">{t("plate.noPicture")}</span>
                  )}
                </td>
                <td className="nowrap">
                  <span aria-hidden="true">{DIRECTION_MARKS[read.direction]} </span>
                  {t(`plateDirection.${read.direction}`)}
                </td>
                <td>
                  {read.camera}
                  <span className="cell-sub">{read.location ?? t("camera.noLocation")}</span>
                </td>
                <td className="nowrap">{formatTimestamp(read.readAt, locale)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
