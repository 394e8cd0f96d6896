import type { ReactNode } from "react";
import { type Glyph, SceneIcon } from "./alarm-icon";
import { emWidth, phrases, titleSize } from "./alarm-words";

/** The text column beside the icon on the 800 px screen. */
const TITLE_COLUMN_PX = 620;

/**
 * A full-screen scene of the unit (a service's progress, a call, a message): one sentence in very large
 * type on a colour of its own, an icon, a calmer line or two, and the few buttons that make sense now.
 */
export function SceneScreen(props: {
  testId: string;
  /** Picks the colour (`scene-<name>` in elder.css) and is exposed as data-scene for tests. */
  scene: string;
  glyph: Glyph;
  /** A short line above the title ("服务中心来电"). */
  kicker?: string | null;
  title: string;
  hint?: string | null;
  extra?: string | null;
  live?: "assertive" | "polite";
  children?: ReactNode;
}) {
  const size = titleSize(props.title, TITLE_COLUMN_PX, 44);
  return (
    <div
      className={`elder elder-alarm elder-scene scene-${props.scene}`}
      data-testid={props.testId}
      data-scene={props.scene}
    >
      <main className="alarm-body" role="status" aria-live={props.live ?? "polite"} aria-atomic="true">
        <SceneIcon glyph={props.glyph} size={88} />
        <div className="alarm-words">
          {props.kicker && <p className="scene-kicker">{props.kicker}</p>}
          <h1 className="alarm-title" data-testid={`${props.testId}-title`} style={{ fontSize: size }}>
            {phrases(props.title).map((phrase) => (
              // A phrase longer than a line even at the smallest size (a provider's long name) has to wrap.
              <span
                key={phrase}
                className={emWidth(phrase) * size > TITLE_COLUMN_PX ? "phrase-long" : "phrase"}
              >
                {phrase}
              </span>
            ))}
          </h1>
          {props.hint && <p className="alarm-hint">{inPhrases(props.hint)}</p>}
          {props.extra && <p className="alarm-hint scene-extra">{inPhrases(props.extra)}</p>}
        </div>
      </main>
      {props.children && <div className="scene-actions">{props.children}</div>}
    </div>
  );
}

/** A line that wraps between its phrases ("请稍后再试，" / "或直接打电话…"), never inside one. */
function inPhrases(line: string) {
  return phrases(line).map((phrase) => (
    <span key={phrase} className="phrase">
      {phrase}
    </span>
  ));
}

/** A big button of a scene; the focus leaves it at once, so that a key of the button box cannot press it again. */
export function SceneButton(props: {
  testId: string;
  kind: "back" | "hangup" | "good" | "bad" | "not-done" | "skip";
  label: string;
  onPress: () => void;
}) {
  return (
    <button
      type="button"
      className={`scene-button scene-button-${props.kind}`}
      data-testid={props.testId}
      onClick={(event) => {
        event.currentTarget.blur();
        props.onPress();
      }}
    >
      {props.label}
    </button>
  );
}
