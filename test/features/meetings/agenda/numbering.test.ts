import { describe, expect, it } from 'vitest';
import { agendaNumbers } from '../../../../features/meetings/agenda/numbering';

const items = (pattern: string) => [...pattern].map((c) => ({ subItem: c === 's' }));

describe('agendaNumbers', () => {
  it('numbers main items 1, 2, 3 and sub-items under the item above as 2a, 2b', () => {
    expect(agendaNumbers(items('mmssm'))).toEqual(['1', '2', '2a', '2b', '3']);
  });

  it('numbers a first item marked as a sub-item as a main item, and its followers under it', () => {
    expect(agendaNumbers(items('ssm'))).toEqual(['1', '1a', '2']);
  });

  it('restarts the letters under each main item', () => {
    expect(agendaNumbers(items('msmsm'))).toEqual(['1', '1a', '2', '2a', '3']);
  });

  it('goes on past z without repeating a number', () => {
    const n = agendaNumbers(items(`m${'s'.repeat(28)}`));
    expect(n.slice(25, 29)).toEqual(['1y', '1z', '1aa', '1ab']);
    expect(new Set(n).size).toBe(n.length);
  });

  it('gives nothing for an empty agenda', () => {
    expect(agendaNumbers([])).toEqual([]);
  });
});
