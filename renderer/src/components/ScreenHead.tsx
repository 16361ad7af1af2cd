import type { ReactNode } from 'react';

/** A screen's title, the line under it, and its buttons on the right (when it has any). */
export function ScreenHead({ titleId, title, sub, children }: { titleId: string; title: string; sub: ReactNode; children?: ReactNode }) {
  return (
    <div className="screen-head">
      <div>
        <h1 id={titleId}>{title}</h1>
        <p className="screen-sub">{sub}</p>
      </div>
      {children ? <div className="screen-tools">{children}</div> : null}
    </div>
  );
}
