/** The pack's pure parts: names of files and sheets, meeting times, and differences between two snapshots. */
import { describe, expect, it } from 'vitest';
import type { PaperSnapshot } from '../../../../features/meetings/papers/render';
import { packDifferences } from '../../../../features/meetings/pack/differences';
import { meetingDay, meetingTime, packFileStem } from '../../../../features/meetings/pack/naming';
import type { PackItemSnapshot, PackSnapshot } from '../../../../features/meetings/pack/snapshot';
import { sheetNamer } from '../../../../features/meetings/pack/workbook';
import { doc } from './fixture';

describe('names', () => {
  it('writes meeting times as council agendas do', () => {
    expect(meetingTime('2026-12-10T14:00')).toBe('2.00pm');
    expect(meetingTime('2026-12-10T09:30')).toBe('9.30am');
    expect(meetingTime('2026-12-10T12:00')).toBe('12 noon');
    expect(meetingTime('2026-12-10T12:30')).toBe('12.30pm');
    expect(meetingTime('2026-12-10T00:15')).toBe('12.15am');
    expect(meetingDay('2026-12-10T14:00')).toBe('Thursday 10 December 2026');
    expect(meetingDay('2027-03-28T18:00')).toBe('Sunday 28 March 2027');
  });

  it('names pack files with letters, digits and hyphens only', () => {
    expect(packFileStem('Schools Forum', '2026-12-10T14:00', 'full')).toBe('Schools-Forum-2026-12-10-pack');
    expect(packFileStem('Schools Forum', '2026-12-10T14:00', 'public')).toBe('Schools-Forum-2026-12-10-pack-public');
    expect(packFileStem('SEND Programme Board: "East"/<West>', '2027-01-05T10:00', 'public', { supplementary: true, version: 3 })).toBe(
      'SEND-Programme-Board-East-West-2027-01-05-supplementary-pack-v3-public',
    );
    expect(packFileStem('Schools Forum', '2026-12-10T14:00', 'full', { version: 1 })).toBe('Schools-Forum-2026-12-10-pack');
    expect(packFileStem('***', '2026-12-10T14:00', 'full')).toBe('Meeting-2026-12-10-pack');
  });

  it('names sheets as Excel allows: unique, at most 31 characters, cut at a word', () => {
    const name = sheetNamer();
    expect(name('5 High Needs monitoring, 2026-27 at P7 (October 2026)')).toBe('5 High Needs monitoring');
    expect(name('5 High Needs monitoring, 2026-27 at P7 (October 2026)')).toBe('5 High Needs monitoring (2)');
    expect(name('Contents')).toBe('Contents (2)');
    expect(name("'6 [Draft] a/b: c*d?'")).toBe('6 Draft a b c d');
    expect(name('   ')).toBe('Table');
    const many = Array.from({ length: 30 }, () => name('7 Deficit recovery plan milestones and savings by year'));
    for (const n of many) expect(n.length).toBeLessThanOrEqual(31);
    expect(new Set(many.map((n) => n.toLowerCase())).size).toBe(many.length);
  });
});

const template: PaperSnapshot['template'] = {
  kind: 'forum',
  name: 'Forum paper',
  fields: [{ key: 'author', label: 'Author', kind: 'text' }],
  preamble: [],
  sections: [
    { key: 'purpose', heading: 'Purpose' },
    { key: 'main', heading: 'Main issues', children: [{ key: 'legal', heading: 'Legal implications' }] },
  ],
};

const paper = (texts: Record<string, string>, author = 'A. Author'): PaperSnapshot => ({
  paperId: 1,
  template,
  header: { author },
  sections: Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, doc({ type: 'paragraph', content: [{ type: 'text', text: v }] })])),
  late: false,
  lateReason: '',
  addedAt: '2026-11-01T10:00:00Z',
  appendices: [],
  blocks: {},
});

const item = (id: number, number: string, over: Partial<PackItemSnapshot> = {}): PackItemSnapshot => ({
  id,
  number,
  title: `Item ${id}`,
  presenter: '',
  purpose: 'information',
  votingConstituency: 'none',
  exempt: false,
  exemptParagraph: null,
  publicSummary: '',
  late: false,
  lateReason: '',
  paper: null,
  ...over,
});

const snapshot = (items: PackItemSnapshot[]): PackSnapshot => ({
  format: 1,
  takenAt: '2026-11-20T10:00:00Z',
  supplementary: false,
  authority: 'A council',
  negativeStyle: 'minus',
  meeting: { id: 1, startsAt: '2026-12-10T14:00', venue: '', onlineLink: '', status: 'draft' },
  body: { id: 1, name: 'Schools Forum', kind: 'schools_forum' },
  clerk: { name: '', email: '', phone: '' },
  items,
});

describe('differences between two versions', () => {
  it('are none when nothing changed', () => {
    const s = snapshot([item(1, '1'), item(2, '2', { paper: paper({ purpose: 'Same.' }) })]);
    expect(packDifferences(s, structuredClone(s))).toEqual([]);
  });

  it('name papers added and removed, agenda changes, and each section whose text changed', () => {
    const before = snapshot([
      item(1, '1', { paper: paper({ purpose: 'To note.', legal: 'None.' }) }),
      item(2, '2', { paper: paper({ purpose: 'Gone soon.' }) }),
      item(3, '3'),
    ]);
    const after = snapshot([
      item(1, '1', { title: 'Renamed', paper: paper({ purpose: 'To note.', legal: 'The Regulations apply.' }, 'B. Author') }),
      item(3, '2', { exempt: true, exemptParagraph: 3, publicSummary: 'A contract.', paper: paper({ purpose: 'New.' }) }),
    ]);
    expect(packDifferences(before, after)).toEqual([
      { kind: 'item-changed', item: '1', title: 'Renamed', what: 'title: "Item 1" → "Renamed"' },
      { kind: 'text-changed', item: '1', title: 'Renamed', section: 'Author' },
      { kind: 'text-changed', item: '1', title: 'Renamed', section: 'Legal implications' },
      { kind: 'item-changed', item: '2', title: 'Item 3', what: 'number: 3 → 2' },
      { kind: 'item-changed', item: '2', title: 'Item 3', what: 'exempt: no → yes (Schedule 12A paragraph 3)' },
      { kind: 'item-changed', item: '2', title: 'Item 3', what: 'public summary changed' },
      { kind: 'paper-added', item: '2', title: 'Item 3' },
      { kind: 'paper-removed', item: '2', title: 'Item 2' },
    ]);
  });
});
