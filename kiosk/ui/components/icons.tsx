/** Line icons drawn in the text colour; decorative (each sits beside its word). */
const PATHS = {
  speaker:
    "M4 9v6h4l5 4V5L8 9H4zm12.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z",
  text: "M3 19h2.6l1.1-3h5.6l1.1 3H16L11 5H8L3 19zm4.5-5L9.5 8.4 11.5 14h-4zM17 11h2v3h3v2h-3v3h-2v-3h-3v-2h3v-3z",
  guide: "M6 2h9l5 5v15H6V2zm8 1.5V8h4.5M9 12h8M9 15h8M9 18h5",
  progress: "M11 4a8 8 0 1 0 8 8h-2a6 6 0 1 1-6-6V4zm1 3v6l4.5 2.6.9-1.6-3.4-2V7H12z",
  place:
    "M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z",
  lift: "M5 2h14v20H5V2zm2 2v16h10V4H7zm5 2 3 3H9l3-3zm0 12-3-3h6l-3 3z",
  notice: "M4 9v6h3l8 4V5L7 9H4zm14-1v8h2V8h-2z",
  apply: "M5 3h10l4 4v14H5V3zm3 9 2.5 2.5L16 9l1.4 1.4-6.9 6.9L6.6 13.4 8 12z",
  mine: "M12 3a4 4 0 1 1 0 8 4 4 0 0 1 0-8zm-8 17c0-3.3 3.6-6 8-6s8 2.7 8 6v1H4v-1z",
  keypad:
    "M4 4h4v4H4V4zm6 0h4v4h-4V4zm6 0h4v4h-4V4zM4 10h4v4H4v-4zm6 0h4v4h-4v-4zm6 0h4v4h-4v-4zM10 16h4v4h-4v-4z",
  camera: "M4 7h3l2-3h6l2 3h3v13H4V7zm8 3a4 4 0 1 0 0 8 4 4 0 0 0 0-8z",
  phone: "M7 2h10v20H7V2zm2 2v14h6V4H9zm3 15.2a1 1 0 1 0 0 2 1 1 0 0 0 0-2z",
  check: "M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4L9 16.2z",
  missing: "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm-1 5h2v7h-2V7zm0 9h2v2h-2v-2z",
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 48 }: { name: IconName; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="icon">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
