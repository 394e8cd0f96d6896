import { SceneIcon } from "./alarm-icon";
import { emWidth } from "./alarm-words";
import type { NoticeView } from "./notice-words";

/** Past this width (in em) the body steps down to the smallest size the unit uses, to fit more of it. */
const LONG_BODY_EM = 60;

/**
 * A notice the household has not yet heard: read aloud when it appears, shown in very large type, with a
 * huge "听到了" button (the unit's OK key does the same). Emergency notices are red, important ones amber.
 */
export function NoticeScreen({ view, onHeard }: { view: NoticeView; onHeard: () => void }) {
  return (
    <div
      className={`elder elder-alarm elder-notice scene-${view.scene}`}
      data-testid="notice"
      data-scene={view.scene}
    >
      <main className="notice-body" role="alert" aria-atomic="true">
        <p className="notice-kicker">
          <SceneIcon glyph="speaker" size={44} />
          <span>{view.kicker}</span>
          {view.more && <span className="notice-more">{view.more}</span>}
        </p>
        <h1 className="notice-title" data-testid="notice-title">
          {view.title}
        </h1>
        <p
          className={emWidth(view.body) > LONG_BODY_EM ? "notice-text notice-text-long" : "notice-text"}
          data-testid="notice-text"
        >
          {view.body}
        </p>
      </main>
      <div className="scene-actions">
        <button
          type="button"
          className="scene-button notice-heard"
          data-testid="notice-heard"
          aria-describedby="notice-hint"
          onClick={(event) => {
            event.currentTarget.blur();
            onHeard();
          }}
        >
          {view.heard}
          <span id="notice-hint" className="notice-hint">
            {view.hint}
          </span>
        </button>
      </div>
    </div>
  );
}
