import type { Tone } from "./describe-status";

/** A shape per tone, so that the state never depends on colour alone. */
export function StatusIcon({ tone, size }: { tone: Tone; size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="11" fill="currentColor" />
      {tone === "ok" && (
        <path
          d="M6.5 12.5l3.5 3.5 7.5-8"
          fill="none"
          stroke="#fff"
          strokeWidth="2.6"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      )}
      {tone === "busy" && (
        <g fill="#fff">
          <circle cx="7" cy="12" r="1.8" />
          <circle cx="12" cy="12" r="1.8" />
          <circle cx="17" cy="12" r="1.8" />
        </g>
      )}
      {tone === "warning" && (
        <g fill="#fff">
          <rect x="10.6" y="5.5" width="2.8" height="8.5" rx="1.4" />
          <circle cx="12" cy="17.5" r="1.6" />
        </g>
      )}
      {tone === "alert" && (
        <path d="M8 8l8 8M16 8l-8 8" fill="none" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" />
      )}
    </svg>
  );
}
