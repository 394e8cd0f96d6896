import { randomUUID } from "node:crypto";
import type { AlarmUpdate } from "@linli/protocol";
import type { Socket } from "socket.io-client";
import { api, connectTerminal, enrolTerminal } from "./harness";

/** A staff account in a given role; answers its session token. */
export async function staffToken(
  base: string,
  adminToken: string,
  account: { username: string; displayName: string; role: string; communityId?: string | null },
): Promise<{ username: string; password: string; token: string }> {
  const password = `${account.username}-password-1`;
  const created = await api(base, "/api/v1/staff", {
    token: adminToken,
    body: { ...account, communityId: account.communityId ?? null, password },
  });
  if (created.status !== 201) throw new Error(`staff: ${created.status} ${JSON.stringify(created.body)}`);
  const login = await api(base, "/api/v1/auth/login", { body: { username: account.username, password } });
  return { username: account.username, password, token: login.body.token as string };
}

export const WANG = {
  name: "王秀英",
  address: "湘滨社区 3 栋 2 单元 101",
  livingSituation: "独居",
  conditions: ["高血压", "糖尿病"],
  medicationNotes: "每日早晚服降压药",
  keyHolder: { name: "李桂兰", relation: "邻居", phone: "13907321234" },
  emergencyContacts: [
    { name: "王强", relation: "儿子", phone: "13812345678" },
    { name: "王丽", relation: "女儿", phone: "13987654321" },
  ],
};

/** An enrolled elder unit, linked to the server, with (unless `profile` is null) the profile of its elder. */
export async function elderUnit(
  base: string,
  adminToken: string,
  options: { name: string; communityId?: string; profile?: (typeof WANG & { name: string }) | null },
): Promise<{ socket: Socket; terminalId: string; updates: AlarmUpdate[]; elderId: string | null }> {
  const communityId = options.communityId ?? "xiangbin";
  const credentials = await enrolTerminal(base, adminToken, {
    kind: "elder",
    communityId,
    name: options.name,
  });
  let elderId: string | null = null;
  if (options.profile !== null) {
    const profile = await api(base, "/api/v1/elders", {
      token: adminToken,
      body: { ...(options.profile ?? WANG), communityId, terminalId: credentials.terminalId },
    });
    if (profile.status !== 201) throw new Error(`elder: ${profile.status} ${JSON.stringify(profile.body)}`);
    elderId = profile.body.id as string;
  }
  const socket = await connectTerminal(base, credentials);
  const updates: AlarmUpdate[] = [];
  socket.on("alarm:update", (update: AlarmUpdate) => updates.push(update));
  return { socket, terminalId: credentials.terminalId, updates, elderId };
}

/** The elder presses SOS (here: on the pendant); answers the raise's event id and the server's alarm id. */
export async function raiseSos(socket: Socket): Promise<{ raiseId: string; alarmId: string }> {
  const raiseId = randomUUID();
  const ack = (await socket.timeout(3000).emitWithAck("alarm:raise", {
    id: raiseId,
    kind: "sos",
    raisedAt: new Date().toISOString(),
    source: "pendant",
  })) as { ok: boolean; data?: { alarmId: string } };
  if (!ack.ok || !ack.data) throw new Error(`alarm:raise refused: ${JSON.stringify(ack)}`);
  return { raiseId, alarmId: ack.data.alarmId };
}

/** The elder says it was a false alarm. */
export async function cancelSos(socket: Socket, raiseId: string): Promise<void> {
  const ack = (await socket.timeout(3000).emitWithAck("alarm:cancel", {
    id: randomUUID(),
    raiseId,
    cancelledAt: new Date().toISOString(),
  })) as { ok: boolean };
  if (!ack.ok) throw new Error(`alarm:cancel refused: ${JSON.stringify(ack)}`);
}
