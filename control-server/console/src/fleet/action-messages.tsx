import type { ActionMessage } from "./use-terminal-actions";

/** The outcome of the last action, announced politely (the region exists before the message does). */
export function ActionMessages({ message }: { message: ActionMessage | null }) {
  return (
    <div className="messages" aria-live="polite">
      {message && (
        <p className={message.error ? "message message-error" : "message message-ok"}>{message.text}</p>
      )}
    </div>
  );
}
