/**
 * `hnb pack` read back as a reader gets it: the PDF through poppler (pages, contents, footers,
 * what the public pack leaves out) and the workbook through exceljs (sheets, links, figures).
 * Real Chromium lays the pack out.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPence } from '../../../../electron/shared/money';
import { runHnb } from '../../../support/cli';
import { type TestServer, testServer } from '../../../support/workspace';
import { EXEMPT_TEXT, FORMULA_TEXT, forumMeeting, HOSTILE_TEXT, MONITORING_TEXT, type PackMeeting } from './fixture';
import { flat, pdfInfo, pdfPageCount, pdfPageOrientations, pdfPageTexts } from './pdf-read';

interface PackJson {
  pdf: string;
  workbook: string;
  pages: number;
  contents: Array<{ number: string; title: string; page: number }>;
  exemptItems: string[];
  appendices: string[];
}

let t: TestServer;
let m: PackMeeting;
let full: PackJson;
let pub: PackJson;
let summary: Record<string, number>;

const hnb = (...argv: string[]) => runHnb(t.dir, argv);

async function packJson(...extra: string[]): Promise<PackJson> {
  const r = await hnb('pack', '--meeting', String(m.meetingId), '--out', 'out', '--json', ...extra);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as PackJson;
}

async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const bytes = readFileSync(path);
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

beforeAll(async () => {
  t = await testServer({ demo: true, now: () => new Date('2026-11-20T10:00:00Z') });
  m = await forumMeeting(t);
  full = await packJson();
  pub = await packJson('--public');
  const s = await hnb('summary', '--year', '2026-27', '--period', 'P7', '--json');
  summary = JSON.parse(s.out) as Record<string, number>;
}, 180_000);

afterAll(() => t?.close());

describe('hnb pack: the PDF', () => {
  it('writes the PDF and workbook named for the body and date into the folder', () => {
    expect(full.pdf).toBe(join(t.dir, 'out', 'County-Schools-Forum-2026-12-10-pack.pdf'));
    expect(full.workbook).toBe(join(t.dir, 'out', 'County-Schools-Forum-2026-12-10-pack.xlsx'));
    expect(pub.pdf).toBe(join(t.dir, 'out', 'County-Schools-Forum-2026-12-10-pack-public.pdf'));
    expect(full.appendices).toEqual([join(t.dir, 'out', 'County-Schools-Forum-2026-12-10-pack-item-6-appendix-B.xlsx')]);
    expect(readFileSync(full.appendices[0]!).subarray(0, 2).toString()).toBe('PK');
    expect(full.exemptItems).toEqual(['7']);
    expect(pub.exemptItems).toEqual(['7']);
  });

  it('has as many pages as it says, each with "Page n of N" and the body and date', () => {
    for (const pack of [full, pub]) {
      expect(pdfPageCount(pack.pdf)).toBe(pack.pages);
      const pages = pdfPageTexts(pack.pdf);
      expect(pages).toHaveLength(pack.pages);
      pages.forEach((text, i) => {
        expect(text).toContain(`Page ${i + 1} of ${pack.pages}`);
        expect(text).toContain('County Schools Forum · 10 December 2026');
      });
    }
  });

  it('puts each contents entry on the page it names, as printed on the contents page', () => {
    expect(full.contents.map((c) => c.number)).toEqual(['5', '6', '7']);
    for (const pack of [full, pub]) {
      const pages = pdfPageTexts(pack.pdf);
      const contentsPage = pages.find((p) => p.startsWith('Contents'))!;
      for (const c of pack.contents) {
        expect(pages[c.page - 1]).toContain(`Item ${c.number} ${flat(c.title)}`);
        expect(contentsPage).toContain(`${flat(c.title)} ${c.page}`);
      }
    }
  });

  it('opens with a cover and an agenda saying who may vote, tagged, A4, fonts embedded', () => {
    const pages = pdfPageTexts(full.pdf);
    expect(pages[0]).toContain('County Schools Forum');
    expect(pages[0]).toContain('Thursday 10 December 2026');
    expect(pages[0]).toContain('2.00pm');
    expect(pages[0]).toContain('Committee Room 2, County Hall');
    expect(pages[0]).toContain('forum.clerk@example.gov.uk');
    expect(pages[0]).toContain('01632 960123');
    expect(pages[0]).toContain('Full pack');
    expect(pdfPageTexts(pub.pdf)[0]).toContain('Public pack');
    expect(pages[1]).toMatch(/Item Title Presenter Purpose Who may vote/);
    expect(pages[1]).toContain('DSG position & deficit management Finance Business Partner Consultation Whole forum');
    const info = pdfInfo(full.pdf);
    expect(info.Tagged).toBe('yes');
    expect(info['Page size']).toContain('A4');
  });

  it('lays a paper with a wide table on landscape pages, the rest portrait', () => {
    const orientation = pdfPageOrientations(full.pdf);
    const [monitoring, position] = full.contents;
    const expected = orientation.map((_o, i) => (i + 1 >= monitoring!.page && i + 1 < position!.page ? 'landscape' : 'portrait'));
    expect(orientation).toEqual(expected);
    expect(orientation).toContain('landscape');
  });

  it('prints what a user typed as text, never as markup', () => {
    const text = pdfPageTexts(full.pdf).join(' ');
    expect(text).toContain(flat(HOSTILE_TEXT));
  });

  it('marks every page of the exempt paper in the full pack, and leaves its text out of the public pack', () => {
    const fullPages = pdfPageTexts(full.pdf);
    const exempt = full.contents.find((c) => c.number === '7')!;
    const exemptPages = fullPages.slice(exempt.page - 1);
    expect(exemptPages.join(' ')).toContain(EXEMPT_TEXT);
    for (const p of exemptPages) expect(p).toContain('NOT FOR PUBLICATION – Schedule 12A paragraph 3');
    for (const p of fullPages.slice(0, exempt.page - 1)) expect(p).not.toContain('NOT FOR PUBLICATION');

    const publicText = pdfPageTexts(pub.pdf).join(' ');
    expect(publicText).not.toContain(EXEMPT_TEXT);
    expect(publicText).not.toContain('NOT FOR PUBLICATION');
    expect(publicText).toContain(
      'Specialist transport contract award Exempt – Schedule 12A paragraph 3 Award of the specialist transport contract from April 2027.',
    );
    expect(pub.contents.map((c) => c.number)).toEqual(['5', '6']);
    expect(publicText).toContain(MONITORING_TEXT);
  });

  it('shows in the monitoring and position blocks the figures `hnb summary` gives', () => {
    const pages = pdfPageTexts(full.pdf);
    const monitoring = full.contents.find((c) => c.number === '5')!;
    const position = full.contents.find((c) => c.number === '6')!;
    const monitoringText = pages.slice(monitoring.page - 1, position.page - 1).join(' ');
    const positionText = pages[position.page - 1]!;
    for (const key of ['budgetPence', 'forecastPence', 'variancePence']) expect(monitoringText).toContain(formatPence(summary[key]!));
    for (const key of [
      'netFundingPence',
      'budgetPence',
      'forecastPence',
      'variancePence',
      'inYearPence',
      'broughtForwardPence',
      'contributionsPence',
      'carriedForwardPence',
    ]) {
      expect(positionText).toContain(formatPence(summary[key]!));
    }
    expect(monitoringText).toContain(`the variance stands at ${formatPence(summary.variancePence!)}.`);
  });
});

describe('hnb pack: the workbook', () => {
  it('has a cover, a contents sheet linking to every sheet, and one sheet per table', async () => {
    const wb = await workbook(full.workbook);
    const names = wb.worksheets.map((s) => s.name);
    expect(names.slice(0, 2)).toEqual(['Cover', 'Contents']);
    expect(names.length).toBe(2 + 5);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
    const contents = wb.getWorksheet('Contents')!;
    const links: string[] = [];
    contents.eachRow((row) => {
      const v = row.getCell(4).value as ExcelJS.CellFormulaValue | null;
      if (v && typeof v === 'object' && 'formula' in v) links.push(v.formula);
    });
    expect(links).toEqual(names.slice(2).map((n) => `HYPERLINK("#'${n}'!A1","${n}")`));
    const listed: string[] = [];
    contents.eachRow((row) => listed.push(String(row.getCell(3).value)));
    expect(listed).toContain(basename(full.appendices[0]!));
    for (const sheet of wb.worksheets) {
      expect(sheet.pageSetup.paperSize).toBe(9);
      expect(sheet.pageSetup.fitToWidth).toBe(1);
      expect(sheet.headerFooter.oddFooter).toContain('Page &P of &N');
    }
    const monitoring = wb.worksheets[2]!;
    expect(monitoring.name).toMatch(/^5 High Needs monitoring/);
    expect(monitoring.pageSetup.orientation).toBe('landscape');
    expect(monitoring.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    expect(wb.worksheets.find((s) => s.name.startsWith('7 '))!.headerFooter.oddHeader).toContain('NOT FOR PUBLICATION – Schedule 12A paragraph 3');
  });

  it('holds the same figures as `hnb summary`, in pounds with the GBP format', async () => {
    const wb = await workbook(full.workbook);
    const rowOf = (sheet: ExcelJS.Worksheet, label: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (row.values && (row.values as unknown[]).includes(label)) found = row;
      });
      return found!;
    };
    const monitoring = wb.worksheets[2]!;
    const total = rowOf(monitoring, 'Total High Needs expenditure');
    expect(total.getCell(3).value).toBe(summary.budgetPence! / 100);
    expect(total.getCell(4).value).toBe(summary.forecastPence! / 100);
    expect(total.getCell(5).value).toBe(summary.variancePence! / 100);
    expect(total.getCell(4).numFmt).toBe('"£"#,##0;-"£"#,##0;"£"0');
    const position = wb.worksheets.find((s) => s.name.startsWith('6 DSG position'))!;
    expect(rowOf(position, 'DSG balance carried forward').getCell(2).value).toBe(summary.carriedForwardPence! / 100);
    expect(rowOf(position, 'Net High Needs funding').getCell(2).value).toBe(summary.netFundingPence! / 100);
  });

  it('gives a table typed into a paper its own sheet: money in pounds, numbers as typed, text never a formula', async () => {
    const wb = await workbook(full.workbook);
    const typed = wb.worksheets.find((s) => s.name.startsWith('7 Table 1'))!;
    expect(typed.headerFooter.oddHeader).toContain('NOT FOR PUBLICATION – Schedule 12A paragraph 3');
    let header = 0;
    typed.eachRow((row, n) => {
      if (row.getCell(1).value === 'Rank') header = n;
    });
    expect(header).toBeGreaterThan(0);
    const first = typed.getRow(header + 1);
    expect([1, 2, 3, 4].map((c) => first.getCell(c).value)).toEqual([1, 'Elmwood Learning Ltd', 55800, 54]);
    expect(first.getCell(3).numFmt).toBe('"£"#,##0;-"£"#,##0;"£"0');
    expect(first.getCell(4).numFmt).toBe('#,##0.0');
    const hostile = typed.getRow(header + 2).getCell(2);
    expect(hostile.type).toBe(ExcelJS.ValueType.String);
    expect(hostile.value).toBe(FORMULA_TEXT);
    const listed: string[] = [];
    wb.getWorksheet('Contents')!.eachRow((row) => listed.push(String(row.getCell(3).value)));
    expect(listed).toContain('Table 1: bids that met the quality threshold, ranked by total score');
  });

  it('leaves the exempt paper’s tables out of the public workbook', async () => {
    const wb = await workbook(pub.workbook);
    expect(wb.worksheets.map((s) => s.name).filter((n) => n.startsWith('7 '))).toEqual([]);
    const listed: string[] = [];
    wb.getWorksheet('Contents')!.eachRow((row) => listed.push(String(row.getCell(3).value)));
    expect(listed.join(' ')).not.toContain('bids that met the quality threshold');
    expect(wb.worksheets.length).toBe(2 + 3);
    const cover: string[] = [];
    wb.getWorksheet('Cover')!.eachRow((row) => cover.push(String(row.getCell(1).value)));
    expect(cover.join(' ')).toContain('are not included: item 7 (Schedule 12A paragraph 3)');
  });
});

describe('hnb pack: refusals', () => {
  it('says clearly when no browser is found to lay the PDF out, writing nothing', async () => {
    const saved = process.env.HNB_BROWSER;
    process.env.HNB_BROWSER = join(t.dir, 'no-such-browser');
    try {
      const r = await hnb('pack', '--meeting', String(m.meetingId), '--out', 'nobrowser');
      expect(r.code).toBe(1);
      expect(r.err).toContain(`HNB_BROWSER names ${join(t.dir, 'no-such-browser')}, which does not exist`);
      expect(existsSync(join(t.dir, 'nobrowser'))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.HNB_BROWSER;
      else process.env.HNB_BROWSER = saved;
    }
  });

  it('exits 2 for a meeting that does not exist or an option that breaks a rule, writing nothing', async () => {
    const missing = await hnb('pack', '--meeting', '999', '--out', 'none', '--json');
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.out).error.code).toBe('NOT_FOUND');
    const bad = await hnb('pack', '--meeting', 'x', '--out', 'none');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--meeting must be a whole number');
    const noVersion = await hnb('pack', '--meeting', String(m.meetingId), '--version', '3', '--out', 'none');
    expect(noVersion.code).toBe(2);
    expect(noVersion.err).toContain('No pack has been published');
  });
});
