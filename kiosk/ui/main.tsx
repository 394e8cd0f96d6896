import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { KioskApp } from "./kiosk-app";
import { connectBridge } from "./shared/bridge-client";
import { BridgeMissing } from "./shared/bridge-missing";
import "./kiosk.css";
import "./styles/controls.css";
import "./styles/screens.css";

const connection = connectBridge();
createRoot(document.getElementById("root")!).render(
  <StrictMode>{connection.ok ? <KioskApp bridge={connection.bridge} /> : <BridgeMissing />}</StrictMode>,
);
