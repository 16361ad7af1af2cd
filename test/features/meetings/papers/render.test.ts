import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PaperSnapshot, renderPaper, snapshotPaper } from '../../../../features/meetings/papers/render';
import { moneyFormat } from '../../../../electron/shared/money';
import { type TestServer, testServer } from '../../../support/workspace';
import { BEFORE_DEADLINE, block, doc, figure, file, makeMeeting, para, pdfBytes, text, xlsxBytes } from './fixture';

let t: TestServer;
let forum: Awaited<ReturnType<typeof makeMeeting>>;
beforeAll(async () => {
  t = await testServer({ demo: true, now: BEFORE_DEADLINE });
  forum = await makeMeeting(t, { items: ['High Needs monitoring', 'Board report', 'Hostile'] });
});
afterAll(() => t.close());

const ws = () => t.server.workspace!;
const money = moneyFormat('minus');
const P7 = { year: '2026-27', period: 7 };

describe('snapshotPaper and renderPaper', () => {
  let snap: PaperSnapshot;
  beforeAll(async () => {
    const itemId = forum.item['High Needs monitoring']!;
    const p = await t.ok('savePaper', {
      itemId,
      header: { to: 'Schools Forum', date: '2026-12-10', title: 'High Needs monitoring', author: '' },
      sections: {
        purpose: doc(para(text('The forecast overspend is '), figure({ ...P7, measure: 'variance' }), text('.'))),
        recommendations: doc(),
        supporting_information: doc(
          { type: 'heading', attrs: { level: 1 }, content: [text('The table')] },
          block('monitoring-table', P7, 'hnb-table'),
          block('position-chart', { year: '2026-27' }),
          block('monitoring-table', { year: '2031-32', period: 7 }, 'gone'),
          para(text('Again: '), figure({ ...P7, measure: 'variance' })),
        ),
      },
    });
    await t.ok('addAppendix', { paperId: p.id, title: 'Placements', file: file('placements.pdf', await pdfBytes(2)) });
    await t.ok('addAppendix', { paperId: p.id, title: 'Rates', file: file('rates.xlsx', await xlsxBytes()) });
    snap = snapshotPaper(ws(), itemId)!;
  });

  it('holds the text, the appendices and every block’s data or its problem, as JSON', () => {
    expect(snap.template.kind).toBe('forum');
    expect(snap.appendices.map((a) => [a.title, a.format, a.pages])).toEqual([
      ['Placements', 'pdf', 2],
      ['Rates', 'xlsx', null],
    ]);
    expect(Object.keys(snap.blocks)).toEqual(['purpose:0.1', 'hnb-table', 'supporting_information:2', 'gone', 'supporting_information:4.1']);
    expect(snap.blocks['hnb-table']).toMatchObject({ kind: 'monitoring-table', settings: P7, snapshot: expect.any(Object) });
    expect(snap.blocks.gone).toEqual({
      kind: 'monitoring-table',
      settings: { year: '2031-32', period: 7 },
      problem: "The block 'High Needs monitoring' names 2031-32, which is not in this workspace.",
    });
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    expect(snapshotPaper(ws(), forum.item.Hostile!)).toBeNull();
  });

  it('prints the header as a table, numbered sections without the empty ones, and the blocks from the snapshot', async () => {
    const r = renderPaper(snap, money, { number: '5', title: 'High Needs monitoring' });
    const summary = await t.ok('getSummary', { year: '2026-27', period: 7 });
    expect(r.html).toContain(
      '<table class="paper-fields"><tbody><tr><th scope="row">To</th><td>Schools Forum</td></tr><tr><th scope="row">Date</th><td>10 December 2026</td></tr>',
    );
    expect(r.html).not.toContain('Author');
    expect(r.html).toContain(
      `<h2><span class="section-number">1</span> Purpose</h2><p>The forecast overspend is <span class="live-figure">${money.format(summary.variancePence)}</span>.</p>`,
    );
    // Recommendations are empty, so supporting information is 2 and the appendices 3, listed for the reader.
    expect(r.html).not.toContain('Recommendations');
    expect(r.html).toContain('<h2><span class="section-number">2</span> Supporting information</h2><h3>The table</h3>');
    expect(r.html).toContain(
      '<h2><span class="section-number">3</span> Appendices</h2><ul class="paper-appendices"><li>Appendix A: Placements (PDF, 2 pages, at the end of this paper)</li><li>Appendix B: Rates (Excel workbook, sent with the pack)</li></ul>',
    );
    expect(r.html).toContain('<caption>High Needs monitoring, 2026-27 at P7 (October 2026)</caption>');
    expect(r.html).toMatch(/<svg[^>]*role="img"/);
    expect(r.wide).toBe(true);
  });

  it('prints a block whose data is gone as a visible note, and lists it so publishing can refuse', () => {
    const r = renderPaper(snap, money, { number: '5', title: 'x' });
    expect(r.html).toContain(
      '<p class="block-problem">[data no longer available: The block &#39;High Needs monitoring&#39; names 2031-32, which is not in this workspace.]</p>',
    );
    expect(r.problems).toEqual(["The block 'High Needs monitoring' names 2031-32, which is not in this workspace."]);
  });

  it('gives the workbook its tables and the re-issue its figures, once per block, named stably', async () => {
    const r = renderPaper(snap, money, { number: '5', title: 'x' });
    expect(r.tables.map((x) => x.title)).toEqual(['High Needs monitoring, 2026-27 at P7 (October 2026)', 'DSG position by year, 2026-27 at P7']);
    const summary = await t.ok('getSummary', { year: '2026-27', period: 7 });
    const total = r.figures.find((f) => f.key === 'total.forecast')!;
    expect(total).toEqual({
      key: 'total.forecast',
      label: 'Total High Needs expenditure: forecast outturn',
      pence: summary.forecastPence,
      block: 'High Needs monitoring (1)',
    });
    // The figure quoted twice is one figure.
    expect(r.figures.filter((f) => f.key === 'variance')).toEqual([
      { key: 'variance', label: 'Forecast overspend (variance), 2026-27 at P7', pence: summary.variancePence, block: 'Figure' },
    ]);
    const keys = r.figures.map((f) => `${f.block}|${f.key}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('renders the same from a stored snapshot, whatever the data does afterwards', async () => {
    const stored = JSON.parse(JSON.stringify(snap)) as PaperSnapshot;
    const before = renderPaper(stored, money, { number: '5', title: 'x' });
    // Change a P7 forecast: a new snapshot moves, the stored one does not.
    const line = t.sqlite.prepare("SELECT id, forecast_pence FROM forecast WHERE year_id = '2026-27' AND period = 7 LIMIT 1").get() as {
      id: number;
      forecast_pence: number;
    };
    t.sqlite.prepare('UPDATE forecast SET forecast_pence = forecast_pence + 1000000 WHERE id = ?').run(line.id);
    try {
      expect(renderPaper(stored, money, { number: '5', title: 'x' })).toEqual(before);
      const fresh = renderPaper(snapshotPaper(ws(), forum.item['High Needs monitoring']!)!, money, { number: '5', title: 'x' });
      const moved = (r: typeof before) => r.figures.find((f) => f.key === 'total.forecast')!.pence!;
      expect(moved(fresh) - moved(before)).toBe(1_000_000);
    } finally {
      t.sqlite.prepare('UPDATE forecast SET forecast_pence = ? WHERE id = ?').run(line.forecast_pence, line.id);
    }
  });

  it('numbers a council report’s children 4.1, 4.2 … and leaves its preamble unnumbered', async () => {
    const board = await makeMeeting(t, { body: 'Test programme board', kind: 'programme_board', items: ['Recovery plan'] });
    const itemId = board.item['Recovery plan']!;
    await t.ok('savePaper', {
      itemId,
      header: { report_of: 'Director of Children’s Services', key_decision: 'no', date: '2026-12-10' },
      sections: {
        summary: doc(para(text('Summary words'))),
        purpose: doc(para(text('Purpose words'))),
        main_issues: doc(para(text('Issues'))),
        consultation: doc(para(text('Consulted the forum'))),
        legal: doc(para(text('No legal implications'))),
        conclusions: doc(para(text('Done'))),
      },
    });
    const r = renderPaper(snapshotPaper(ws(), itemId)!, money, { number: '1', title: 'Recovery plan' });
    expect(r.html).toContain('<th scope="row">Key decision</th><td>No</td>');
    expect(r.html).toContain('<section class="paper-preamble" id="item-1-summary"><h2>Summary of main issues</h2><p>Summary words</p></section>');
    const headings = [...r.html.matchAll(/<h[23]>(?:<span class="section-number">([\d.]+)<\/span> )?([^<]+)<\/h[23]>/g)].map((m) => `${m[1] ?? '-'} ${m[2]}`);
    expect(headings).toEqual([
      '- Summary of main issues',
      '1 Purpose',
      '2 Main issues',
      '3 Corporate considerations',
      '3.1 Consultation and engagement',
      '3.2 Legal implications, access to information and call-in',
      '4 Conclusions',
    ]);
    expect(r.problems).toEqual([]);
    expect(r.wide).toBe(false);
  });

  it('escapes everything the paper holds, and drops what the editor never makes', async () => {
    const itemId = forum.item.Hostile!;
    await t.ok('savePaper', {
      itemId,
      header: { title: '<img src=x onerror=alert(1)>', to: '"><script>alert(1)</script>' },
      sections: { purpose: doc(para(text('<script>alert("x")</script>'))) },
    });
    const snap2 = snapshotPaper(ws(), itemId)!;
    // Something stored before a rule existed: an image and a javascript: link.
    snap2.sections.purpose!.content.push(
      { type: 'image', attrs: { src: 'https://evil.example/x.png' } },
      para({ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }),
    );
    const r = renderPaper(snap2, money, { number: '7', title: 'Hostile' });
    expect(r.html).not.toMatch(/<script|<img|javascript:|evil/);
    expect(r.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(r.html).toContain('<td>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</td>');
    expect(r.html).toContain('<p>click</p>');
  });

  it('names a block of a kind it does not know, or with settings it cannot read, as a problem', async () => {
    const itemId = forum.item['Board report']!;
    await t.ok('savePaper', {
      itemId,
      header: {},
      sections: {
        purpose: doc(block('recovery-register', { year: '2026-27' }), block('monitoring-table', { year: '2026-27', period: 'soon' }), para(figure(P7))),
      },
    });
    const r = renderPaper(snapshotPaper(ws(), itemId)!, money, { number: '6', title: 'x' });
    expect(r.problems).toEqual([
      'The paper holds a live block of a kind this version of HNB Desk does not know ("recovery-register"). Remove it and insert the block again.',
      "The block 'High Needs monitoring' has settings that are not valid: period must be a period from P1 (April) to P12 (March).",
      "The block 'Figure' has settings that are not valid: measure must be one of the DSG position figures: net high needs funding, revised budget, forecast outturn, forecast overspend (variance), in-year surplus / (deficit), dsg balance brought forward, contributions to the deficit, dsg balance carried forward.",
    ]);
  });
});

describe('the movement block in a paper follows on from the previous meeting', () => {
  it('compares with the month the previous meeting’s paper showed', async () => {
    const october = await makeMeeting(t, { bodyId: forum.bodyId, startsAt: '2026-10-08T14:00', items: ['Monitoring'] });
    await t.ok('savePaper', {
      itemId: october.item.Monitoring,
      header: {},
      sections: { supporting_information: doc(block('monitoring-table', { year: '2026-27', period: 4 })) },
      lateReason: 'Recorded after the meeting',
    });
    // A later meeting, and a cancelled one in between, showed other months: neither counts.
    const later = await makeMeeting(t, { bodyId: forum.bodyId, startsAt: '2027-03-11T14:00', items: ['Monitoring'] });
    await t.ok('savePaper', {
      itemId: later.item.Monitoring,
      header: {},
      sections: { supporting_information: doc(block('monitoring-table', { year: '2026-27', period: 6 })) },
    });
    const cancelled = await makeMeeting(t, { bodyId: forum.bodyId, startsAt: '2026-11-12T14:00', items: ['Monitoring'] });
    await t.ok('savePaper', {
      itemId: cancelled.item.Monitoring,
      header: {},
      sections: { supporting_information: doc(block('monitoring-table', { year: '2026-27', period: 5 })) },
      lateReason: 'Tabled',
    });
    await t.ok('setMeetingStatus', { id: cancelled.meetingId, status: 'cancelled', reason: 'Not quorate' });
    const itemId = forum.item['Board report']!;
    await t.ok('savePaper', { itemId, header: {}, sections: { purpose: doc(block('monitoring-movement', P7, 'move')) } });
    const snap = snapshotPaper(ws(), itemId)!;
    const r = renderPaper(snap, money, { number: '6', title: 'x' });
    expect(r.tables[0]!.title).toBe('Movement in forecast since P4 (July 2026), 2026-27 at P7 (October 2026)');
    const p4 = await t.ok('getSummary', { year: '2026-27', period: 4 });
    expect(r.figures.find((f) => f.key === 'total.from')!.pence).toBe(p4.forecastPence);
    // The preview in the editor does the same when told the meeting.
    const preview = await t.ok('previewBlock', { kind: 'monitoring-movement', settings: P7, meetingId: forum.meetingId });
    expect(preview.caption).toMatch(/^Movement in forecast since P4 \(July 2026\)/);
    const alone = await t.ok('previewBlock', { kind: 'monitoring-movement', settings: P7 });
    expect(alone.caption).toMatch(/^Movement in forecast since P6 /);
  });
});
