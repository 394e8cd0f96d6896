import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { connectBridge } from "../../kiosk/ui/shared/bridge-client";
import { BridgeMissing } from "../../kiosk/ui/shared/bridge-missing";
import { ElderApp } from "./elder-app";
import "./elder.css";

const connection = connectBridge();
createRoot(document.getElementById("root")!).render(
  <StrictMode>{connection.ok ? <ElderApp bridge={connection.bridge} /> : <BridgeMissing />}</StrictMode>,
);
