import { eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { budgetLine } from '../../../../db/schema';
import { REGISTRY } from '../../../../electron/server/features';
import { TableStatements } from '../../../../electron/server/audit/table-statements';
import { testServer, type TestServer } from '../../../support/workspace';

let t: TestServer | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

describe('prepared row statements for the recorder', () => {
  it('read every audited table exactly as drizzle does (booleans, nulls, text ids)', async () => {
    t = await testServer({ demo: true });
    const db = t.server.workspace!.db;
    // The demo attaches no appendix: give one paper a one-page PDF.
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const paperId = (t.sqlite.prepare('SELECT id FROM paper ORDER BY id DESC LIMIT 1').pluck().get() as number) ?? 0;
    await t.ok('addAppendix', { paperId, title: 'A page', file: { fileName: 'page.pdf', base64: Buffer.from(await pdf.save()).toString('base64') } });
    for (const { entity: name, table } of REGISTRY.audit.entities) {
      if (name === 'setting' || name === 'lock') continue; // empty in the demo
      // Published packs need a browser: the demo's is published after loading, by `hnb init --demo`.
      if (name === 'pack_version' || name === 'pack_file') continue;
      const st = new TableStatements(t.sqlite, table);
      const rows = db.select().from(table).all() as Array<{ id: unknown }>;
      expect(rows.length, name).toBeGreaterThan(0);
      for (const row of rows.slice(0, 25)) expect(st.read(row.id), name).toEqual(row);
      expect(st.read(name === 'financial_year' || name === 'workspace' ? '1999-00' : 987654)).toBeUndefined();
    }
  });

  it('update, insert (defaults filled) and delete land as drizzle would read them back', async () => {
    t = await testServer({ demo: true });
    const db = t.server.workspace!.db;
    const st = new TableStatements(t.sqlite, budgetLine);
    const first = db.select().from(budgetLine).limit(1).get()!;
    st.update(first.id, { active: false, holder: 'New Holder', s251Code: null });
    expect(db.select().from(budgetLine).where(eq(budgetLine.id, first.id)).get()).toEqual({ ...first, active: false, holder: 'New Holder', s251Code: null });

    const added = st.insert({ code: 'T-1', name: 'Test line', groupId: first.groupId, sortOrder: 999 });
    expect(added).toEqual(
      db
        .select()
        .from(budgetLine)
        .where(eq(budgetLine.id, added.id as number))
        .get(),
    );
    expect(added).toMatchObject({ active: true, holder: '', s251Code: null });

    st.delete(added.id);
    expect(
      db
        .select()
        .from(budgetLine)
        .where(eq(budgetLine.id, added.id as number))
        .get(),
    ).toBeUndefined();
  });
});
