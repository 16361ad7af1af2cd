/**
 * The quarterly Safety Valve return attacked: hidden ids swapped or moved to another agreement's
 * condition; `_meta` naming another agreement, year or quarter; a condition renumbered since the
 * return was exported; text no cell should hold. Each lands on exactly the right condition's
 * quarter, or is refused by cell with nothing written.
 */
import type ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { SvAgreementInfo } from '../../../../features/recovery/types';
import { dumpTables, type TestServer, testServer } from '../../../support/workspace';
import { apply, cellRef, exported, messages, metaRow, NOW, previewOf, refusedAtStart, refusedToApply, set, tampered } from './support';

let t: TestServer;
afterEach(() => t?.close());

const SHEET = 'Safety Valve return';
const NAME = 'Safety Valve agreement 2024';
const SCOPE = { agreement: NAME, year: '2025-26', quarter: 4 };

async function agreement(name = NAME): Promise<SvAgreementInfo> {
  return (await t.ok('listSvAgreements', {})).find((a) => a.name === name)!;
}

/** On 1 March 2026: conditions 1–3 of the agreement, and a DBV agreement with conditions 1–3 too. */
async function setUp() {
  t = await testServer({ now: NOW });
  await t.ok('saveSvAgreement', { name: NAME, kind: 'safety_valve', signedOn: '2024-03-15', totalPence: 1_000_000_000 });
  await t.ok('saveSvAgreement', { name: 'DBV programme', kind: 'dbv', signedOn: '2023-09-01', totalPence: 100_000_000 });
  const sv = await agreement();
  const dbv = await agreement('DBV programme');
  for (const [i, text] of ['Mainstream inclusion', 'Fewer independent placements', 'The SEMH free school'].entries())
    await t.ok('saveSvCondition', { agreementId: sv.id, number: i + 1, text, target: `Target ${i + 1}` });
  for (let n = 1; n <= 3; n++) await t.ok('saveSvCondition', { agreementId: dbv.id, number: n, text: `DBV workstream ${n}` });
  return { sv: await agreement(), dbv: await agreement('DBV programme') };
}

const rowOf = (sh: ExcelJS.Worksheet, n: number) => {
  for (let r = 5; r <= sh.rowCount; r++) if (String(sh.getCell(r, 2).value) === String(n) && typeof sh.getCell(r, 1).value === 'number') return r;
  throw new Error(`no condition ${n}`);
};

/** Each condition's rating for a quarter, by condition id. */
function ratings(year: string, quarter: number): Record<number, string | null> {
  const rows = t.sqlite.prepare('SELECT condition_id, rag FROM sv_monitoring WHERE year_id = ? AND quarter = ?').raw().all(year, quarter) as Array<
    [number, string | null]
  >;
  return Object.fromEntries(rows);
}

describe('hidden ids moved', () => {
  it('two rows’ ids swapped: each rating lands on the condition its number names', async () => {
    const { sv } = await setUp();
    const [c1, c2] = sv.conditions;
    const bytes = await tampered(await exported(t, 'safety-valve-return', SCOPE), SHEET, (sh) => {
      const a = rowOf(sh, 1);
      const b = rowOf(sh, 2);
      sh.getCell(a, 1).value = c2!.id;
      sh.getCell(b, 1).value = c1!.id;
      set(sh, a, 'RAG', 'Green');
      set(sh, b, 'RAG', 'Red');
    });
    const p = await previewOf(t, bytes);
    expect(messages(p)).toEqual([]);
    await apply(t, p, { confirmFlags: true });
    expect(ratings('2025-26', 4)).toEqual({ [c1!.id]: 'green', [c2!.id]: 'red' });
  });

  it('_meta pointed at the DBV agreement by its id, or by its name: its conditions are not these rows’, refused by cell', async () => {
    const { dbv } = await setUp();
    const bytes = await exported(t, 'safety-valve-return', SCOPE);
    const before = dumpTables(t.sqlite);
    for (const value of [dbv.id, 'DBV programme']) {
      const p = await previewOf(
        t,
        await tampered(bytes, SHEET, (sh, meta) => {
          meta.getCell(metaRow(meta, 'scope.agreement'), 2).value = value;
          set(sh, rowOf(sh, 1), 'RAG', 'Green');
        }),
        'return.xlsx',
      );
      expect(messages(p)).toContainEqual(
        expect.stringMatching(
          /^Safety Valve return!A5 — must be the row id HNB Desk wrote for one of DBV programme's conditions .*which is condition 1 of Safety Valve agreement 2024$/,
        ),
      );
      await refusedToApply(t, p, before);
    }
  });

  it('_meta naming another year, same quarter: the rows say which quarter they are for, refused', async () => {
    await setUp();
    const bytes = await tampered(await exported(t, 'safety-valve-return', SCOPE), SHEET, (sh, meta) => {
      meta.getCell(metaRow(meta, 'scope.year'), 2).value = '2024-25';
      set(sh, rowOf(sh, 1), 'RAG', 'Green');
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes, 'return.xlsx');
    expect(messages(p)).toContainEqual(expect.stringMatching(/^Safety Valve return!E5 — every row must be for 2024-25 Q4, .* found "2025-26 Q4"$/));
    await refusedToApply(t, p, before);
  });

  it('a quarter cell cleared on one row is refused by cell', async () => {
    await setUp();
    let cell = '';
    const bytes = await tampered(await exported(t, 'safety-valve-return', SCOPE), SHEET, (sh) => {
      set(sh, rowOf(sh, 2), 'Quarter', null);
      set(sh, rowOf(sh, 2), 'RAG', 'Green');
      cell = cellRef(sh, rowOf(sh, 2), 'Quarter');
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes);
    expect(messages(p)).toContainEqual(expect.stringMatching(new RegExp(`^${cell} — every row must be for 2025-26 Q4`)));
    await refusedToApply(t, p, before);
  });
});

describe('conditions renumbered since the return was exported', () => {
  it('two conditions’ numbers swapped since: each report stays with the condition it was written about, or the file is refused', async () => {
    const { sv } = await setUp();
    const [, c2, c3] = sv.conditions;
    const bytes = await tampered(await exported(t, 'safety-valve-return', SCOPE), SHEET, (sh) => {
      set(sh, rowOf(sh, 2), 'RAG', 'Red');
      set(sh, rowOf(sh, 2), 'Narrative', `About ${c2!.text}`);
      set(sh, rowOf(sh, 3), 'RAG', 'Green');
    });
    // Condition 2 becomes 3 and 3 becomes 2, by way of 9.
    await t.ok('saveSvCondition', { agreementId: sv.id, id: c2!.id, number: 9, text: c2!.text });
    await t.ok('saveSvCondition', { agreementId: sv.id, id: c3!.id, number: 2, text: c3!.text });
    await t.ok('saveSvCondition', { agreementId: sv.id, id: c2!.id, number: 3, text: c2!.text });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes, 'return.xlsx');
    expect(messages(p)).toEqual([
      `Safety Valve return!B6 — this row was exported for "${c2!.text}", which is now condition 3; condition 2 is now "${c3!.text}". The conditions were renumbered after this return was exported, so nothing is applied: export the return again and copy the reports into it — found "2"`,
      `Safety Valve return!B7 — this row was exported for "${c3!.text}", which is now condition 2; condition 3 is now "${c2!.text}". The conditions were renumbered after this return was exported, so nothing is applied: export the return again and copy the reports into it — found "3"`,
    ]);
    await refusedToApply(t, p, before);
  });

  it('a condition renumbered and a new one given its old number: its report never lands on the new condition', async () => {
    const { sv } = await setUp();
    const c3 = sv.conditions[2]!;
    const bytes = await tampered(await exported(t, 'safety-valve-return', SCOPE), SHEET, (sh) => set(sh, rowOf(sh, 3), 'RAG', 'Red'));
    await t.ok('saveSvCondition', { agreementId: sv.id, id: c3.id, number: 4, text: c3.text });
    await t.ok('saveSvCondition', { agreementId: sv.id, number: 3, text: 'A new condition' });
    const c4 = (await agreement()).conditions.find((c) => c.text === 'A new condition')!;
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes, 'return.xlsx');
    expect(messages(p)).toContainEqual(
      expect.stringMatching(
        /^Safety Valve return!B7 — this row was exported for "The SEMH free school", which is now condition 4; condition 3 is now "A new condition"\./,
      ),
    );
    await refusedToApply(t, p, before);
    expect(ratings('2025-26', 4)[c4.id]).toBeUndefined();
  });
});

describe('values no return holds', () => {
  it.each<[string, string, unknown, RegExp]>([
    ['a narrative of 4,001 characters', 'Narrative', 'n'.repeat(4001), /Narrative must be at most 4000 characters/],
    ['figures of 1,001 characters', 'Figures', 'f'.repeat(1001), /Figures must be at most 1000 characters/],
    ['an Excel error for figures', 'Figures', { formula: '1/0', result: { error: '#DIV/0!' } }, /Figures must not be an Excel error — found #DIV\/0!/],
    [
      'a formula for the RAG with no saved value',
      'RAG',
      { formula: 'IF(1,"Red","Green")' },
      /RAG a formula needs its saved value: open the file in Excel, save it, and import again — found =IF/,
    ],
    ['TRUE for the RAG', 'RAG', true, /RAG must be one of the rag values in the list — found TRUE/],
  ])('%s is refused by cell, nothing written', async (_what, header, value, message) => {
    await setUp();
    let cell = '';
    const bytes = await tampered(await exported(t, 'safety-valve-return', SCOPE), SHEET, (sh) => {
      set(sh, rowOf(sh, 1), header, value as never);
      cell = cellRef(sh, rowOf(sh, 1), header);
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes, 'return.xlsx');
    expect(messages(p)).toContainEqual(expect.stringMatching(new RegExp(`^${cell} — ${message.source}`)));
    await refusedToApply(t, p, before);
  });

  it('a formula with its saved value, and a number typed as figures, are read as text on their own condition', async () => {
    const { sv } = await setUp();
    const [c1, c2] = sv.conditions;
    const bytes = await tampered(await exported(t, 'safety-valve-return', SCOPE), SHEET, (sh) => {
      set(sh, rowOf(sh, 1), 'RAG', { formula: 'IF(1,"Amber","Green")', result: 'Amber' } as never);
      set(sh, rowOf(sh, 2), 'Figures', 252);
    });
    await apply(t, await previewOf(t, bytes));
    const rows = t.sqlite
      .prepare('SELECT condition_id, rag, figures FROM sv_monitoring WHERE year_id = ? AND quarter = 4 ORDER BY condition_id')
      .all('2025-26');
    expect(rows).toEqual([
      { condition_id: c1!.id, rag: 'amber', figures: '' },
      { condition_id: c2!.id, rag: null, figures: '252' },
    ]);
  });

  it('the return for a quarter in a year the workspace does not hold, through _meta, is refused or has nothing to land on', async () => {
    await setUp();
    const bytes = await tampered(await exported(t, 'safety-valve-return', SCOPE), SHEET, (_sh, meta) => {
      meta.getCell(metaRow(meta, 'scope.year'), 2).value = '2025/26';
    });
    const before = dumpTables(t.sqlite);
    const e = await refusedAtStart(t, bytes, before);
    expect(JSON.stringify(e)).toMatch(/_meta!B\d+/);
  });
});
