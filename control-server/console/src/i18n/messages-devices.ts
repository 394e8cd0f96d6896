/** Gates and cameras: zh-CN first; English must have every key. */
export const devicesZhCN = {
  "nav.devices": "门禁与车牌",
} satisfies Record<string, string>;

export const devicesEn: Record<keyof typeof devicesZhCN, string> = {
  "nav.devices": "Gates & cameras",
};
