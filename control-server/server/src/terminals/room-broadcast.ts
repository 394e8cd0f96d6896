/** The part of a Socket.IO namespace a room broadcast needs. */
export interface BroadcastRooms<P> {
  to(rooms: string | string[]): { emit(event: string, payload: P): unknown };
  adapter: { rooms: Map<string, Set<string>> };
}

/** Sockets written per event-loop turn: an SOS arriving during a county-wide broadcast waits one chunk. */
const CHUNK = 500;

/**
 * Sends the latest state of something (e.g. a group's notices) to every socket in a room, a chunk of
 * sockets per event-loop turn, so that a broadcast to ten thousand terminals never holds up an alarm.
 * Broadcasts to one room run one after another, and a newer one supersedes an older one still under
 * way: the older stops, the newer sends the whole room its fresh `payload()`. A socket never receives
 * an older state after a newer one.
 */
export class RoomBroadcaster<P> {
  readonly #versions = new Map<string, number>();
  readonly #running = new Map<string, Promise<void>>();

  constructor(
    private readonly namespace: BroadcastRooms<P>,
    private readonly event: string,
  ) {}

  send(room: string, payload: () => P): Promise<void> {
    const version = (this.#versions.get(room) ?? 0) + 1;
    this.#versions.set(room, version);
    const current = () => this.#versions.get(room) === version;
    const run = (this.#running.get(room) ?? Promise.resolve()).then(async () => {
      const members = this.namespace.adapter.rooms.get(room);
      if (!current() || !members?.size) return;
      const data = payload();
      const sockets = [...members];
      for (let start = 0; start < sockets.length && current(); start += CHUNK) {
        this.namespace.to(sockets.slice(start, start + CHUNK)).emit(this.event, data);
        await new Promise((resolve) => setImmediate(resolve));
      }
    });
    this.#running.set(room, run);
    void run.finally(() => {
      if (this.#running.get(room) === run) this.#running.delete(room);
    });
    return run;
  }
}
