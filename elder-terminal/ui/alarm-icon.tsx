import type { AlarmScene } from "./alarm-words";

/** The shapes the unit's full-screen scenes use (alarm, service, call). */
export type Glyph =
  | "dots"
  | "warning"
  | "phone"
  | "hourglass"
  | "person"
  | "check"
  | "cross"
  | "question"
  | "house"
  | "speaker";

const ALARM_GLYPHS: Record<AlarmScene, Glyph> = {
  sending: "dots",
  unreachable: "warning",
  phone: "phone",
  received: "hourglass",
  acknowledged: "person",
  resolved: "check",
  cancelled: "cross",
};

/**
 * A shape per alarm scene, so that no scene depends on colour or reading alone: a white disc with the
 * glyph in the scene's own colour (`--scene` in elder.css).
 */
export function AlarmIcon({ scene, size }: { scene: AlarmScene; size: number }) {
  return <SceneIcon glyph={ALARM_GLYPHS[scene]} size={size} />;
}

export function SceneIcon({ glyph, size }: { glyph: Glyph; size: number }) {
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
      {glyph === "dots" && (
        <g className="glyph-fill">
          <circle cx="6.8" cy="12" r="1.9" />
          <circle cx="12" cy="12" r="1.9" />
          <circle cx="17.2" cy="12" r="1.9" />
        </g>
      )}
      {glyph === "warning" && (
        <g className="glyph-fill">
          <rect x="10.5" y="5" width="3" height="9" rx="1.5" />
          <circle cx="12" cy="18" r="1.8" />
        </g>
      )}
      {glyph === "phone" && (
        // A telephone handset.
        <path
          className="glyph-fill"
          d="M8.3 5.2l1.7 3.1c.2.4.1.9-.2 1.2l-1.2 1.1c.9 1.9 2.4 3.4 4.3 4.3l1.1-1.2c.3-.3.8-.4 1.2-.2l3.1 1.7c.4.2.6.7.5 1.1l-.6 2.2c-.1.5-.6.8-1.1.8C10.6 19.3 4.7 13.4 4.7 6.9c0-.5.3-1 .8-1.1l2.2-.6c.2-.1.4 0 .6 0z"
        />
      )}
      {glyph === "hourglass" && (
        // An hourglass: the centre has it, someone is being found.
        <path
          className="glyph-fill"
          d="M7.5 5h9v1.6c0 1.9-1.4 3.9-3.3 5.4 1.9 1.5 3.3 3.5 3.3 5.4V19h-9v-1.6c0-1.9 1.4-3.9 3.3-5.4-1.9-1.5-3.3-3.5-3.3-5.4z"
        />
      )}
      {glyph === "person" && (
        // A person: someone has taken the call, or is coming.
        <g className="glyph-fill">
          <circle cx="12" cy="8.6" r="3.3" />
          <path d="M5.8 18.6c0-3.4 2.8-5.6 6.2-5.6s6.2 2.2 6.2 5.6z" />
        </g>
      )}
      {glyph === "house" && (
        // A house: someone is at the elder's home.
        <path className="glyph-fill" d="M12 4.6l7.4 6.3h-2.1v7.5h-3.6v-4.6h-3.4v4.6H6.7v-7.5H4.6z" />
      )}
      {glyph === "speaker" && (
        // Someone is talking: a head with sound waves.
        <g>
          <path className="glyph-fill" d="M5 9.2h3l4-3.4v12.4l-4-3.4H5z" />
          <path
            className="glyph-stroke"
            d="M15 9c.9.8 1.4 1.9 1.4 3s-.5 2.2-1.4 3M17.4 6.8c1.5 1.4 2.3 3.2 2.3 5.2s-.8 3.8-2.3 5.2"
            fill="none"
            strokeWidth="1.8"
            strokeLinecap="round"
          />
        </g>
      )}
      {glyph === "question" && (
        <g>
          <path
            className="glyph-stroke"
            d="M8.9 9.2c0-1.8 1.4-3.1 3.1-3.1s3.1 1.3 3.1 3c0 2.5-3.1 2.6-3.1 5.2"
            fill="none"
            strokeWidth="2.6"
            strokeLinecap="round"
          />
          <circle className="glyph-fill" cx="12" cy="18" r="1.7" />
        </g>
      )}
      {glyph === "check" && (
        <path
          className="glyph-stroke"
          d="M6.3 12.6l3.8 3.8 7.6-8.4"
          fill="none"
          strokeWidth="2.8"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      )}
      {glyph === "cross" && (
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
