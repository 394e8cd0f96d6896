import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { PROTOCOL_VERSION } from "@linli/protocol";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { staffToken, WANG } from "./alarm-fixtures";
import {
  api,
  enrolTerminal,
  type RunningServer,
  seriousAxeViolations,
  signInThroughPage,
  startConsoleParts,
} from "./harness";

/** Chromium's fake microphone (a beep each second), no permission prompt, sound without a gesture. */
const FAKE_MEDIA = [
  "--use-fake-device-for-media-stream",
  "--use-fake-ui-for-media-stream",
  "--autoplay-policy=no-user-gesture-required",
];

/** Keeps every RTCPeerConnection and OscillatorNode the page makes, so that the test can look at them. */
const WATCH_MEDIA = `
  window.__peers = [];
  const NativePeer = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends NativePeer {
    constructor(...args) {
      super(...args);
      window.__peers.push(this);
    }
  };
  window.__oscillators = [];
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (when) {
    window.__oscillators.push(this.type);
    return start.call(this, when);
  };
`;

/**
 * The elder unit's side, as a page on the server's origin with the socket.io client: linked to /terminal
 * with the unit's credentials; it answers the console's offer with its own microphone (the unit answers
 * hands-free), relays its ICE candidates and plays what it hears.
 */
const UNIT_SIDE = `
  window.linliUnit = (auth) => {
    const socket = io("/terminal", { auth, transports: ["websocket"], reconnection: false });
    const unit = { socket, pc: null, callId: null, incoming: [], accepted: [], ended: [] };
    window.unit = unit;
    const microphone = navigator.mediaDevices.getUserMedia({ audio: true });
    const ask = (event, payload) => socket.timeout(3000).emitWithAck(event, payload);
    let early = [];
    socket.on("call:incoming", (event) => { unit.incoming.push(event); unit.callId = event.callId; });
    socket.on("call:accepted", (event) => { unit.accepted.push(event); unit.callId = event.callId; });
    socket.on("call:ended", (event) => { unit.ended.push(event); unit.pc?.close(); });
    socket.on("call:signal", async ({ callId, signal }) => {
      if (signal.type === "description" && signal.description.type === "offer") {
        unit.callId = callId;
        const pc = new RTCPeerConnection({ iceServers: [] });
        unit.pc = pc;
        const stream = await microphone;
        for (const track of stream.getAudioTracks()) pc.addTrack(track, stream);
        pc.onicecandidate = ({ candidate }) => {
          if (!candidate || !candidate.candidate) return;
          void ask("call:signal", { callId, signal: { type: "candidate", candidate: {
            candidate: candidate.candidate, sdpMid: candidate.sdpMid, sdpMLineIndex: candidate.sdpMLineIndex,
          } } });
        };
        pc.ontrack = (event) => {
          const audio = new Audio();
          audio.srcObject = event.streams[0];
          void audio.play().catch(() => undefined);
          unit.audio = audio;
        };
        await pc.setRemoteDescription(signal.description);
        for (const candidate of early.splice(0)) await pc.addIceCandidate(candidate);
        const answer = await pc.createAnswer();
        await pc.setLocalDescription(answer);
        await ask("call:signal", { callId, signal: { type: "description",
          description: { type: "answer", sdp: answer.sdp } } });
      } else if (signal.type === "candidate") {
        if (unit.pc && unit.pc.remoteDescription) await unit.pc.addIceCandidate(signal.candidate);
        else early.push(signal.candidate);
      }
    });
    unit.call = () => ask("call:request", { callId: crypto.randomUUID() });
    unit.hangUp = () => ask("call:hangup", { callId: unit.callId });
    unit.sos = (id) => ask("alarm:raise", { id, kind: "sos", raisedAt: new Date().toISOString(), source: "button" });
    return new Promise((resolve, reject) => {
      socket.once("connect", () => resolve(socket.id));
      socket.once("connect_error", (error) => reject(error.message));
    });
  };
`;

interface AudioIn {
  audioLevel: number;
  totalAudioEnergy: number;
  packetsReceived: number;
}

interface Heard {
  loudest: number;
  energyGained: number;
  packetsReceived: number;
}

/** inbound-rtp audio of the peer connection `pcExpression` names in the page. */
function inboundAudio(page: Page, pcExpression: string): Promise<AudioIn | null> {
  return page.evaluate(`(async () => {
    const pc = ${pcExpression};
    if (!pc) return null;
    let found = null;
    (await pc.getStats()).forEach((report) => {
      if (report.type === "inbound-rtp" && report.kind === "audio") {
        found = {
          audioLevel: report.audioLevel ?? 0,
          totalAudioEnergy: report.totalAudioEnergy ?? 0,
          packetsReceived: report.packetsReceived ?? 0,
        };
      }
    });
    return found;
  })()`) as Promise<AudioIn | null>;
}

/**
 * Waits until the other side's beep (not just packets, nor a noise floor) arrives: a reading of at least
 * 0.1 and the received energy growing by at least 0.05. Answers the loudest reading and the energy gained.
 */
async function hearsSound(page: Page, pcExpression: string): Promise<Heard> {
  let first: AudioIn | null = null;
  let heard: Heard = { loudest: 0, energyGained: 0, packetsReceived: 0 };
  await expect
    .poll(
      async () => {
        const now = await inboundAudio(page, pcExpression);
        if (!now) return false;
        first ??= now;
        heard = {
          loudest: Math.max(heard.loudest, now.audioLevel),
          energyGained: now.totalAudioEnergy - first.totalAudioEnergy,
          packetsReceived: now.packetsReceived,
        };
        return heard.loudest >= 0.1 && heard.energyGained >= 0.05;
      },
      { timeout: 10_000, interval: 200 },
    )
    .toBe(true);
  return heard;
}

/** The console's level meter over a few seconds: its readings, as the page shows them. */
async function meterReadings(page: Page, ms: number): Promise<number[]> {
  const readings: number[] = [];
  const until = Date.now() + ms;
  while (Date.now() < until) {
    readings.push(Number(await page.getByTestId("call-level").getAttribute("data-level")));
    await page.waitForTimeout(100);
  }
  return readings;
}

/** The socket.io client's browser build (the package's exports do not name it). */
const SOCKET_IO_BROWSER = fileURLToPath(
  new URL("../../../node_modules/socket.io-client/dist/socket.io.min.js", import.meta.url),
);
const CONSOLE_PC = "window.__peers.at(-1)";
const UNIT_PC = "window.unit.pc";
const measured: Record<string, Heard & { meterMax?: number }> = {};

/** Voice calls between the real console and a unit page, with real WebRTC media on the loopback network. */
describe("voice calls", () => {
  let server: RunningServer;
  let browser: Browser;
  let token: string;
  let unit: { terminalId: string; token: string };
  const contexts: BrowserContext[] = [];
  let consolePage: Page;
  let unitPage: Page;

  beforeAll(async () => {
    ({ server, browser, token } = await startConsoleParts({ chromiumArgs: FAKE_MEDIA }));
    await staffToken(server.url, token, { username: "wang.fang", displayName: "王芳", role: "dispatcher" });
    unit = await enrolTerminal(server.url, token, {
      kind: "elder",
      communityId: "xiangbin",
      name: "湘滨 王奶奶家",
    });
    const profile = await api(server.url, "/api/v1/elders", {
      token,
      body: { ...WANG, communityId: "xiangbin", terminalId: unit.terminalId },
    });
    expect(profile.status).toBe(201);
  });

  afterAll(async () => {
    console.info(`measured audio: ${JSON.stringify(measured, null, 1)}`);
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  const openPages = async () => {
    const consoleContext = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: "zh-CN",
    });
    const unitContext = await browser.newContext();
    contexts.push(consoleContext, unitContext);
    consolePage = await consoleContext.newPage();
    await consolePage.addInitScript(WATCH_MEDIA);
    await signInThroughPage(consolePage, server.url, "wang.fang", "wang.fang-password-1");
    await consolePage.getByRole("heading", { level: 1, name: "终端总览" }).waitFor();

    unitPage = await unitContext.newPage();
    await unitPage.goto(new URL("/healthz", server.url).toString());
    await unitPage.addScriptTag({ path: SOCKET_IO_BROWSER });
    await unitPage.addScriptTag({ content: UNIT_SIDE });
    await unitPage.evaluate(`window.linliUnit(${JSON.stringify({ ...unit, protocol: PROTOCOL_VERSION })})`);
    await consolePage.locator(`tr[data-terminal-id="${unit.terminalId}"] [data-presence="online"]`).waitFor();
  };

  const unitState = <T>(expression: string) => unitPage.evaluate(`window.unit.${expression}`) as Promise<T>;
  const dock = () => consolePage.locator(".call-dock");
  const panel = () => consolePage.getByTestId("call-panel");

  it("the unit calls the centre: the console rings (a chime, not the alarm); 接听 connects, sound both ways, the meter moves; 挂断 ends it for the unit", async () => {
    await openPages();
    expect(await unitState("call().then((ack) => ack.ok)")).toBe(true);
    const incoming = consolePage.getByTestId("incoming-calls");
    await incoming.waitFor({ timeout: 2000 });
    expect(await incoming.textContent()).toContain("王秀英");
    expect(await incoming.textContent()).toContain("湘滨社区 3 栋 2 单元 101");
    await expect.poll(() => dock().getAttribute("data-ring")).toBe("playing");
    // A chime of sine notes: the alarm's square beeps are not playing.
    const tones = await consolePage.evaluate(
      () => (window as unknown as { __oscillators: string[] }).__oscillators,
    );
    expect(tones.length).toBeGreaterThan(0);
    expect(new Set(tones)).toEqual(new Set(["sine"]));
    expect(await consolePage.getByTestId("alarm-bar").count()).toBe(0);
    expect(await consolePage.getByTestId("call-announcer").textContent()).toBe("来电：王秀英。");
    expect(await seriousAxeViolations(consolePage)).toEqual([]);

    await incoming.getByRole("button", { name: "接听 · 王秀英" }).click();
    await panel().waitFor();
    await incoming.waitFor({ state: "detached" });
    await expect.poll(() => dock().getAttribute("data-ring")).not.toBe("playing");
    await expect
      .poll(() => unitState<unknown[]>("accepted"), { timeout: 3000 })
      .toEqual([expect.objectContaining({ staffName: "王芳" })]);
    await consolePage
      .locator('[data-testid="call-panel"][data-phase="connected"]')
      .waitFor({ timeout: 10_000 });
    expect(await panel().getByRole("heading").textContent()).toBe("与 王秀英 通话");
    expect(await consolePage.getByTestId("call-status").textContent()).toContain("通话中");

    measured["unit hears the console (unit calls)"] = await hearsSound(unitPage, UNIT_PC);
    const consoleHears = await hearsSound(consolePage, CONSOLE_PC);
    const readings = await meterReadings(consolePage, 2500);
    measured["console hears the unit (unit calls)"] = { ...consoleHears, meterMax: Math.max(...readings) };
    // The meter moves with the beep: loud readings and quiet ones between them.
    expect(Math.max(...readings)).toBeGreaterThan(0.3);
    expect(new Set(readings.map((r) => r.toFixed(2))).size).toBeGreaterThan(3);
    expect(await consolePage.getByTestId("call-level").getAttribute("data-speaking")).toMatch(/true|false/);
    expect(await seriousAxeViolations(consolePage)).toEqual([]);

    await panel().getByRole("button", { name: "挂断与 王秀英 的通话" }).click();
    await panel().waitFor({ state: "detached" });
    await expect
      .poll(() => unitState<unknown[]>("ended"))
      .toEqual([expect.objectContaining({ reason: "hung-up" })]);
    expect(await consolePage.getByTestId("call-outcome").textContent()).toContain("王秀英：通话已结束。");
    // Back where the staff member was: the page behind the call did not change.
    expect(await consolePage.getByRole("heading", { level: 1 }).textContent()).toBe("终端总览");
  });

  it("the console calls the unit from an alarm and from the unit's page; the unit answers hands-free; the elder hangs up", async () => {
    await openPages();
    const { ok } = await unitState<{ ok: boolean }>(`sos(${JSON.stringify(randomUUID())})`);
    expect(ok).toBe(true);
    const bar = consolePage.getByTestId("alarm-bar");
    await bar.getByRole("button", { name: "接警" }).click();
    await consolePage.getByRole("heading", { level: 1, name: "王秀英" }).waitFor();
    const dial = consolePage.locator(".alarm-actions").getByRole("button", { name: "呼叫 王秀英" });
    await dial.click();
    await panel().waitFor();
    await expect
      .poll(() => unitState<unknown[]>("incoming"), { timeout: 3000 })
      .toEqual([expect.objectContaining({ staffName: "王芳" })]);
    await consolePage
      .locator('[data-testid="call-panel"][data-phase="connected"]')
      .waitFor({ timeout: 10_000 });
    // While the call is on, no second one can be started.
    expect(await dial.isDisabled()).toBe(true);
    measured["unit hears the console (console calls)"] = await hearsSound(unitPage, UNIT_PC);
    measured["console hears the unit (console calls)"] = await hearsSound(consolePage, CONSOLE_PC);

    expect(await unitState("hangUp().then((ack) => ack.ok)")).toBe(true);
    await panel().waitFor({ state: "detached", timeout: 3000 });
    expect(await consolePage.getByTestId("call-outcome").textContent()).toContain("王秀英：通话已结束。");
    expect(await dial.isDisabled()).toBe(false);
    await consolePage.getByTestId("call-outcome").getByRole("button", { name: "关闭" }).click();
    await consolePage.getByTestId("call-outcome").waitFor({ state: "detached" });

    // The unit's own page offers the call too; the microphone and link are freed for the next one.
    await consolePage.getByTestId("alarm-terminal-link").click();
    await consolePage.getByRole("heading", { level: 1, name: "湘滨 王奶奶家" }).waitFor();
    await consolePage.locator(".detail-head").getByRole("button", { name: "呼叫 湘滨 王奶奶家" }).click();
    await consolePage
      .locator('[data-testid="call-panel"][data-phase="connected"]')
      .waitFor({ timeout: 10_000 });
    measured["console hears the unit (from the unit's page)"] = await hearsSound(consolePage, CONSOLE_PC);
    expect(await seriousAxeViolations(consolePage)).toEqual([]);
    await panel().getByRole("button", { name: /挂断/ }).click();
    await panel().waitFor({ state: "detached" });
    const mics = await consolePage.evaluate(() =>
      (window as unknown as { __peers: RTCPeerConnection[] }).__peers.map((pc) => pc.connectionState),
    );
    expect(mics.every((state) => state === "closed")).toBe(true);
  });

  it("a unit that is offline cannot be called, and says why", async () => {
    await openPages();
    await unitPage.close();
    await consolePage
      .locator(`tr[data-terminal-id="${unit.terminalId}"] [data-presence="offline"]`)
      .waitFor();
    await consolePage.goto(new URL(`/console/#/terminal/${unit.terminalId}`, server.url).toString());
    const dial = consolePage.locator(".detail-head").getByRole("button", { name: "呼叫 湘滨 王奶奶家" });
    await dial.waitFor();
    expect(await dial.isDisabled()).toBe(true);
    expect(await consolePage.locator(".detail-head .call-button-why").textContent()).toBe(
      "终端离线，无法呼叫",
    );
  });
});
