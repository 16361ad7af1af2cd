import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpTables, type TestServer, testServer } from '../../../support/workspace';

let t: TestServer;
beforeAll(async () => {
  t = await testServer({ demo: true });
});
afterAll(() => t.close());

describe('listBlockKinds', () => {
  it('lists every feature’s blocks with the fields the editor asks for', async () => {
    const kinds = await t.ok('listBlockKinds', {});
    expect(kinds.map((k) => [k.kind, k.inline])).toEqual([
      ['monitoring-table', false],
      ['monitoring-movement', false],
      ['position-table', false],
      ['position-chart', false],
      ['figure', true],
      ['plan-table', false],
      ['plan-chart', false],
      ['scenario-compare', false],
      ['register-table', false],
      ['agreements-decisions', false],
      ['allocation-table', false],
      ['allocation-compare', false],
      ['buy-in', false],
      ['returns-position', false],
    ]);
    const fig = kinds.find((k) => k.kind === 'figure')!;
    expect(fig.fields.map((f) => f.type)).toEqual(['year', 'period', 'choice']);
    expect(fig.fields[2]!.choices).toContainEqual({ value: 'variance', label: 'Forecast overspend (variance)' });
  });
});

describe('previewBlock', () => {
  it('renders today’s figures as print HTML with its styles, and an inline figure’s text', async () => {
    const table = await t.ok('previewBlock', { kind: 'monitoring-table', settings: { year: '2026-27', period: 7 } });
    expect(table.problem).toBeNull();
    expect(table.caption).toBe('High Needs monitoring, 2026-27 at P7 (October 2026)');
    expect(table.html).toMatch(/^<style>[^<]*\.block-table/);
    expect(table.html).toContain('<table class="block-table"><caption>High Needs monitoring, 2026-27 at P7 (October 2026)</caption>');
    const summary = await t.ok('getSummary', { year: '2026-27', period: 7 });
    const fig = await t.ok('previewBlock', { kind: 'figure', settings: { year: '2026-27', period: 'P7', measure: 'variance' } });
    expect(fig.text).toBe(t.server.workspace!.money().format(summary.variancePence));
  });

  it('says when the data a block names is gone, rather than refusing', async () => {
    const r = await t.ok('previewBlock', { kind: 'position-table', settings: { year: '2031-32', period: 7 } });
    expect(r.problem).toBe("The block 'DSG position' names 2031-32, which is not in this workspace.");
    expect(r.html).toContain('[data no longer available: The block &#39;DSG position&#39; names 2031-32');
  });

  it('refuses an unknown kind, settings it cannot read and a meeting that is not there, writing nothing', async () => {
    const before = dumpTables(t.sqlite);
    const unknown = await t.refused('previewBlock', { kind: 'recovery-register', settings: {} });
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', message: 'There is no live block of kind "recovery-register". Choose one from the Insert menu.' });
    const bad = await t.refused('previewBlock', { kind: 'monitoring-table', settings: { year: '2026/27', period: 13 } });
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.details!.issues!.map((i) => i.message)).toEqual([
      'Year must be a financial year such as 2026-27 (April to March)',
      'Period must be a period from P1 (April) to P12 (March)',
    ]);
    expect((await t.refused('previewBlock', { kind: 'monitoring-table', settings: { year: '2026-27', period: 7 }, meetingId: 9999 })).code).toBe('NOT_FOUND');
    expect(dumpTables(t.sqlite)).toEqual(before);
  });
});
