import { describe, expect, it } from 'vitest';
import {
  columnLetter,
  detectHeaderRow,
  isBlankRow,
  isSubtotalRow,
  mappingFromHeaderText,
  normaliseHeader,
  proposeMapping,
  type HeaderCell,
  type MappableField,
  type RawRow,
  type RawValue,
} from '../../../../../electron/server/workbooks/engine/header-detect';

const FIELDS: MappableField[] = [
  { field: 'id', header: 'Row id', aliases: [], required: false, type: 'id' },
  { field: 'code', header: 'Line code', aliases: ['cost centre', 'code', 'budget code', 'cc'], required: true, type: 'code' },
  { field: 'name', header: 'Budget line', aliases: ['description', 'line', 'name'], required: true, type: 'text' },
  { field: 'originalPence', header: 'Original budget', aliases: ['annual budget', 'budget', 'original'], required: false, type: 'money' },
  { field: 'forecastPence', header: 'Forecast outturn', aliases: ['forecast', 'projected outturn', 'outturn'], required: false, type: 'money' },
  { field: 'commentary', header: 'Commentary', aliases: ['comments', 'notes'], required: false, type: 'text' },
];

const TITLE = 'Northshire County Council';
const HEADER_TEXTS = ['Cost Centre', 'Description', 'Annual Budget (£)', 'Forecast Outturn', 'Variance', 'Comments'];

/** The shape a council finance system exports: merged title, report name, blank, run date, headers, data with subtotals. */
function financeExport(): RawRow[] {
  const cells: RawValue[][] = [
    // A1:H1 merged: the reader hands the master value to every cell of the merge.
    Array<RawValue>(8).fill(TITLE),
    ['High Needs Budget Report - Period 7 2025-26'],
    [],
    ['Run date: 03/11/2025 09:14'],
    HEADER_TEXTS,
    ['HN100', 'Top-up funding - mainstream', 1250000, 1310000, 60000, 'Pressure from EHCP growth'],
    ['HN110', 'Therapies total provision', 300000, 295000, -5000, null],
    ['Sub-total Mainstream', null, 1550000, 1605000, 55000, null],
    ['HN200', 'Special school places', 4000000, 4100000, 100000, ''],
    ['HN210', 'Special school top-ups', 800000, 790000, -10000, null],
    [null, null, 4800000, 4890000, 90000, null], // subtotal band: no label, just numbers
    [],
    ['Total', null, 6350000, 6495000, 145000, null],
  ];
  return cells.map((c, i) => ({ row: i + 1, cells: c }));
}

function header(col: number, text: string): HeaderCell {
  return { col, letter: columnLetter(col), text };
}

describe('columnLetter', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [28, 'AB'],
    [52, 'AZ'],
    [53, 'BA'],
    [702, 'ZZ'],
    [703, 'AAA'],
  ])('column %i is %s', (col, letter) => {
    expect(columnLetter(col)).toBe(letter);
  });

  it.each([0, -1, 1.5])('refuses %s', (col) => {
    expect(() => columnLetter(col)).toThrow(RangeError);
  });
});

describe('normaliseHeader', () => {
  it.each([
    ['Forecast  Outturn (£)', 'forecast outturn'],
    ['  Annual\nBudget:  ', 'annual budget'],
    ['Cost Centre*', 'cost centre'],
    ['Ref. #', 'ref'],
    ['Sub-total', 'sub total'],
    ['Year-to-date\r\nactuals', 'year to date actuals'],
    ['Variance %', 'variance %'],
  ])('%j -> %j', (input, expected) => {
    expect(normaliseHeader(input)).toBe(expected);
  });
});

describe('detectHeaderRow', () => {
  it('finds the header row below the merged title, report name, blank line and run date', () => {
    const found = detectHeaderRow(financeExport(), FIELDS);
    expect(found?.headerRow).toBe(5);
    expect(found?.headers).toEqual(HEADER_TEXTS.map((t, i) => header(i + 1, t)));
  });

  it('returns only the non-blank header cells, keeping their columns', () => {
    const rows: RawRow[] = [{ row: 1, cells: [null, 'Cost centre', '', 'Forecast\noutturn', '  ', 'Notes'] }];
    expect(detectHeaderRow(rows, FIELDS)?.headers).toEqual([header(2, 'Cost centre'), header(4, 'Forecast outturn'), header(6, 'Notes')]);
  });

  it('never picks a title, even a merged one whose words are a field name', () => {
    const rows: RawRow[] = [
      { row: 1, cells: Array<RawValue>(8).fill('Forecast outturn') },
      { row: 2, cells: ['Budget monitoring: forecast outturn and commentary'] },
      { row: 3, cells: ['Code', 'Comments'] },
    ];
    expect(detectHeaderRow(rows, FIELDS)?.headerRow).toBe(3);
  });

  it('a title that exactly names a field cannot beat a header row that matches only one field', () => {
    const header = { row: 3, cells: ['Forecast', 'Variance'] as RawValue[] };
    const merged = { row: 1, cells: Array<RawValue>(8).fill('Forecast outturn') };
    const single = { row: 1, cells: ['Forecast outturn'] as RawValue[] };
    expect(detectHeaderRow([merged, header], FIELDS)?.headerRow).toBe(3);
    expect(detectHeaderRow([single, header], FIELDS)?.headerRow).toBe(3);
  });

  it('never picks a row of numbers, even numbers that are some column headings', () => {
    const yearFields: MappableField[] = [
      { field: 'y2025', header: '2025', aliases: [], required: false, type: 'money' },
      { field: 'y2026', header: '2026', aliases: [], required: false, type: 'money' },
    ];
    const rows: RawRow[] = [
      { row: 1, cells: [2025, 2026] },
      { row: 2, cells: ['2025', '2026', '1,250.00'] },
      { row: 3, cells: [1250000, 1310000, 60000] },
    ];
    expect(detectHeaderRow(rows, yearFields)).toBeNull();
    expect(detectHeaderRow(rows, FIELDS)).toBeNull();
  });

  it('returns null when no row matches any field', () => {
    const rows: RawRow[] = [
      { row: 1, cells: ['Period', 'Run by'] },
      { row: 2, cells: ['P7', 'J Smith'] },
    ];
    expect(detectHeaderRow(rows, FIELDS)).toBeNull();
  });

  it('prefers exact header matches over rows that only contain field words', () => {
    const rows: RawRow[] = [
      { row: 1, cells: ['Original budget adjustments', 'Forecast outturn variance'] },
      { row: 2, cells: ['Original budget', 'Forecast outturn'] },
    ];
    expect(detectHeaderRow(rows, FIELDS)?.headerRow).toBe(2);
  });

  it('prefers the row that matches more fields', () => {
    const rows: RawRow[] = [
      { row: 1, cells: ['Section', 'Description'] },
      { row: 2, cells: ['Code', 'Description', 'Budget', 'Forecast'] },
    ];
    expect(detectHeaderRow(rows, FIELDS)?.headerRow).toBe(2);
  });

  it('breaks a tie in favour of the earlier row', () => {
    const rows: RawRow[] = [
      { row: 3, cells: ['Code', 'Description'] },
      { row: 9, cells: ['Code', 'Description'] },
    ];
    expect(detectHeaderRow(rows, FIELDS)?.headerRow).toBe(3);
  });

  it('only scans the first maxScan rows', () => {
    const rows: RawRow[] = [
      ...Array.from({ length: 34 }, (_, i) => ({ row: i + 1, cells: [`Note ${i + 1}`] as RawValue[] })),
      { row: 35, cells: ['Code', 'Description'] },
    ];
    expect(detectHeaderRow(rows, FIELDS)).toBeNull();
    expect(detectHeaderRow(rows, FIELDS, 40)?.headerRow).toBe(35);
  });

  it('copes with sparse rows and an empty sheet', () => {
    const sparse: RawValue[] = [];
    sparse[2] = 'Cost centre';
    sparse[5] = 'Description';
    expect(detectHeaderRow([{ row: 4, cells: sparse }], FIELDS)).toEqual({
      headerRow: 4,
      headers: [header(3, 'Cost centre'), header(6, 'Description')],
    });
    expect(detectHeaderRow([], FIELDS)).toBeNull();
  });
});

describe('proposeMapping', () => {
  const exportHeaders = HEADER_TEXTS.map((t, i) => header(i + 1, t));

  it('maps the finance export one column per field and leaves Variance unmapped', () => {
    const mapping = proposeMapping(exportHeaders, FIELDS);
    expect(mapping).toEqual({ code: 1, name: 2, originalPence: 3, forecastPence: 4, commentary: 6 });
    expect(Object.values(mapping)).not.toContain(5);
  });

  it('never maps an id field, even from a column with its exact header', () => {
    const mapping = proposeMapping([header(1, 'Row id'), header(2, 'Code')], FIELDS);
    expect(mapping).toEqual({ code: 2 });
  });

  it('gives a column to at most one field', () => {
    // "Budget code" is exactly code's alias and also contains originalPence's alias "budget".
    expect(proposeMapping([header(1, 'Budget code')], FIELDS)).toEqual({ code: 1 });
  });

  it('gives a field at most one column, choosing the best match', () => {
    const mapping = proposeMapping([header(1, 'Forecast'), header(2, 'Forecast outturn (£)'), header(3, 'Outturn')], FIELDS);
    expect(mapping).toEqual({ forecastPence: 1 });
  });

  it('assigns best matches first rather than first field first', () => {
    // Column A merely contains "forecast" and "notes"; column B is exactly "forecast".
    const mapping = proposeMapping([header(1, 'Notes on forecast'), header(2, 'Forecast')], FIELDS);
    expect(mapping).toEqual({ forecastPence: 2, commentary: 1 });
  });

  it('falls back to containment, then to shared words', () => {
    const mapping = proposeMapping([header(1, 'Cost centre ref'), header(2, 'Original budget 2025-26'), header(3, 'Outturn projection')], FIELDS);
    expect(mapping).toEqual({ code: 1, originalPence: 2, forecastPence: 3 });
    const places: MappableField = { field: 'places', header: 'Commissioned places', aliases: [], required: false, type: 'int' };
    expect(proposeMapping([header(1, 'Code'), header(2, 'Places commissioned (Sept)')], [...FIELDS, places])).toEqual({ code: 1, places: 2 });
  });

  it('ranks containment above shared words, however closely the words overlap', () => {
    const places: MappableField = { field: 'places', header: 'Commissioned places', aliases: [], required: false, type: 'int' };
    const forecast = FIELDS.find((f) => f.field === 'forecastPence')!;
    expect(proposeMapping([header(1, 'Places commissioned outturn')], [places, forecast])).toEqual({ forecastPence: 1 });
  });

  it('matches whole words only, either way round', () => {
    // "cc" (an alias of code) is inside "Accruals" but not as a word; "Centre" is a word of the alias "cost centre".
    expect(proposeMapping([header(1, 'Accruals'), header(2, 'Centre')], FIELDS)).toEqual({ code: 2 });
  });

  it('maps nothing from headers that match no field', () => {
    expect(proposeMapping([header(1, 'Variance'), header(2, 'RAG')], FIELDS)).toEqual({});
  });
});

describe('mappingFromHeaderText', () => {
  const exportHeaders = HEADER_TEXTS.map((t, i) => header(i + 1, t));

  it('maps header text (matched by normalised text) to field names', () => {
    const out = mappingFromHeaderText(exportHeaders, { 'cost centre': 'code', 'FORECAST OUTTURN (£)': 'forecastPence', Variance: 'Commentary' }, FIELDS);
    expect(out).toEqual({ mapping: { code: 1, forecastPence: 4, commentary: 5 }, problems: [] });
  });

  it('reports a header that is not in the header row and a field that does not exist', () => {
    const out = mappingFromHeaderText(exportHeaders, { 'Cost centre': 'code', 'Budget holder': 'commentary', Variance: 'variancePence' }, FIELDS);
    expect(out.mapping).toEqual({ code: 1 });
    expect(out.problems).toHaveLength(2);
    expect(out.problems[0]).toMatch(/^There is no column headed "Budget holder" in the header row/);
    expect(out.problems[1]).toMatch(/^"variancePence" is not a field of this workbook/);
    expect(out.problems[1]).toContain('forecastPence');
    for (const p of out.problems) expect(p).toMatch(/\.$/);
  });

  it('refuses to map the id field, and a field or column twice', () => {
    const out = mappingFromHeaderText(
      exportHeaders,
      { Description: 'id', Forecast: 'forecastPence', 'Forecast Outturn': 'forecastPence', 'Annual budget': 'forecastPence' },
      FIELDS,
    );
    // "Forecast" is not a header here; "Forecast Outturn" is column D; "Annual budget" would be a second column for forecastPence.
    expect(out.mapping).toEqual({ forecastPence: 4 });
    expect(out.problems).toHaveLength(3);
    expect(out.problems[0]).toContain('"id" cannot be imported');
    expect(out.problems[1]).toContain('"Forecast"');
    expect(out.problems[2]).toContain('"forecastPence" is mapped from more than one column');
  });
});

describe('isSubtotalRow', () => {
  const mapping = { code: 1, name: 2, originalPence: 3, forecastPence: 4, commentary: 6 };
  const rows = financeExport();
  const cellsOf = (rowNo: number) => rows.find((r) => r.row === rowNo)!.cells;

  it('keeps data rows, including "Therapies total provision" which has a real code', () => {
    expect(isSubtotalRow(cellsOf(6), mapping, 'code')).toBe(false);
    expect(isSubtotalRow(cellsOf(7), mapping, 'code')).toBe(false);
    expect(isSubtotalRow(cellsOf(9), mapping, 'code')).toBe(false);
  });

  it('skips "Sub-total Mainstream", the blank-key subtotal band and "Total"', () => {
    expect(isSubtotalRow(cellsOf(8), mapping, 'code')).toBe(true);
    expect(isSubtotalRow(cellsOf(11), mapping, 'code')).toBe(true);
    expect(isSubtotalRow(cellsOf(13), mapping, 'code')).toBe(true);
  });

  it.each([
    'Total',
    'TOTAL:',
    'Totals',
    'Subtotal',
    'Sub total',
    'Sub-Total Special',
    'Grand Total',
    'Net total',
    'Total for special schools',
    'Mainstream total',
    'Independent  sub-total',
  ])('a key cell saying %j is a subtotal', (label) => {
    expect(isSubtotalRow([label, null, 1, 2], mapping, 'code')).toBe(true);
  });

  it('looks at every text cell when the key is blank, not just the key column', () => {
    expect(isSubtotalRow([null, 'Total for special schools'], mapping, 'code')).toBe(true);
    expect(isSubtotalRow([null, null, null, null, null, 'Net total'], mapping, 'code')).toBe(true);
    expect(isSubtotalRow([null, null, null, null, null, null, null, 'Grand total'], mapping, 'code')).toBe(true);
  });

  it('treats a coded row as data when only its name mentions total, but not when a cell is a bare "Total" label', () => {
    expect(isSubtotalRow(['HN300', 'Total communication aids', 5000], mapping, 'code')).toBe(false);
    expect(isSubtotalRow(['HN310', 'Therapies total', 5000], mapping, 'code')).toBe(false);
    expect(isSubtotalRow(['HN320', 'Total', 5000], mapping, 'code')).toBe(true);
  });

  it('a blank key with text but no numbers or total words is not a subtotal (a wrapped comment line)', () => {
    expect(isSubtotalRow([null, null, null, null, null, 'continued from above'], mapping, 'code')).toBe(false);
  });

  it('with the fields given, only numbers in money columns make a blank-key subtotal band', () => {
    const stray: RawValue[] = [null, null, null, null, 42, 7];
    expect(isSubtotalRow(stray, mapping, 'code', FIELDS)).toBe(false); // E is unmapped, F is commentary
    expect(isSubtotalRow(stray, mapping, 'code')).toBe(true); // without types any mapped column counts
    expect(isSubtotalRow([null, null, '1,250.00'], mapping, 'code', FIELDS)).toBe(true);
  });

  it('filters the finance export down to its data lines', () => {
    const dataRows = rows.filter((r) => r.row > 5 && !isBlankRow(r.cells) && !isSubtotalRow(r.cells, mapping, 'code'));
    expect(dataRows.map((r) => r.cells[0])).toEqual(['HN100', 'HN110', 'HN200', 'HN210']);
  });
});

describe('isBlankRow', () => {
  it('is true when every cell is null, undefined, empty or whitespace', () => {
    expect(isBlankRow([])).toBe(true);
    expect(isBlankRow([null, '', '   ', '\n\t'])).toBe(true);
    expect(isBlankRow(new Array<RawValue>(6))).toBe(true);
    expect(isBlankRow([undefined as unknown as RawValue, null])).toBe(true);
  });

  it('is false when any cell has a value, including 0 and false', () => {
    expect(isBlankRow([null, 0])).toBe(false);
    expect(isBlankRow([false])).toBe(false);
    expect(isBlankRow(['', 'x'])).toBe(false);
    const sparse: RawValue[] = [];
    sparse[9] = 'late';
    expect(isBlankRow(sparse)).toBe(false);
  });
});
