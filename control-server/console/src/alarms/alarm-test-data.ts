import type { AlarmView } from "@linli/protocol";

/** An alarm as the server sends it, for unit tests; `changes` override any field. */
export function alarmView(changes: Partial<AlarmView> = {}): AlarmView {
  return {
    id: "a1",
    kind: "sos",
    source: "pendant",
    status: "open",
    raisedAt: "2025-06-03T06:00:00.000Z",
    receivedAt: "2025-06-03T06:00:00.100Z",
    escalationLevel: 0,
    terminal: { id: "t1", name: "湘滨 王奶奶家" },
    community: { id: "xiangbin", name: "湘滨社区" },
    elder: {
      id: "e1",
      name: "王秀英",
      address: "湘滨社区 3 栋 2 单元 101",
      livingSituation: "独居",
      conditions: ["高血压"],
      medicationNotes: "",
      keyHolder: null,
      emergencyContacts: [
        { name: "王强", relation: "儿子", phone: "13812345678" },
        { name: "王丽", relation: "女儿", phone: "13987654321" },
      ],
    },
    acknowledgedBy: null,
    acknowledgedAt: null,
    resolvedAt: null,
    resolution: null,
    cancelledAt: null,
    events: [{ at: "2025-06-03T06:00:00.100Z", type: "raised", actor: "湘滨 王奶奶家", note: null }],
    ...changes,
  };
}
