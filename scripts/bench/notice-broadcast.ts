/** A notice broadcast to every terminal, kept running while another figure is measured. */

const INTERVAL_MS = 2000;

async function publish(base: string, token: string, index: number): Promise<string> {
  const response = await fetch(`${base}/api/v1/notices`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({
      title: `停水通知（压测 ${index}）`,
      body: "因管网维修，明日 8:00–18:00 全县停水，请提前储水。",
      category: "water",
      priority: "important",
      communityIds: [],
      terminalKinds: ["kiosk", "elder"],
      requiresConfirmation: true,
    }),
  });
  if (response.status !== 201 && response.status !== 200) {
    throw new Error(`publishing a notice failed: ${response.status} ${await response.text()}`);
  }
  return ((await response.json()) as { id: string }).id;
}

async function withdraw(base: string, token: string, noticeId: string): Promise<void> {
  await fetch(`${base}/api/v1/notices/${noticeId}/withdraw`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
  });
}

/**
 * Publishes a notice to every community and terminal kind every two seconds (withdrawing the one
 * before, so each broadcast carries one notice), until `stop`; answers how many went out.
 */
export function startNoticeBroadcast(base: string, token: string): { stop(): Promise<number> } {
  let stopped = false;
  let published = 0;
  const loop = (async () => {
    let previous: string | null = null;
    while (!stopped) {
      const id = await publish(base, token, published + 1);
      published++;
      if (previous) await withdraw(base, token, previous);
      previous = id;
      await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
    }
    if (previous) await withdraw(base, token, previous);
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return published;
    },
  };
}
