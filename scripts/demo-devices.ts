import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startSamVSimulatorOnPty } from "@linli/hardware/id-card/sam-v-simulator";
import { sampleCards } from "@linli/hardware/id-card/sample-cards";
import { RflinkSimulator } from "@linli/hardware/pendant/rflink-simulator";
import type { PrintedDocument } from "@linli/hardware/printer/escpos-decoder";
import { EscPosPrinterSimulator } from "@linli/hardware/printer/escpos-simulator";
import { SerialTransport } from "@linli/hardware/transports/serial-transport";
import { createPtyPair } from "@linli/hardware/transports/socat-pty-pair";

/** The demo elder's pendant: EV1527 id and the switch its SOS key sends. */
export const DEMO_PENDANT = { id: "295FD59", switch: 3 };

export interface DemoDevices {
  /** `devices` sections of the two terminal configs, pointing at the simulators. */
  kiosk: Record<string, Record<string, unknown> & { type: string }>;
  elder: Record<string, Record<string, unknown> & { type: string }>;
  /** One line per simulator: where it is. */
  description: string[];
  /** Physical actions a demo operator can perform by typing a word. */
  actions: Record<string, { help: string; run(): Promise<void> | void }>;
  stop(): Promise<void>;
}

/** A printed receipt as plain text: its lines as the printer decoded them (GB18030), QR codes as [QR] lines. */
export function receiptAsText(document: PrintedDocument): string {
  return document.items
    .flatMap((item) => {
      if (item.kind === "text") return [item.text];
      if (item.kind === "qr") return [`[QR] ${item.data}`];
      if (item.kind === "barcode") return [`[${item.symbology}] ${item.data}`];
      return [];
    })
    .join("\n");
}

/**
 * The simulated hardware of `npm start`, speaking the real wire protocols: an ID card reader on a
 * serial pty and a receipt printer on TCP for the kiosk, a 433 MHz pendant receiver on a pty for the
 * elder unit. Every receipt the printer prints is decoded into a text file in `receiptsDir` and said in
 * one line through `report`.
 */
export async function startDemoDevices(
  options: { receiptsDir?: string; report?: (line: string) => void } = {},
): Promise<DemoDevices> {
  const reader = await startSamVSimulatorOnPty();
  const printer = new EscPosPrinterSimulator();
  const printerAddress = await printer.listenTcp("127.0.0.1", 0);
  const { receiptsDir, report } = options;
  printer.on("document", (document) => {
    const text = receiptAsText(document);
    const code = text.match(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/)?.[0] ?? "receipt";
    let where = "";
    if (receiptsDir) {
      mkdirSync(receiptsDir, { recursive: true });
      const file = join(receiptsDir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${code}.txt`);
      writeFileSync(file, `${text}\n`);
      where = ` → ${file}`;
    }
    report?.(`printer: receipt ${code} printed${where}`);
  });
  const pendantPty = await createPtyPair();
  const pendant = new RflinkSimulator({ transport: new SerialTransport({ path: pendantPty.devicePath }) });
  pendant.start();
  return {
    kiosk: {
      idCardReader: { type: "sam-v", transport: "serial", path: reader.hostPath, baudRate: 115200 },
      printer: { type: "escpos", transport: "tcp", host: printerAddress.host, port: printerAddress.port },
    },
    elder: {
      pendant: {
        type: "rflink",
        transport: "serial",
        path: pendantPty.hostPath,
        pendants: [{ id: DEMO_PENDANT.id, switch: DEMO_PENDANT.switch, button: "sos" }],
      },
      // The unit's button box, as a keyboard wedge: press these keys in the elder window.
      buttons: {
        type: "keyboard",
        keys: { F1: "sos", F2: "fine", F3: "service:meals", F4: "call", Escape: "cancel", Enter: "ok" },
      },
    },
    description: [
      `ID card reader (SAM_V, simulated) on ${reader.hostPath}`,
      `receipt printer (ESC/POS, simulated) on tcp://${printerAddress.host}:${printerAddress.port}`,
      `pendant receiver (RFLink 433 MHz, simulated) on ${pendantPty.hostPath}`,
    ],
    actions: {
      sos: {
        help: "press the elder's SOS pendant",
        run: () => pendant.press(DEMO_PENDANT.id, DEMO_PENDANT.switch),
      },
      card: {
        help: "place 李晓梅's ID card on the kiosk's reader",
        run: () => reader.simulator.placeCard(sampleCards.resident),
      },
      "card-elder": {
        help: "place 王建国's ID card on the kiosk's reader",
        run: () => reader.simulator.placeCard(sampleCards.elder),
      },
      "card-off": { help: "take the ID card away", run: () => reader.simulator.removeCard() },
      "paper-out": { help: "the kiosk's printer runs out of paper", run: () => printer.paperOut() },
      "paper-in": { help: "load paper into the kiosk's printer", run: () => printer.loadPaper() },
    },
    async stop() {
      await pendant.stop();
      await pendantPty.close();
      await printer.stop();
      await reader.close();
    },
  };
}
