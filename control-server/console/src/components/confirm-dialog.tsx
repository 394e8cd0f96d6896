import { useEffect, useId, useRef } from "react";
import { useI18n } from "../i18n/i18n";

export interface ConfirmRequest {
  title: string;
  body: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm(): void;
}

/** A modal question (native <dialog>: focus is trapped and Escape cancels); Cancel has the focus. */
export function ConfirmDialog({ request, onClose }: { request: ConfirmRequest | null; onClose(): void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (request && !element.open) element.showModal();
    if (!request && element.open) element.close();
  }, [request]);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onClose={onClose}
    >
      {request && (
        <form method="dialog">
          <h2 id={titleId}>{request.title}</h2>
          <p id={bodyId}>{request.body}</p>
          <div className="dialog-actions">
            {/* biome-ignore lint/a11y/noAutofocus: the safe choice takes the focus in a destructive dialog */}
            <button type="submit" value="cancel" className="button" autoFocus>
              {t("action.cancel")}
            </button>
            <button
              type="button"
              className={request.danger ? "button button-danger" : "button button-primary"}
              onClick={() => {
                request.onConfirm();
                onClose();
              }}
            >
              {request.confirmLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
