import { parseArgs } from "node:util";
import type { DeviceCli, Print } from "../cli/device-cli";
import { listenToStdin } from "../cli/stdin-commands";
import { UsageError } from "../cli/usage-error";
import type { DeviceHealth } from "../health";
import { DahuaItcClient } from "./dahua-client";
import { dahuaEventStreamPath } from "./dahua-event";
import { DahuaItcSimulator } from "./dahua-simulator";
import { HikvisionPushReceiver } from "./hikvision-receiver";
import { HikvisionCameraSimulator, type PushResult } from "./hikvision-simulator";
import { OnvifCamera } from "./onvif-camera";
import { OnvifSimulator } from "./onvif-simulator";
import { checkPlate, type PlateDirection, type PlateEvent, plateDirections } from "./plate-event";

const kinds = ["hikvision", "dahua", "onvif"] as const;
type CameraKind = (typeof kinds)[number];

const defaultPushUrl = "http://127.0.0.1:8080/api/v1/cameras/push";
const defaultBind: Record<Exclude<CameraKind, "hikvision">, string> = {
  dahua: "127.0.0.1:8091",
  onvif: "127.0.0.1:8090",
};
const defaultCredentials = { username: "admin", password: "admin123" };

function kindOf(value: string | undefined, fallback: CameraKind): CameraKind {
  const kind = value ?? fallback;
  if (!(kinds as readonly string[]).includes(kind))
    throw new UsageError(`--kind must be one of ${kinds.join(", ")}`);
  return kind as CameraKind;
}

function parseBind(value: string, option: string): { host: string; port: number } {
  const match = /^(.+):(\d{1,5})$/.exec(value);
  const port = Number(match?.[2]);
  if (!match || port > 65535) throw new UsageError(`${option} must be HOST:PORT, e.g. 127.0.0.1:8090`);
  return { host: match[1]!.replace(/^\[(.*)\]$/, "$1"), port };
}

function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new UsageError("--port must be a port number 1-65535");
  return port;
}

function parseSeconds(value: string | undefined, fallback: number, option: string): number {
  if (value === undefined) return fallback;
  const seconds = Number(value);
  if (!(seconds >= 0) || !Number.isFinite(seconds))
    throw new UsageError(`${option} must be a number of seconds`);
  return seconds;
}

/** Only the options that belong to the chosen kind may be given. */
function onlyFor(
  kind: CameraKind,
  values: Record<string, unknown>,
  allowed: Record<CameraKind, string[]>,
): void {
  for (const [option, value] of Object.entries(values)) {
    if (value === undefined || option === "kind" || option === "no-stdin") continue;
    if (!allowed[kind].includes(option)) {
      const owners = kinds.filter((candidate) => allowed[candidate].includes(option));
      throw new UsageError(`--${option} applies to --kind ${owners.join(" or ")}, not ${kind}`);
    }
  }
}

function describeHealth(health: DeviceHealth): string {
  return `health: ${health.status}${health.reason ? ` (${health.reason})` : ""}`;
}

function describePlate(event: PlateEvent): string {
  const details = [
    event.direction,
    event.plateColor,
    event.confidence === undefined ? undefined : `confidence ${event.confidence}`,
  ]
    .filter(Boolean)
    .join(", ");
  return `plate ${event.plate} (${details}) from ${event.cameraId} at ${event.at}, ${event.pictures.length} picture(s)`;
}

type SimulateValues = {
  [option in "push" | "ip" | "mac" | "heartbeat" | "bind" | "username" | "password"]?: string;
};
type CheckValues = { [option in "host" | "port" | "username" | "password" | "seconds" | "bind"]?: string };

/** A running camera simulator driven by text commands. */
export interface CameraSimulation {
  kind: CameraKind;
  commands: string[];
  run(command: string, args: string[]): Promise<string | undefined>;
  stop(): Promise<void>;
}

function parseDrive(args: string[]): { plate: string; direction: PlateDirection; note: string } {
  const [plate, direction = "entry"] = args;
  if (!plate) throw new Error("usage: drive PLATE [entry|exit|unknown], e.g. drive 湘A12345 entry");
  if (!(plateDirections as readonly string[]).includes(direction)) {
    throw new Error(`direction must be entry, exit or unknown, not "${direction}"`);
  }
  const check = checkPlate(plate);
  const note = check.ok ? "" : ` (not a valid plate: ${check.reason}; receivers will reject it)`;
  return { plate, direction: direction as PlateDirection, note };
}

function describePush(result: PushResult): string {
  return `${result.status}${result.body ? ` ${result.body}` : ""}`;
}

async function startHikvision(values: SimulateValues, print: Print): Promise<CameraSimulation> {
  const heartbeatSeconds = parseSeconds(values.heartbeat, 30, "--heartbeat");
  let lastHeartbeat = "";
  const pushUrl = values.push ?? defaultPushUrl;
  if (!URL.canParse(pushUrl) || new URL(pushUrl).protocol !== "http:") {
    throw new UsageError(`--push must be an http:// URL, e.g. ${defaultPushUrl}`);
  }
  const simulator = new HikvisionCameraSimulator({
    pushUrl,
    ip: values.ip,
    mac: values.mac,
    heartbeatIntervalMs: heartbeatSeconds * 1000,
    // Say how heartbeats go only when that changes, not every 30 s.
    onHeartbeat: (outcome) => {
      const text =
        outcome instanceof Error
          ? `heartbeat push failed: ${outcome.message}`
          : `heartbeat answered ${outcome.status}`;
      if (text !== lastHeartbeat) print(text);
      lastHeartbeat = text;
    },
  });
  const push = simulator.pushUrl;
  simulator.start();
  print(`Hikvision ANPR camera simulator pushing to ${push.href}`);
  print(
    `  camera ${simulator.ip}, MAC ${simulator.mac}, heartbeat ${heartbeatSeconds > 0 ? `every ${heartbeatSeconds} s` : "off"}`,
  );
  print(
    `  receiver config: ${JSON.stringify({ type: "hikvision-push", listen: { host: push.hostname, port: Number(push.port || 80) }, path: push.pathname })}`,
  );
  return {
    kind: "hikvision",
    commands: [
      "drive PLATE [entry|exit|unknown]   a car passes: push an ANPR event, e.g. drive 湘A12345 entry",
      "heartbeat                          push a heartbeat now",
    ],
    async run(command, args) {
      if (command === "drive") {
        const { plate, direction, note } = parseDrive(args);
        const result = await simulator.drive(plate, direction);
        return `pushed ${plate} ${direction} → ${describePush(result)}${note}`;
      }
      if (command === "heartbeat") return `heartbeat → ${describePush(await simulator.heartbeat())}`;
      return undefined;
    },
    async stop() {
      simulator.stop();
    },
  };
}

async function startDahua(values: SimulateValues, print: Print): Promise<CameraSimulation> {
  const bind = parseBind(values.bind ?? defaultBind.dahua, "--bind");
  const credentials = {
    username: values.username ?? defaultCredentials.username,
    password: values.password ?? defaultCredentials.password,
  };
  const simulator = new DahuaItcSimulator({ ...bind, ...credentials });
  const address = await simulator.start();
  print(
    `Dahua ITC camera simulator listening on http://${address.host}:${address.port}${dahuaEventStreamPath(5)}`,
  );
  print(`  HTTP Digest: user ${credentials.username}, password ${credentials.password}`);
  print(
    `  config: ${JSON.stringify({ type: "dahua", host: address.host, port: address.port, ...credentials })}`,
  );
  return {
    kind: "dahua",
    commands: [
      "drive PLATE [entry|exit|unknown]   a car passes: event text + JPEG on every open stream",
      "drop                               cut every event stream (network drop)",
      "silence | resume                   stop / resume heartbeats (hung camera)",
      "status                             how many clients are streaming",
    ],
    async run(command, args) {
      switch (command) {
        case "drive": {
          const { plate, direction, note } = parseDrive(args);
          return `sent ${plate} ${direction} to ${simulator.drive(plate, direction)} stream(s)${note}`;
        }
        case "drop": {
          const streams = simulator.streamCount;
          simulator.dropStreams();
          return `dropped ${streams} stream(s)`;
        }
        case "silence":
          simulator.silence(true);
          return "heartbeats stopped";
        case "resume":
          simulator.silence(false);
          return "heartbeats resumed";
        case "status":
          return `${simulator.streamCount} client(s) streaming`;
        default:
          return undefined;
      }
    },
    stop: () => simulator.stop(),
  };
}

async function startOnvif(values: SimulateValues, print: Print): Promise<CameraSimulation> {
  const bind = parseBind(values.bind ?? defaultBind.onvif, "--bind");
  const credentials = {
    username: values.username ?? defaultCredentials.username,
    password: values.password ?? defaultCredentials.password,
  };
  const simulator = new OnvifSimulator({ ...bind, credentials });
  const address = await simulator.start();
  print(`ONVIF camera simulator listening on http://${address.host}:${address.port}/onvif/device_service`);
  print(`  WS-Security and HTTP Digest: user ${credentials.username}, password ${credentials.password}`);
  print(
    `  config: ${JSON.stringify({ type: "onvif", host: address.host, port: address.port, ...credentials })}`,
  );
  return {
    kind: "onvif",
    commands: ["status                             how many snapshots were fetched"],
    async run(command) {
      if (command === "status") return `${simulator.snapshotsServed} snapshot(s) served`;
      return undefined;
    },
    stop: () => simulator.stop(),
  };
}

/**
 * Runs one command typed at the simulator. A leading "camera" is accepted, so that the same line
 * works when several simulators share one terminal (`npm run sim` with no device).
 */
export async function runCameraCommand(simulation: CameraSimulation, line: string): Promise<string> {
  const words = line.trim().split(/\s+/).filter(Boolean);
  if (words[0]?.toLowerCase() === "camera") words.shift();
  const [command = "", ...args] = words;
  if (command === "") return "";
  if (command.toLowerCase() === "help") return [...simulation.commands, "help"].join("\n");
  try {
    const output = await simulation.run(command.toLowerCase(), args);
    return output ?? `unknown command "${command}"; try: help`;
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

const simulateOptions = {
  kind: { type: "string" },
  push: { type: "string" },
  ip: { type: "string" },
  mac: { type: "string" },
  heartbeat: { type: "string" },
  bind: { type: "string" },
  username: { type: "string" },
  password: { type: "string" },
  "no-stdin": { type: "boolean", default: false },
} as const;

/** Parses the simulate options and starts the chosen camera simulator. */
export async function startCameraSimulation(
  args: string[],
  print: Print,
): Promise<{ simulation: CameraSimulation; readStdin: boolean }> {
  const { values } = parseArgs({ args, options: simulateOptions, strict: true });
  const kind = kindOf(values.kind, "hikvision");
  onlyFor(kind, values, {
    hikvision: ["push", "ip", "mac", "heartbeat"],
    dahua: ["bind", "username", "password"],
    onvif: ["bind", "username", "password"],
  });
  const simulation =
    kind === "hikvision"
      ? await startHikvision(values, print)
      : kind === "dahua"
        ? await startDahua(values, print)
        : await startOnvif(values, print);
  return { simulation, readStdin: !values["no-stdin"] };
}

const checkOptions = {
  kind: { type: "string" },
  host: { type: "string" },
  port: { type: "string" },
  username: { type: "string" },
  password: { type: "string" },
  seconds: { type: "string" },
  bind: { type: "string" },
} as const;

async function checkOnvif(values: CheckValues, print: Print): Promise<DeviceHealth> {
  if (!values.host) throw new UsageError("--host is required, e.g. --host 192.168.1.64");
  const port = parsePort(values.port, 80);
  const timeoutMs = parseSeconds(values.seconds, 5, "--seconds") * 1000;
  const camera = new OnvifCamera({
    host: values.host,
    port,
    username: values.username,
    password: values.password,
    timeoutMs: Math.max(timeoutMs, 100),
  });
  print(`Probing ONVIF camera at ${values.host}:${port}...`);
  let health: DeviceHealth;
  try {
    const info = await camera.deviceInformation();
    print(`manufacturer: ${info.manufacturer}`);
    print(`model: ${info.model}`);
    print(`firmware: ${info.firmwareVersion}`);
    print(`serial number: ${info.serialNumber}`);
    print(`hardware id: ${info.hardwareId}`);
    try {
      const uri = await camera.snapshotUri();
      const snapshot = await camera.snapshot();
      print(
        `snapshot: ${uri.protocol}//${uri.host}${uri.pathname} (${snapshot.bytes.length} bytes, ${snapshot.contentType})`,
      );
      health = { device: camera.id, status: "ok" };
    } catch (error) {
      print(`snapshot: failed (${(error as Error).message})`);
      health = {
        device: camera.id,
        status: "degraded",
        reason: `snapshot failed: ${(error as Error).message}`,
      };
    }
  } catch (error) {
    health = {
      device: camera.id,
      status: "unavailable",
      reason: `ONVIF failed: ${(error as Error).message}`,
    };
  }
  await camera.stop();
  print(describeHealth(health));
  return health;
}

async function checkDahua(values: CheckValues, print: Print): Promise<DeviceHealth> {
  if (!values.host) throw new UsageError("--host is required, e.g. --host 192.168.1.108");
  if (!values.username) throw new UsageError("--username is required (and --password) for a Dahua camera");
  const port = parsePort(values.port, 80);
  const seconds = parseSeconds(values.seconds, 15, "--seconds");
  const client = new DahuaItcClient({
    host: values.host,
    port,
    username: values.username,
    password: values.password ?? "",
    // A probe asks for frequent heartbeats so that it can answer quickly.
    heartbeatSeconds: 1,
    connectTimeoutMs: Math.max(seconds * 1000, 100),
  });
  print(`Opening the event stream of ${values.host}:${port} (waiting up to ${seconds} s for a heartbeat)...`);
  try {
    const info = await client.systemInfo();
    for (const [key, value] of Object.entries(info)) print(`${key}: ${value}`);
  } catch (error) {
    print(`system info: unavailable (${(error as Error).message})`);
  }
  client.on("plate", (event) => print(describePlate(event)));
  client.on("rejected", (read) => print(`unreadable plate from ${read.cameraId}: ${read.reason}`));
  const startedAt = Date.now();
  // A probe answers at the first verdict: a heartbeat, or the first failure to open the stream.
  const verdict = new Promise<DeviceHealth>((resolve) => {
    const timer = setTimeout(() => resolve(client.health.current), seconds * 1000);
    client.once("heartbeat", () => {
      clearTimeout(timer);
      print(`event stream: open, first heartbeat after ${Date.now() - startedAt} ms`);
      resolve(client.health.current);
    });
    client.health.on("change", (health) => {
      if (health.status === "unavailable" && health.reason !== "connecting") {
        clearTimeout(timer);
        resolve(health);
      }
    });
  });
  await client.start();
  let health = await verdict;
  if (health.status === "unavailable" && health.reason === "connecting") {
    health = { ...health, reason: `no heartbeat within ${seconds} s` };
  }
  await client.stop();
  print(describeHealth(health));
  return health;
}

async function checkHikvision(values: CheckValues, print: Print): Promise<DeviceHealth> {
  const listen = parseBind(values.bind ?? "0.0.0.0:8081", "--bind");
  const seconds = parseSeconds(values.seconds, 60, "--seconds");
  const receiver = new HikvisionPushReceiver({ listen });
  receiver.on("plate", (event) => print(describePlate(event)));
  receiver.on("rejected", (read) => print(`unreadable plate from ${read.cameraId}: ${read.reason}`));
  receiver.on("heartbeat", (heartbeat) => print(`heartbeat from ${heartbeat.cameraId} at ${heartbeat.at}`));
  await receiver.start();
  const address = receiver.address!;
  print(
    `Waiting up to ${seconds} s for a push on http://${address.host}:${address.port}/ (point the camera's HTTP listening host here)...`,
  );
  const pushed = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), seconds * 1000);
    receiver.health.on("change", (health) => {
      if (health.status === "ok") {
        clearTimeout(timer);
        resolve(true);
      }
    });
  });
  await new Promise((resolve) => setImmediate(resolve));
  const health: DeviceHealth = pushed
    ? receiver.health.current
    : { device: receiver.id, status: "unavailable", reason: `no push within ${seconds} s` };
  await receiver.stop();
  print(describeHealth(health));
  return health;
}

export const cameraCli: DeviceCli = {
  name: "camera",
  summary: "licence-plate cameras: Hikvision ANPR push, Dahua ITC event stream, ONVIF snapshots",
  options: [
    "simulate: --kind hikvision|dahua|onvif   which camera (default hikvision)",
    `simulate: --push URL        hikvision: where to push (default ${defaultPushUrl})`,
    "simulate: --ip IP --mac MAC hikvision: the camera's own address in pushes",
    "simulate: --heartbeat N     hikvision: heartbeat every N s, 0 for none (default 30)",
    `simulate: --bind HOST:PORT  dahua/onvif: where to listen (default ${defaultBind.dahua} / ${defaultBind.onvif})`,
    `simulate: --username U --password P   dahua/onvif credentials (default ${defaultCredentials.username} / ${defaultCredentials.password})`,
    "simulate: --no-stdin        do not read commands (drive 湘A12345 entry, help) from stdin",
    "check:    --kind onvif|dahua|hikvision   what to probe (default onvif)",
    "check:    --host HOST --port N           onvif/dahua: the camera (port default 80)",
    "check:    --username U --password P      onvif/dahua credentials",
    "check:    --seconds N       onvif: request timeout (5); dahua: wait for a heartbeat (15); hikvision: wait for a push (60)",
    "check:    --bind HOST:PORT  hikvision: where to listen for the camera's push (default 0.0.0.0:8081)",
  ],

  async simulate(args, print) {
    const { simulation, readStdin } = await startCameraSimulation(args, print);
    const stopStdin = readStdin
      ? listenToStdin((line) => runCameraCommand(simulation, line), print)
      : () => {};
    if (readStdin) print(`Commands on stdin:\n  ${[...simulation.commands, "help"].join("\n  ")}`);
    return async () => {
      stopStdin();
      await simulation.stop();
    };
  },

  async check(args, print) {
    const { values } = parseArgs({ args, options: checkOptions, strict: true });
    const kind = kindOf(values.kind, "onvif");
    onlyFor(kind, values, {
      onvif: ["host", "port", "username", "password", "seconds"],
      dahua: ["host", "port", "username", "password", "seconds"],
      hikvision: ["bind", "seconds"],
    });
    if (kind === "dahua") return checkDahua(values, print);
    if (kind === "hikvision") return checkHikvision(values, print);
    return checkOnvif(values, print);
  },
};
