/**
 * Voice calls between the elder unit's page and a console, with real media: Chromium's fake microphone
 * (a beep) on both sides, WebRTC peer to peer on the machine's own address, signalling relayed by the
 * real runtime and the real server process. The "console" is a page on the control server's origin with
 * the socket.io client, signed in as a dispatcher: it hears the unit ring, accepts, makes the offer and
 * relays ICE, as the staff console does. Sound must arrive on both sides.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  type Api,
  dispatcher,
  eventually,
  expectLooksRight,
  FAKE_MEDIA_ARGS,
  KEYS,
  REPO,
  saidCount,
  sceneOfId,
  screenshot,
  TestRig,
  textOfId,
} from "./elder-harness";

const rig = TestRig.perTest("linli-elder-call-e2e-", FAKE_MEDIA_ARGS);

/** Keeps every RTCPeerConnection the page makes, so that the test can read its statistics. */
const RECORD_PEERS = `
  window.__linliPeers = [];
  const NativePeer = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends NativePeer {
    constructor(...args) {
      super(...args);
      window.__linliPeers.push(this);
    }
  };
`;

/** The console's side of a call, as the staff console does it: accept or dial, offer, relay ICE. */
const CONSOLE_SIDE = `
  window.linliConsole = (origin, token) => {
    const socket = io(origin + "/console", { auth: { token }, transports: ["websocket"] });
    const state = { ringing: [], taken: [], ended: [], callId: null, pc: null, acks: [] };
    window.consoleCall = state;
    const ask = (event, payload) => socket.timeout(3000).emitWithAck(event, payload);
    const microphone = navigator.mediaDevices.getUserMedia({ audio: true });
    let early = [];
    async function connect(callId) {
      state.callId = callId;
      const pc = new RTCPeerConnection({ iceServers: [] });
      state.pc = pc;
      early = [];
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
        state.audio = audio;
      };
      const offer = await pc.createOffer();
      await pc.setLocalDescription(offer);
      state.acks.push(await ask("call:signal", { callId, signal: { type: "description",
        description: { type: "offer", sdp: offer.sdp } } }));
    }
    socket.on("call:ringing", (call) => state.ringing.push(call));
    socket.on("call:taken", (event) => state.taken.push(event));
    socket.on("call:signal", async ({ callId, signal }) => {
      const pc = state.pc;
      if (callId !== state.callId || !pc) return;
      if (signal.type === "description") {
        await pc.setRemoteDescription(signal.description);
        for (const candidate of early.splice(0)) await pc.addIceCandidate(candidate);
      } else if (pc.remoteDescription) await pc.addIceCandidate(signal.candidate);
      else early.push(signal.candidate);
    });
    socket.on("call:ended", (event) => {
      state.ended.push(event);
      if (event.callId === state.callId) state.pc?.close();
    });
    state.accept = async (callId) => {
      const ack = await ask("call:accept", { callId });
      if (ack.ok) await connect(callId);
      return ack;
    };
    state.dial = async (terminalId) => {
      const ack = await ask("call:dial", { terminalId });
      if (ack.ok) await connect(ack.data.callId);
      return ack;
    };
    state.hangUp = () => ask("call:hangup", { callId: state.callId });
    return new Promise((resolve) => socket.on("connect", () => resolve(socket.id)));
  };
`;

interface AudioIn {
  audioLevel: number;
  totalAudioEnergy: number;
  packetsReceived: number;
}

/** inbound-rtp audio of the page's latest peer connection (`pcExpression` names it). */
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
 * Waits until the beep (not just packets, nor the noise floor of a level or two in 32768) arrives: a
 * reading of at least 0.1 and the received energy growing by at least 0.05 (the fake microphone's beep
 * adds about 0.1 a second). Returns the loudest reading and the energy gained.
 */
async function hearsSound(page: Page, pcExpression: string, what: string): Promise<Heard> {
  let first: AudioIn | null = null;
  let heard: Heard = { loudest: 0, energyGained: 0, packetsReceived: 0 };
  await eventually(
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
    8000,
    `${what} hears the other side's beep`,
  );
  return heard;
}

interface Heard {
  loudest: number;
  energyGained: number;
  packetsReceived: number;
}

const ELDER_PC = "window.__linliPeers.at(-1)";
const CONSOLE_PC = "window.consoleCall.pc";
const measured: Record<string, Heard> = {};

/** A console page on the control server's origin, signed in as `staff`. */
async function openConsole(serverUrl: string, staff: Api): Promise<Page> {
  const context = await rig.browser.newContext();
  rig.defer(() => context.close());
  const page = await context.newPage();
  await page.goto(new URL("/healthz", serverUrl).toString());
  await page.addScriptTag({ path: join(REPO, "node_modules/socket.io-client/dist/socket.io.min.js") });
  await page.addScriptTag({ content: CONSOLE_SIDE });
  await page.evaluate(
    `window.linliConsole(${JSON.stringify(new URL(serverUrl).origin)}, ${JSON.stringify(staff.token)})`,
  );
  return page;
}

const consoleState = <T>(page: Page, expression: string) =>
  page.evaluate(`window.consoleCall.${expression}`) as Promise<T>;

describe("voice calls with the centre", () => {
  it("nobody at the centre can answer: the unit says so and suggests the phone, SOS one press away", async () => {
    const { unit } = await rig.unit("nobody");
    const screen = await rig.screen(unit, { initScript: RECORD_PEERS });
    await expect
      .poll(() => screen.page.getByTestId("link-banner").textContent(), { timeout: 10_000 })
      .toContain("在线");
    await screen.page.getByTestId("call").click();
    await expect.poll(sceneOfId(screen, "call"), { timeout: 5000 }).toBe("call-failed");
    expect(await textOfId(screen, "call-title")()).toBe("服务中心暂时没有人能接听");
    await expect.poll(() => saidCount(unit, "或者直接打电话给社区服务中心"), { timeout: 5000 }).toBe(1);
    expect(await screen.page.getByTestId("sos").isVisible()).toBe(true);
    await expectLooksRight(screen.page, "nobody can answer");
    await screenshot(screen.page, "elder-call-nobody");
    await screen.page.getByTestId("back").click();
    await expect.poll(() => screen.page.getByTestId("call").textContent({ timeout: 1000 })).toBe("呼叫中心");
  });

  it("呼叫中心 rings the console; accepted, the page answers with the microphone; sound both ways; the elder hangs up", async () => {
    const { admin, server, unit } = await rig.unit("call");
    const lijuan = await dispatcher(admin, "李娟", "lijuan");
    const consolePage = await openConsole(server.url, lijuan);
    const screen = await rig.screen(unit, { initScript: RECORD_PEERS });
    const { page } = screen;
    await expect
      .poll(() => page.getByTestId("link-banner").textContent(), { timeout: 10_000 })
      .toContain("在线");

    await page.getByTestId("call").click();
    await expect.poll(sceneOfId(screen, "call"), { timeout: 5000 }).toBe("ringing");
    expect(await textOfId(screen, "call-title")()).toBe("正在呼叫服务中心");
    await expect.poll(() => saidCount(unit, "正在呼叫服务中心"), { timeout: 5000 }).toBe(1);
    await expect.poll(() => consoleState<number>(consolePage, "ringing.length"), { timeout: 5000 }).toBe(1);
    const [ringing] = await consoleState<Array<{ callId: string; elder: { name: string } }>>(
      consolePage,
      "ringing",
    );
    expect(ringing?.elder.name).toBe("王秀英");
    await expectLooksRight(screen.page, "ringing");
    await screenshot(page, "elder-calling");

    expect(
      await consolePage.evaluate(`window.consoleCall.accept(${JSON.stringify(ringing!.callId)})`),
    ).toMatchObject({
      ok: true,
    });
    await expect.poll(sceneOfId(screen, "call"), { timeout: 5000 }).toBe("talking");
    expect(await textOfId(screen, "call-title")()).toBe("李娟正在与您通话");
    await expect.poll(() => saidCount(unit, "李娟已接听"), { timeout: 5000 }).toBe(1);
    expect(await consoleState(consolePage, "acks")).toEqual([{ ok: true, data: null }]);

    measured["elder hears the console"] = await hearsSound(page, ELDER_PC, "the elder's page");
    measured["console hears the elder"] = await hearsSound(consolePage, CONSOLE_PC, "the console");
    await expect.poll(() => page.getByTestId("call").textContent()).toContain("请直接说话");
    // The centre's voice is playing on the unit.
    expect(
      await page.evaluate(`(() => {
        const audio = document.querySelector("[data-testid=call-audio]");
        return Boolean(audio && audio.srcObject && !audio.paused);
      })()`),
    ).toBe(true);
    await expectLooksRight(screen.page, "in call");
    await screenshot(page, "elder-in-call");

    await page.getByTestId("hangup").click();
    await expect
      .poll(() => consoleState<unknown[]>(consolePage, "ended"), { timeout: 5000 })
      .toEqual([{ callId: ringing!.callId, reason: "hung-up" }]);
    await expect.poll(() => page.getByTestId("call").textContent({ timeout: 1000 })).toBe("呼叫中心");
    await expect.poll(() => saidCount(unit, "通话已结束"), { timeout: 5000 }).toBe(1);
    expect(await page.evaluate(`${ELDER_PC}.connectionState`)).toBe("closed");
    console.info("measured inbound audio", JSON.stringify(measured));
  });

  it("the centre calls: answered hands-free, '服务中心来电'; the unit's Cancel key hangs up; the unit's call key rings and the console ends it", async () => {
    const { admin, server, unit } = await rig.unit("incoming");
    const lijuan = await dispatcher(admin, "李娟", "lijuan");
    const consolePage = await openConsole(server.url, lijuan);
    const screen = await rig.screen(unit, { initScript: RECORD_PEERS });
    const { page } = screen;
    await expect
      .poll(() => page.getByTestId("link-banner").textContent(), { timeout: 10_000 })
      .toContain("在线");
    const terminalId = unit.terminal.runtime.snapshot().terminalId!;

    const dialled = (await consolePage.evaluate(
      `window.consoleCall.dial(${JSON.stringify(terminalId)})`,
    )) as {
      ok: boolean;
      data: { callId: string };
    };
    expect(dialled.ok).toBe(true);
    await expect.poll(sceneOfId(screen, "call"), { timeout: 5000 }).toBe("talking");
    expect(await page.getByTestId("call").textContent()).toContain("服务中心来电");
    expect(await textOfId(screen, "call-title")()).toBe("李娟正在与您通话");
    await expect.poll(() => saidCount(unit, "服务中心来电"), { timeout: 5000 }).toBe(1);
    measured["elder hears the console (incoming)"] = await hearsSound(page, ELDER_PC, "the elder's page");
    measured["console hears the elder (incoming)"] = await hearsSound(consolePage, CONSOLE_PC, "the console");
    await expectLooksRight(screen.page, "incoming call");
    await screenshot(page, "elder-incoming-call");

    await page.keyboard.press(KEYS.cancel);
    await expect
      .poll(() => consoleState<unknown[]>(consolePage, "ended"), { timeout: 5000 })
      .toEqual([{ callId: dialled.data.callId, reason: "hung-up" }]);
    await expect.poll(() => page.getByTestId("call").textContent({ timeout: 1000 })).toBe("呼叫中心");

    // The unit's own call key: the runtime rings the centre, and the screen says so as for its own button.
    const ringingSaid = saidCount(unit, "正在呼叫服务中心");
    await page.keyboard.press(KEYS.call);
    await expect.poll(sceneOfId(screen, "call"), { timeout: 5000 }).toBe("ringing");
    expect(await textOfId(screen, "call-title")()).toBe("正在呼叫服务中心");
    await expect.poll(() => saidCount(unit, "正在呼叫服务中心"), { timeout: 5000 }).toBe(ringingSaid + 1);
    await expect.poll(() => consoleState<number>(consolePage, "ringing.length"), { timeout: 5000 }).toBe(1);
    const [ringing] = await consoleState<Array<{ callId: string }>>(consolePage, "ringing");
    await consolePage.evaluate(`window.consoleCall.accept(${JSON.stringify(ringing!.callId)})`);
    await expect.poll(sceneOfId(screen, "call"), { timeout: 5000 }).toBe("talking");
    measured["elder hears the console (call key)"] = await hearsSound(page, ELDER_PC, "the elder's page");
    const spokenBefore = saidCount(unit, "通话已结束");
    await consoleState(consolePage, "hangUp()");
    await expect.poll(() => page.getByTestId("call").textContent({ timeout: 1000 })).toBe("呼叫中心");
    await expect.poll(() => saidCount(unit, "通话已结束"), { timeout: 5000 }).toBe(spokenBefore + 1);
    await eventually(
      async () => (await page.evaluate(`${ELDER_PC}.connectionState`)) === "closed",
      3000,
      "the unit closed its side",
    );
    console.info("measured inbound audio", JSON.stringify(measured));
  });
});
