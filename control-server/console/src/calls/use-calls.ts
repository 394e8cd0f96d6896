import type { CallEndReason, CallRinging, CallSignal, TerminalSummary } from "@linli/protocol";
import { useCallback, useEffect, useRef, useState } from "react";
import type { LiveLink } from "../live/use-console-socket";
import { CallPeer } from "./call-peer";

/** Who is on the other end: the elder when the unit has a profile, else the unit. */
export interface CallParty {
  terminalId: string;
  name: string;
  address: string | null;
}

export interface ActiveCall {
  callId: string;
  party: CallParty;
  /** The unit called the centre, or the centre called the unit. */
  direction: "incoming" | "outgoing";
  phase: "connecting" | "connected";
  startedAt: number;
  connectedAt: number | null;
}

export interface EndedCall {
  party: CallParty;
  reason: CallEndReason;
}

/** Something went wrong before or during a call: said in words, with whom. */
export interface CallProblem {
  party: CallParty | null;
  text: "micFailed" | "failed" | "takenElsewhere";
  detail: string;
}

export interface Calls {
  /** Whether this staff member's role talks to elders. */
  canCall: boolean;
  ringing: CallRinging[];
  active: ActiveCall | null;
  /** The unit's audio, once it arrives. */
  remote: MediaStream | null;
  ended: EndedCall | null;
  problem: CallProblem | null;
  answer(call: CallRinging): Promise<void>;
  dial(terminal: Pick<TerminalSummary, "id" | "name">, party?: Partial<CallParty>): Promise<void>;
  hangup(): Promise<void>;
  dismiss(): void;
  /** Whether a unit is online (from the live fleet list), so that a dead call is not offered. */
  isOnline(terminalId: string): boolean;
}

/** How long "the call has ended" stays in the corner. */
const ENDED_SHOWN_MS = 8000;

export const ringingParty = (call: CallRinging): CallParty => ({
  terminalId: call.terminal.id,
  name: call.elder?.name ?? call.terminal.name,
  address: call.elder?.address ?? null,
});

async function microphone(): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true } });
}

/**
 * Voice calls with elder units over the console socket: incoming calls ring until someone answers, this
 * console answers or dials, then offers WebRTC audio to the unit and plays what comes back. The
 * microphone is opened before the call is taken, so that a console without one does not take a call it
 * cannot carry.
 */
export function useCalls(
  live: LiveLink,
  options: { canCall: boolean; terminals: TerminalSummary[] | null },
): Calls {
  const [ringing, setRinging] = useState<CallRinging[]>([]);
  const [active, setActive] = useState<ActiveCall | null>(null);
  const [remote, setRemote] = useState<MediaStream | null>(null);
  const [ended, setEnded] = useState<EndedCall | null>(null);
  const [problem, setProblem] = useState<CallProblem | null>(null);
  const current = useRef<{ call: ActiveCall; peer: CallPeer; microphone: MediaStream } | null>(null);
  const ringingNow = useRef<CallRinging[]>([]);
  useEffect(() => {
    ringingNow.current = ringing;
  }, [ringing]);
  const { ask, listen } = live;

  const finish = useCallback((reason: CallEndReason) => {
    const held = current.current;
    if (!held) return;
    current.current = null;
    held.peer.close();
    for (const track of held.microphone.getTracks()) track.stop();
    setActive(null);
    setRemote(null);
    setEnded({ party: held.call.party, reason });
  }, []);

  /** Connects the call the server has put through: the console offers, the unit answers. */
  const connect = useCallback(
    (call: ActiveCall, mic: MediaStream) => {
      const peer = new CallPeer(
        (signal: CallSignal) => void ask("call:signal", { callId: call.callId, signal }),
        {
          stream: setRemote,
          state(state) {
            if (current.current?.call.callId !== call.callId) return;
            if (state === "connected") {
              const connected = { ...call, phase: "connected" as const, connectedAt: Date.now() };
              current.current.call = connected;
              setActive(connected);
            }
            if (state === "failed") {
              void ask("call:hangup", { callId: call.callId });
              finish("link-lost");
            }
          },
        },
      );
      current.current = { call, peer, microphone: mic };
      setActive(call);
      setEnded(null);
      setProblem(null);
      peer.offer(mic).catch((error: Error) => {
        setProblem({ party: call.party, text: "failed", detail: error.message });
        void ask("call:hangup", { callId: call.callId });
        finish("hung-up");
      });
    },
    [ask, finish],
  );

  const openMicrophone = async (party: CallParty): Promise<MediaStream | null> => {
    try {
      return await microphone();
    } catch (error) {
      setProblem({ party, text: "micFailed", detail: (error as Error).message });
      return null;
    }
  };

  const answer = async (call: CallRinging) => {
    if (current.current) return;
    const party = ringingParty(call);
    const mic = await openMicrophone(party);
    if (!mic) return;
    const accepted = await ask("call:accept", { callId: call.callId });
    setRinging((held) => held.filter((c) => c.callId !== call.callId));
    if (!accepted.ok) {
      for (const track of mic.getTracks()) track.stop();
      setProblem({ party, text: "failed", detail: accepted.error.message });
      return;
    }
    connect(
      {
        callId: call.callId,
        party,
        direction: "incoming",
        phase: "connecting",
        startedAt: Date.now(),
        connectedAt: null,
      },
      mic,
    );
  };

  const dial = async (terminal: Pick<TerminalSummary, "id" | "name">, known: Partial<CallParty> = {}) => {
    if (current.current) return;
    const party: CallParty = {
      terminalId: terminal.id,
      name: known.name ?? terminal.name,
      address: known.address ?? null,
    };
    const mic = await openMicrophone(party);
    if (!mic) return;
    const dialled = await ask("call:dial", { terminalId: terminal.id });
    if (!dialled.ok) {
      for (const track of mic.getTracks()) track.stop();
      setProblem({ party, text: "failed", detail: dialled.error.message });
      return;
    }
    connect(
      {
        callId: dialled.data.callId,
        party,
        direction: "outgoing",
        phase: "connecting",
        startedAt: Date.now(),
        connectedAt: null,
      },
      mic,
    );
  };

  const hangup = async () => {
    const held = current.current;
    if (!held) return;
    finish("hung-up");
    await ask("call:hangup", { callId: held.call.callId });
  };

  useEffect(
    () =>
      listen({
        callRinging(call) {
          setRinging((held) => [...held.filter((c) => c.callId !== call.callId), call]);
        },
        callTaken({ callId, by }) {
          const taken = ringingNow.current.find((c) => c.callId === callId);
          // Answered here: the call panel says so; answered elsewhere: say who took it.
          if (taken && current.current?.call.callId !== callId)
            setProblem({ party: ringingParty(taken), text: "takenElsewhere", detail: by });
          setRinging((held) => held.filter((c) => c.callId !== callId));
        },
        callSignal({ callId, signal }) {
          const held = current.current;
          if (held?.call.callId === callId) void held.peer.receive(signal).catch(() => undefined);
        },
        callEnded({ callId, reason }) {
          if (current.current?.call.callId === callId) finish(reason);
          else setRinging((held) => held.filter((c) => c.callId !== callId));
        },
        connected() {
          // The server ends a console's calls when its link drops, and rings again for nothing it missed.
          setRinging([]);
          finish("link-lost");
        },
      }),
    [listen, finish],
  );

  // Leaving the console (sign-out) ends the call and frees the microphone.
  useEffect(
    () => () => {
      const held = current.current;
      if (!held) return;
      held.peer.close();
      for (const track of held.microphone.getTracks()) track.stop();
    },
    [],
  );

  // A call hung up is said for a while, then the corner is clear again; a lost or unanswered call, and any
  // problem, stays until read (someone should call back).
  useEffect(() => {
    if (!ended || active || ended.reason !== "hung-up") return;
    const timer = setTimeout(() => setEnded(null), ENDED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [ended, active]);

  const { terminals } = options;
  const isOnline = useCallback(
    (terminalId: string) => terminals?.find((t) => t.id === terminalId)?.online ?? false,
    [terminals],
  );

  return {
    canCall: options.canCall,
    ringing,
    active,
    remote,
    ended,
    problem,
    answer,
    dial,
    hangup,
    dismiss: () => {
      setEnded(null);
      setProblem(null);
    },
    isOnline,
  };
}
