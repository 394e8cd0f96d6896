import { contextBridge, type IpcRendererEvent, ipcRenderer } from "electron";
import {
  BRIDGE_CALL_CHANNEL,
  BRIDGE_EVENT_CHANNEL,
  type BridgeCallName,
  type BridgeEventName,
  type TerminalBridge,
} from "../bridge/contract";

/** Exposes exactly the typed bridge to the UI, nothing of Node or Electron. */
const bridge: TerminalBridge = {
  call: (name: BridgeCallName, request: unknown) => ipcRenderer.invoke(BRIDGE_CALL_CHANNEL, name, request),
  on(event: BridgeEventName, listener: (payload: never) => void) {
    const forward = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload as never);
    };
    ipcRenderer.on(BRIDGE_EVENT_CHANNEL, forward);
    return () => ipcRenderer.removeListener(BRIDGE_EVENT_CHANNEL, forward);
  },
} as TerminalBridge;

contextBridge.exposeInMainWorld("linliBridge", bridge);
