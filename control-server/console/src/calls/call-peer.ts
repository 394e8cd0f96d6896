import type { CallSignal } from "@linli/protocol";

export interface CallPeerEvents {
  /** The unit's audio has arrived. */
  stream(stream: MediaStream): void;
  state(state: RTCPeerConnectionState): void;
}

/**
 * The console's side of a call's WebRTC link: the console always makes the offer (the unit answers, hands
 * free); its ICE candidates go out as they are found, the unit's are applied once its answer is in. No
 * STUN or TURN: unit and console are on the county's network.
 */
export class CallPeer {
  readonly #connection: RTCPeerConnection;
  readonly #send: (signal: CallSignal) => void;
  readonly #early: RTCIceCandidateInit[] = [];
  #answered = false;

  constructor(send: (signal: CallSignal) => void, events: CallPeerEvents) {
    this.#send = send;
    const connection = new RTCPeerConnection({ iceServers: [] });
    this.#connection = connection;
    connection.onicecandidate = (event) => {
      // The last, empty candidate only says gathering is over.
      if (!event.candidate?.candidate) return;
      send({
        type: "candidate",
        candidate: {
          candidate: event.candidate.candidate,
          sdpMid: event.candidate.sdpMid,
          sdpMLineIndex: event.candidate.sdpMLineIndex,
        },
      });
    };
    connection.ontrack = (event) => events.stream(event.streams[0] ?? new MediaStream([event.track]));
    connection.onconnectionstatechange = () => events.state(connection.connectionState);
  }

  /** Sends the offer with the microphone's audio. */
  async offer(microphone: MediaStream): Promise<void> {
    for (const track of microphone.getAudioTracks()) this.#connection.addTrack(track, microphone);
    const offer = await this.#connection.createOffer();
    await this.#connection.setLocalDescription(offer);
    this.#send({ type: "description", description: { type: "offer", sdp: offer.sdp ?? "" } });
  }

  /** Applies what the unit sent: its answer, or one of its candidates (kept until the answer is in). */
  async receive(signal: CallSignal): Promise<void> {
    if (signal.type === "description") {
      // The console is always the one offering: an offer from the unit is not part of this exchange.
      if (signal.description.type !== "answer" || this.#answered) return;
      await this.#connection.setRemoteDescription(signal.description);
      this.#answered = true;
      for (const candidate of this.#early.splice(0)) await this.#add(candidate);
      return;
    }
    if (this.#answered) await this.#add(signal.candidate);
    else this.#early.push(signal.candidate);
  }

  close(): void {
    this.#connection.onicecandidate = null;
    this.#connection.ontrack = null;
    this.#connection.onconnectionstatechange = null;
    this.#connection.close();
  }

  async #add(candidate: RTCIceCandidateInit): Promise<void> {
    // A candidate the browser cannot use (another network, a stale one) is not a reason to drop the call.
    await this.#connection.addIceCandidate(candidate).catch(() => undefined);
  }
}
