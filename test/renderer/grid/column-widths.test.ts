import { describe, expect, it } from 'vitest';
import { pinnedNameWidth } from '../../../renderer/src/grid/column-widths';

describe('the pinned line-name column', () => {
  it('keeps its width on a full-size window', () => {
    expect(pinnedNameWidth(300, 1366)).toBe(300);
    expect(pinnedNameWidth(204, 1100)).toBe(204);
  });

  it('gives way when the window is zoomed, never below 140 px', () => {
    expect(pinnedNameWidth(300, 1093)).toBe(219); // 125%
    expect(pinnedNameWidth(300, 911)).toBe(182); // 150%
    expect(pinnedNameWidth(300, 683)).toBe(140); // 200%
    expect(pinnedNameWidth(204, 911)).toBe(182);
    expect(pinnedNameWidth(120, 683)).toBe(120);
  });
});
