import type { ConsoleApi } from "../api/console-api";
import { CancelDialog } from "./cancel-dialog";
import { DispatchDialog } from "./dispatch-dialog";
import type { ServiceActions } from "./use-service-actions";

/** The dispatch and cancel questions of a page that acts on service requests; each request gets fresh ones. */
export function ServiceDialogs({ api, actions }: { api: ConsoleApi; actions: ServiceActions }) {
  const { dialog } = actions;
  const busy = dialog !== null && actions.busyId === dialog.request.id;
  return (
    <>
      <DispatchDialog
        key={`dispatch-${dialog?.request.id ?? ""}`}
        api={api}
        request={dialog?.kind === "dispatch" ? dialog.request : null}
        busy={busy}
        onDispatch={(request, providerId) => actions.run(request, "dispatch", { providerId })}
        onClose={actions.closeDialog}
      />
      <CancelDialog
        key={`cancel-${dialog?.request.id ?? ""}`}
        request={dialog?.kind === "cancel" ? dialog.request : null}
        busy={busy}
        onCancel={(request, note) => actions.run(request, "cancel", { note })}
        onClose={actions.closeDialog}
      />
    </>
  );
}
