/**
 * The plain functions behind the paper editor and the pack screen: what the editor's JSON is
 * saved as, how a template's sections are numbered, and how a re-issue's differences read.
 */
import { describe, expect, it } from 'vitest';
import { moneyFormat } from '../../../../electron/shared/money';
import { richDocProblem } from '../../../../electron/shared/rich-doc';
import { differenceText, groupDifferences, shortHash } from '../../../../features/meetings/ui/pack/differences';
import { liveNodes, newBlockId, sameDoc, sectionProblem, toEditorJson, toRichDoc } from '../../../../features/meetings/ui/paper/rich-json';
import { paperParts, partTitle } from '../../../../features/meetings/ui/paper/section-numbers';
import type { PaperTemplate } from '../../../../features/meetings/types';

/** What TipTap's getJSON gives for a paragraph with a link, a table cell, a list and a live block. */
const editorJson = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'See ' },
        {
          type: 'text',
          text: 'the guide',
          marks: [{ type: 'link', attrs: { href: 'https://www.gov.uk', target: '_blank', rel: 'noopener noreferrer nofollow', class: null, title: null } }],
        },
        { type: 'liveFigure', attrs: { kind: 'forecast-figure', settings: { year: '2026-27', period: 7 }, id: 'babc' } },
      ],
    },
    {
      type: 'orderedList',
      attrs: { start: 1, type: null },
      content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] }],
    },
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [{ type: 'tableHeader', attrs: { colspan: 1, rowspan: 1, colwidth: null, align: null }, content: [{ type: 'paragraph' }] }],
        },
      ],
    },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Figures' }] },
    { type: 'liveBlock', attrs: { kind: 'monitoring-table', settings: { year: '2026-27', period: 7 }, id: 'bdef' } },
  ],
};

describe('the editor text as a paper keeps it', () => {
  it('keeps only what the server allows, so the server check passes', () => {
    expect(richDocProblem(editorJson)).toMatch(/align/); // the editor's own JSON would be refused…
    const doc = toRichDoc(editorJson);
    expect(richDocProblem(doc)).toBeNull(); // …what is saved is not
    const link = doc.content[0]!.content![1]!.marks![0]!;
    expect(link).toEqual({ type: 'link', attrs: { href: 'https://www.gov.uk' } });
    expect(doc.content[1]!.attrs).toBeUndefined();
    expect(doc.content[2]!.content![0]!.content![0]!.attrs).toBeUndefined();
    expect(doc.content[3]!.attrs).toEqual({ level: 2 });
    expect(doc.content[4]!.attrs).toEqual({ kind: 'monitoring-table', settings: { year: '2026-27', period: 7 }, id: 'bdef' });
  });

  it('reads a section with nothing typed as empty, and opens an empty one as a paragraph', () => {
    expect(toRichDoc({ type: 'doc', content: [{ type: 'paragraph' }] })).toEqual({ type: 'doc', content: [] });
    expect(toRichDoc(null)).toEqual({ type: 'doc', content: [] });
    expect(toEditorJson({ type: 'doc', content: [] })).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(sameDoc(toEditorJson(null), { type: 'doc', content: [] })).toBe(true);
  });

  it('names the section in a problem', () => {
    const bad = {
      type: 'doc' as const,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }],
    };
    expect(sectionProblem('2 Recommendations', bad)).toMatch(/^2 Recommendations holds a link to "javascript:alert\(1\)"/);
    expect(sectionProblem('2 Recommendations', toRichDoc(editorJson))).toBeNull();
  });

  it('lists the live nodes, and makes ids that differ', () => {
    expect(liveNodes(toRichDoc(editorJson)).map((n) => [n.type, n.kind, n.id])).toEqual([
      ['liveFigure', 'forecast-figure', 'babc'],
      ['liveBlock', 'monitoring-table', 'bdef'],
    ]);
    const ids = new Set(Array.from({ length: 500 }, () => newBlockId()));
    expect(ids.size).toBe(500);
    expect(newBlockId(() => 0)).toBe('b0000000000');
  });
});

describe("a template's numbered parts", () => {
  const council: PaperTemplate = {
    kind: 'council',
    name: 'Council report',
    fields: [],
    preamble: [{ key: 'summary', heading: 'Summary of main issues' }],
    sections: [
      { key: 'purpose', heading: 'Purpose' },
      { key: 'background', heading: 'Background' },
      { key: 'main_issues', heading: 'Main issues' },
      {
        key: 'corporate',
        heading: 'Corporate considerations',
        children: [
          { key: 'consultation', heading: 'Consultation and engagement' },
          { key: 'equality', heading: 'Equality and diversity' },
        ],
      },
      { key: 'conclusions', heading: 'Conclusions' },
    ],
  };

  it('leaves the preamble unnumbered, numbers the sections, and a parent heads its children 4.1, 4.2', () => {
    expect(paperParts(council).map(partTitle)).toEqual([
      'Summary of main issues',
      '1 Purpose',
      '2 Background',
      '3 Main issues',
      '4 Corporate considerations',
      '4.1 Consultation and engagement',
      '4.2 Equality and diversity',
      '5 Conclusions',
    ]);
    const parts = paperParts(council);
    expect(parts.find((p) => p.number === '4')!.key).toBeNull();
    expect(parts.filter((p) => p.key).map((p) => p.key)).toEqual([
      'summary',
      'purpose',
      'background',
      'main_issues',
      'consultation',
      'equality',
      'conclusions',
    ]);
    expect(parts.find((p) => p.number === '4.1')!.level).toBe(3);
  });
});

describe("a re-issue's differences in words", () => {
  const money = moneyFormat('minus');
  it('says what was added, removed and changed, and each figure old to new in the workspace money format', () => {
    expect(differenceText({ kind: 'paper-added', item: '7', title: 'Growth fund' }, money)).toBe('Item 7 (Growth fund): paper added');
    expect(differenceText({ kind: 'paper-removed', item: '8', title: 'CSSB' }, money)).toBe('Item 8 (CSSB): paper removed');
    expect(differenceText({ kind: 'text-changed', item: '5', title: 'HN monitoring', section: '2 Recommendations' }, money)).toBe(
      'Item 5 (HN monitoring): text changed in 2 Recommendations',
    );
    expect(
      differenceText(
        {
          kind: 'figure-moved',
          item: '5',
          title: 'HN monitoring',
          block: 'High Needs monitoring',
          figure: 'forecast',
          oldPence: 374_970_000,
          newPence: -12_345,
        },
        money,
      ),
    ).toBe('Item 5 (HN monitoring), High Needs monitoring: forecast £3,749,700 → -£123.45');
    expect(
      differenceText({ kind: 'figure-moved', item: '5', title: 'T', block: 'B', figure: 'f', oldPence: null, newPence: -100 }, moneyFormat('brackets')),
    ).toBe('Item 5 (T), B: f none → (£1)');
    expect(differenceText({ kind: 'item-changed', item: '3', title: 'T', what: 'now exempt under paragraph 3' }, money)).toBe(
      'Item 3 (T): now exempt under paragraph 3',
    );
  });

  it('groups them by item: one line for the text, the figures under their block', () => {
    const grouped = groupDifferences(
      [
        { kind: 'text-changed', item: '5', title: 'HN monitoring', section: 'Purpose' },
        {
          kind: 'figure-moved',
          item: '5',
          title: 'HN monitoring',
          block: 'High Needs monitoring',
          figure: 'HN01 revised budget',
          oldPence: 100,
          newPence: 200,
        },
        { kind: 'text-changed', item: '5', title: 'HN monitoring', section: 'Recommendations' },
        { kind: 'paper-added', item: '7', title: 'Growth fund' },
        {
          kind: 'figure-moved',
          item: '5',
          title: 'HN monitoring',
          block: 'High Needs monitoring',
          figure: 'HN02 revised budget',
          oldPence: 300,
          newPence: null,
        },
        { kind: 'item-changed', item: '7', title: 'Growth fund', what: 'now exempt under paragraph 3' },
      ],
      money,
    );
    expect(grouped).toEqual([
      {
        item: '5',
        title: 'HN monitoring',
        lines: ['Text changed in Purpose, Recommendations'],
        blocks: [{ block: 'High Needs monitoring', moves: ['HN01 revised budget £1 → £2', 'HN02 revised budget £3 → none'] }],
      },
      { item: '7', title: 'Growth fund', lines: ['Paper added', 'Now exempt under paragraph 3'], blocks: [] },
    ]);
  });

  it('shortens a SHA-256 to its start and end', () => {
    expect(shortHash('0123456789abcdef'.repeat(4))).toBe('01234567…cdef');
  });
});
