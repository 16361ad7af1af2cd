import type ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { exportBytes, loadWorkbook } from '../../support/workbooks';
import { type TestServer, testServer } from '../../support/workspace';

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

/** Every text a person sees in a workbook: cell values, header and footer; `_meta` is for HNB Desk, not for people. */
function visibleText(wb: ExcelJS.Workbook): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const sheet of wb.worksheets) {
    if (sheet.name === '_meta') continue;
    const hf = sheet.headerFooter ?? {};
    for (const v of Object.values(hf)) if (typeof v === 'string') out.push([`${sheet.name} header/footer`, v]);
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.value instanceof Date) out.push([`${sheet.name}!${cell.address}`, 'a Date value']);
        else if (typeof cell.value === 'string') out.push([`${sheet.name}!${cell.address}`, cell.value]);
        else if (cell.value && typeof cell.value === 'object' && 'richText' in cell.value)
          out.push([`${sheet.name}!${cell.address}`, cell.value.richText.map((r) => r.text).join('')]);
      });
    });
  }
  return out;
}

let t: TestServer;
afterEach(() => t?.close());

describe('dates in the workbooks HNB Desk writes are UK dates, never ISO', () => {
  it('holds for the forum report, the monitoring return and the budget workbook', async () => {
    t = await testServer({ demo: true });
    const report = await t.ok('buildMonitoringWorkbook', { year: '2026-27', period: 7 });
    const books = {
      report: await loadWorkbook(Buffer.from(report.base64, 'base64')),
      monitoring: await loadWorkbook(await exportBytes(t, { kind: 'monitoring', year: '2026-27', period: 7 })),
      budget: await loadWorkbook(await exportBytes(t, { kind: 'budget', year: '2026-27' })),
    };
    for (const [name, wb] of Object.entries(books)) {
      const texts = visibleText(wb);
      expect(texts.length, name).toBeGreaterThan(20);
      expect(
        texts.filter(([, text]) => ISO_DATE.test(text) || text === 'a Date value'),
        name,
      ).toEqual([]);
    }
    // The allocation version's date, which once came out as 2025-12-19, reads as a person writes it.
    expect(visibleText(books.report).some(([, text]) => /\(DSG allocations, December, 19 December 2025\)/.test(text))).toBe(true);
  });
});
