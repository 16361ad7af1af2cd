import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBytes, previewOf } from '../../../support/workbooks';
import { type TestServer, testServer } from '../../../support/workspace';

let t: TestServer;
beforeAll(async () => {
  t = await testServer({ demo: true, now: () => new Date('2026-12-03T12:00:00Z') });
});
afterAll(() => t.close());

describe('the demo register', () => {
  it('lists its projects and round trips both workbooks unchanged', async () => {
    const list = await t.ok('listProjects', {});
    expect(list.length).toBeGreaterThan(0);
    const p = await previewOf(t, await exportBytes(t, { kind: 'projects', year: '2026-27' }));
    expect(p.counts).toMatchObject({ changed: 0, added: 0, errors: 0, unchanged: list.length });
    const f = await t.ok('exportWorkbook', { kind: 'project-kpis', scope: {} });
    const k = await previewOf(t, Buffer.from(f.base64, 'base64'));
    expect(k.counts).toMatchObject({ changed: 0, added: 0, errors: 0 });
    expect(k.counts.unchanged).toBeGreaterThan(0);
  });
});
