import { type ReactNode, useEffect, useRef } from "react";
import { useI18n } from "../i18n/i18n";

/**
 * One step of applying on one screen: a back button, where the resident is ("第 2 步，共 5 步") and the
 * step's heading, which takes the focus so that a screen reader announces the new step.
 */
export function StepFrame(props: {
  step: number | null;
  total: number;
  title: string;
  onBack: (() => void) | null;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section className="apply-step" aria-labelledby="apply-step-title">
      {(props.onBack || props.step !== null) && (
        <div className="apply-nav">
          {props.onBack && (
            <button type="button" className="button apply-back" onClick={props.onBack}>
              <span aria-hidden="true">‹ </span>
              {t("apply.back")}
            </button>
          )}
          {props.step !== null && (
            <p className="apply-progress" data-testid="apply-progress">
              {t("apply.step", { step: props.step, total: props.total })}
            </p>
          )}
        </div>
      )}
      {props.step !== null && (
        <ol className="apply-dots" aria-hidden="true">
          {Array.from({ length: props.total }, (_, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the dots are positions, nothing else
            <li key={index} className={index < props.step! ? "apply-dot done" : "apply-dot"} />
          ))}
        </ol>
      )}
      <h1 id="apply-step-title" ref={heading} tabIndex={-1}>
        {props.title}
      </h1>
      {props.children}
    </section>
  );
}
