import type { CallSignal } from "@linli/protocol";

/** How the sound of a call is doing: the elder hears "connecting" until audio flows both ways. */
export type CallMedia = "connecting" | "connected" | "failed";

export interface VoiceCallEvents {
  /** The other side's audio, to be played. */
  remote(stream: MediaStream): void;
  media(state: CallMedia): void;
  /** The microphone could not be opened: the elder hears the centre but cannot be heard. */
  noMicrophone(error: unknown): void;
}

/**
 * The unit's side of one WebRTC voice call. The console makes the offer (after it accepted or dialled);
 * the unit answers with its microphone. No STUN or TURN: the unit and the consoles share a LAN. Signals
 * are handled one at a time, in order, since each step of the offer/answer exchange awaits the last.
 */
export class VoiceCall {
  readonly #pc: RTCPeerConnection;
  readonly #microphone: Promise<MediaStream | null>;
  readonly #send: (signal: CallSignal) => void;
  readonly #events: VoiceCallEvents;
  #queue: Promise<void> = Promise.resolve();
  #earlyCandidates: RTCIceCandidateInit[] = [];
  #closed = false;

  constructor(send: (signal: CallSignal) => void, events: VoiceCallEvents) {
    this.#send = send;
    this.#events = events;
    this.#pc = new RTCPeerConnection({ iceServers: [] });
    // Opened at once, while the console is still preparing its offer, so that the answer is not delayed.
    this.#microphone = navigator.mediaDevices
      .getUserMedia({
        audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
        video: false,
      })
      .then(
        (stream) => {
          if (this.#closed) {
            for (const track of stream.getTracks()) track.stop();
            return null;
          }
          return stream;
        },
        (error: unknown) => {
          this.#events.noMicrophone(error);
          return null;
        },
      );
    this.#pc.onicecandidate = ({ candidate }) => {
      // An empty candidate only marks the end of gathering; the console does not need it.
      if (!candidate?.candidate) return;
      this.#send({
        type: "candidate",
        candidate: {
          candidate: candidate.candidate,
          sdpMid: candidate.sdpMid,
          sdpMLineIndex: candidate.sdpMLineIndex,
        },
      });
    };
    this.#pc.ontrack = (event) => {
      this.#events.remote(event.streams[0] ?? new MediaStream([event.track]));
    };
    this.#pc.onconnectionstatechange = () => {
      const state = this.#pc.connectionState;
      if (state === "connected") this.#events.media("connected");
      else if (state === "failed") this.#events.media("failed");
    };
  }

  /** A signal from the console, relayed by the server. */
  receive(signal: CallSignal): Promise<void> {
    this.#queue = this.#queue
      .then(() => this.#handle(signal))
      .catch((error: unknown) => {
        console.warn("voice call: a signal could not be applied", error);
      });
    return this.#queue;
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#pc.close();
    void this.#microphone.then((stream) => {
      for (const track of stream?.getTracks() ?? []) track.stop();
    });
  }

  async #handle(signal: CallSignal): Promise<void> {
    if (this.#closed) return;
    if (signal.type === "candidate") {
      if (this.#pc.remoteDescription) await this.#pc.addIceCandidate(signal.candidate);
      else this.#earlyCandidates.push(signal.candidate);
      return;
    }
    // The unit only ever answers; an answer addressed to it would be a console's mistake.
    if (signal.description.type !== "offer") return;
    await this.#pc.setRemoteDescription(signal.description);
    const microphone = await this.#microphone;
    if (this.#closed) return;
    const senders = this.#pc.getSenders();
    for (const track of microphone?.getAudioTracks() ?? []) {
      if (!senders.some((sender) => sender.track === track)) this.#pc.addTrack(track, microphone!);
    }
    const answer = await this.#pc.createAnswer();
    await this.#pc.setLocalDescription(answer);
    this.#send({ type: "description", description: { type: "answer", sdp: answer.sdp ?? "" } });
    for (const candidate of this.#earlyCandidates.splice(0)) await this.#pc.addIceCandidate(candidate);
  }
}
