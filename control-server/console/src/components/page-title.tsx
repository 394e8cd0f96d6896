import { type ReactNode, useEffect, useRef } from "react";

/** The page's h1; it takes the focus when the page opens, so screen readers announce where the user is. */
export function PageTitle({ children }: { children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <h1 ref={heading} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
