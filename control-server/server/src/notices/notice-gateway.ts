import {
  type Ack,
  fail,
  type KioskContent,
  type NoticeList,
  noticeReceiptSchema,
  ok,
  type TerminalSummary,
  type TerminalToServerEvents,
} from "@linli/protocol";
import { z } from "zod";
import type { ServerBus } from "../bus";
import { type KioskContentSources, kioskContentFor } from "../content/kiosk-content";
import { type BroadcastRooms, RoomBroadcaster } from "../terminals/room-broadcast";
import type { TerminalEventHandlers } from "../terminals/terminal-event-handlers";
import type { TerminalGroup } from "./notice-board";

interface NoticeSocket {
  data: { terminal: TerminalSummary };
  join(room: string): unknown;
  emit(event: "notices", list: NoticeList): unknown;
}

export interface NoticeGatewayDeps extends KioskContentSources {
  bus: ServerBus;
}

/** Terminals that show the same notices share a room: a change is one emit per group. */
const groupRoom = (group: TerminalGroup) => `group:${group.communityId}:${group.kind}`;

/** The terminal events this module answers, for the gateway's list of known events. */
export const noticeTerminalEvents = ["notice:receipt", "kiosk:content"] as const satisfies Array<
  keyof TerminalToServerEvents
>;

/**
 * Notices and kiosk content on the `/terminal` namespace: the current list on connect and on every
 * `notices:changed` (publish, edit, withdraw, a start or end falling due), receipts through the inbox, and
 * `kiosk:content`. Returns what to run for each new connection.
 */
export function attachNoticeGateway(
  namespace: BroadcastRooms<NoticeList>,
  deps: NoticeGatewayDeps,
): { connected(socket: NoticeSocket, handlers: TerminalEventHandlers): void } {
  const { notices, bus } = deps;

  const broadcaster = new RoomBroadcaster(namespace, "notices");
  const push = (groups: TerminalGroup[]) => {
    for (const group of groups) {
      // Computed when it goes out, and only for a group with someone linked.
      void broadcaster.send(groupRoom(group), () => ({ notices: notices.currentFor(group) }));
    }
  };
  bus.on("notices:changed", ({ groups }) => push(groups));
  return {
    connected(socket, { handle, durable }) {
      const terminal = socket.data.terminal;
      const group = { communityId: terminal.communityId, kind: terminal.kind };
      void socket.join(groupRoom(group));

      durable("notice:receipt", noticeReceiptSchema, (receipt) => notices.recordReceipt(terminal, receipt), {
        announce: ({ noticeId }) => bus.emit("notice:receipt", { noticeId, terminalId: terminal.id }),
        answer: (result) => result,
      });

      handle("kiosk:content", z.null(), (): Ack<KioskContent> => {
        if (terminal.kind !== "kiosk") return fail("forbidden", "kiosk content is for kiosks");
        return ok(kioskContentFor(terminal, deps));
      });

      // What it missed while offline (or everything, the first time).
      socket.emit("notices", { notices: notices.currentFor(group) });
    },
  };
}
