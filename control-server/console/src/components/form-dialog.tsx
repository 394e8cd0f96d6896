import { type FormEvent, type ReactNode, useEffect, useId, useRef } from "react";

/**
 * A modal form (native <dialog>: focus is trapped, Escape closes it) for a question with an answer to
 * type or choose; the first field takes the focus. It stays open until the parent closes it.
 */
export function FormDialog(props: {
  open: boolean;
  title: string;
  description: string;
  submitLabel: string;
  closeLabel: string;
  danger?: boolean;
  busy: boolean;
  /** Answers whether it worked: the dialog closes then, and stays open (with its error) otherwise. */
  onSubmit(): Promise<boolean>;
  onClose(): void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (props.open && !element.open) {
      element.showModal();
      element.querySelector<HTMLElement>("select, textarea, input")?.focus();
    }
    if (!props.open && element.open) element.close();
  }, [props.open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await props.onSubmit()) props.onClose();
  };

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onClose={props.onClose}
    >
      {props.open && (
        <form onSubmit={submit} noValidate>
          <h2 id={titleId}>{props.title}</h2>
          <p id={bodyId} className="dialog-body">
            {props.description}
          </p>
          {props.children}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={props.onClose}>
              {props.closeLabel}
            </button>
            <button
              type="submit"
              className={props.danger ? "button button-danger" : "button button-primary"}
              disabled={props.busy}
            >
              {props.submitLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
