import type { AlarmScene } from "./alarm-words";

/**
 * A shape per alarm scene, so that no scene depends on colour or reading alone: a white disc with the
 * glyph in the scene's own colour (`--scene` in elder.css).
 */
export function AlarmIcon({ scene, size }: { scene: AlarmScene; size: number }) {
  return (
    <svg
      className="alarm-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="12" cy="12" r="11.5" className="disc" />
      {scene === "sending" && (
        <g className="glyph-fill">
          <circle cx="6.8" cy="12" r="1.9" />
          <circle cx="12" cy="12" r="1.9" />
          <circle cx="17.2" cy="12" r="1.9" />
        </g>
      )}
      {scene === "unreachable" && (
        <g className="glyph-fill">
          <rect x="10.5" y="5" width="3" height="9" rx="1.5" />
          <circle cx="12" cy="18" r="1.8" />
        </g>
      )}
      {scene === "phone" && (
        // A telephone handset.
        <path
          className="glyph-fill"
          d="M8.3 5.2l1.7 3.1c.2.4.1.9-.2 1.2l-1.2 1.1c.9 1.9 2.4 3.4 4.3 4.3l1.1-1.2c.3-.3.8-.4 1.2-.2l3.1 1.7c.4.2.6.7.5 1.1l-.6 2.2c-.1.5-.6.8-1.1.8C10.6 19.3 4.7 13.4 4.7 6.9c0-.5.3-1 .8-1.1l2.2-.6c.2-.1.4 0 .6 0z"
        />
      )}
      {scene === "received" && (
        // An hourglass: the centre has the call, someone is being found.
        <path
          className="glyph-fill"
          d="M7.5 5h9v1.6c0 1.9-1.4 3.9-3.3 5.4 1.9 1.5 3.3 3.5 3.3 5.4V19h-9v-1.6c0-1.9 1.4-3.9 3.3-5.4-1.9-1.5-3.3-3.5-3.3-5.4z"
        />
      )}
      {scene === "acknowledged" && (
        // A person: someone has taken the call.
        <g className="glyph-fill">
          <circle cx="12" cy="8.6" r="3.3" />
          <path d="M5.8 18.6c0-3.4 2.8-5.6 6.2-5.6s6.2 2.2 6.2 5.6z" />
        </g>
      )}
      {scene === "resolved" && (
        <path
          className="glyph-stroke"
          d="M6.3 12.6l3.8 3.8 7.6-8.4"
          fill="none"
          strokeWidth="2.8"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      )}
      {scene === "cancelled" && (
        <path
          className="glyph-stroke"
          d="M8 8l8 8M16 8l-8 8"
          fill="none"
          strokeWidth="2.8"
          strokeLinecap="round"
        />
      )}
    </svg>
  );
}
