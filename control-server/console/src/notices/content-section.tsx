import type { ReactNode } from "react";
import { useI18n } from "../i18n/i18n";

/**
 * One kind of kiosk content on its page: the heading, the list (after the load error, if any) and, for
 * staff who may edit it, the form beside the list.
 */
export function ContentSection(props: {
  /** The section's name in `data-section` and in its heading's id. */
  section: string;
  title: string;
  loadError: string | null;
  form: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section
      className="content-section"
      aria-labelledby={`${props.section}-title`}
      data-section={props.section}
    >
      <h2 id={`${props.section}-title`} className="section-title">
        {props.title}
      </h2>
      <div className={props.form ? "split notice-split" : undefined}>
        <div>
          {props.loadError && (
            <p className="message message-error">{t("content.loadFailed", { message: props.loadError })}</p>
          )}
          {props.children}
        </div>
        {props.form}
      </div>
    </section>
  );
}
