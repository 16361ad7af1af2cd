import { describe, expect, it } from 'vitest';
import { statusMoveProblem } from '../../../../features/meetings/agenda/status';
import type { MeetingStatus } from '../../../../features/meetings/words';

const move = (from: MeetingStatus, to: MeetingStatus, over: { dateHasCome?: boolean; reason?: string } = {}) =>
  statusMoveProblem({ from, to, dateHasCome: over.dateHasCome ?? true, startsAt: '2026-12-10T14:00', reason: over.reason ?? '' });

describe('meeting status moves', () => {
  it.each([
    ['draft', 'published'],
    ['published', 'held'],
    ['draft', 'draft'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(move(from, to)).toBeNull();
  });

  it('allows cancelling a draft or published meeting with a reason, and asks for one without', () => {
    expect(move('draft', 'cancelled', { reason: 'Not quorate' })).toBeNull();
    expect(move('published', 'cancelled', { reason: 'Not quorate' })).toBeNull();
    expect(move('draft', 'cancelled', { reason: '  ' })?.message).toBe(
      'Give a reason for cancelling the meeting on 10 December 2026 at 14:00: it is shown with the meeting.',
    );
  });

  it('marks a meeting held only once its day has come', () => {
    expect(move('published', 'held', { dateHasCome: false })?.message).toBe(
      'The meeting on 10 December 2026 at 14:00 has not happened yet: mark it held on or after that day.',
    );
  });

  it.each([
    ['draft', 'held', 'papers are published before the meeting is held'],
    ['held', 'cancelled', 'only a meeting not yet held can be cancelled'],
    ['held', 'published', 'papers are published before the meeting'],
    ['published', 'draft', 'a meeting does not go back to draft'],
    ['held', 'draft', 'a meeting does not go back to draft'],
    ['held', 'approved', 'minutes are approved at a later meeting'],
    ['draft', 'approved', 'minutes are approved at a later meeting'],
    ['cancelled', 'draft', 'a cancelled meeting stays cancelled'],
    ['cancelled', 'published', 'a cancelled meeting stays cancelled'],
    ['approved', 'held', 'approved minutes are final'],
  ] as const)('refuses %s → %s (%s)', (from, to, rule) => {
    const p = move(from, to, { reason: 'a reason' });
    expect(p?.rule).toBe(rule);
    expect(p?.message).toMatch(/\.$/);
  });
});
