/** How this workspace shows figures; kept in the workspace so screens, workbooks and packs agree. */
export type NegativeStyle = 'minus' | 'brackets';

export interface WorkspaceSettings {
  /** -£1,234 or (£1,234). */
  negativeStyle: NegativeStyle;
  /** An import that moves a forecast by more than this share (percent) is flagged before it is applied. */
  largeMovePercent: number;
}

export const DEFAULT_SETTINGS: WorkspaceSettings = { negativeStyle: 'minus', largeMovePercent: 50 };
