import { isNull } from 'drizzle-orm';
import { defineHandlers } from '../../../electron/server/handler';
import type { Workspace } from '../../../electron/server/workspace';
import { partnership, schoolDataColumn } from '../schema';
import { factorsOf, runDataOf, runDetail, runPartnershipsOf } from './queries';
import { inputsFileName, resultsFileName, type WorkbookMeta, writeInputsWorkbook, writeResultsWorkbook } from './workbooks';

const metaOf = (ws: Workspace): WorkbookMeta => ({ authority: ws.info().name, exportedBy: ws.actor.who(), exportedAt: ws.actor.now(), money: ws.money() });

export const runExportHandlers = defineHandlers({
  buildAllocationWorkbook: async (input, { ws }) => {
    const d = runDetail(ws.db, input.runId);
    const keys = new Map(factorsOf(ws.db, d.id).flatMap((f) => f.columns.map((c) => [c.columnId, c.key] as const)));
    const data = runDataOf(ws.db, d.id);
    const rows = runPartnershipsOf(ws.db, d.id).map((p) => ({
      partnership: p.name,
      values: Object.fromEntries(
        [...(data.get(p.partnershipId) ?? new Map<number, bigint>())].map(([c, e4]) => [keys.get(c) ?? String(c), Number(e4) / 10_000]),
      ),
    }));
    const buffer = await writeResultsWorkbook(d, rows, metaOf(ws));
    return { fileName: resultsFileName(d), base64: buffer.toString('base64') };
  },

  buildRunInputsWorkbook: async (input, { ws }) => {
    const d = runDetail(ws.db, input.runId);
    const places = new Map(d.allocations.map((a) => [a.partnershipId, a.places] as const));
    const tops = ws.db
      .select({ id: partnership.id, name: partnership.name })
      .from(partnership)
      .where(isNull(partnership.parentId))
      .all()
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
      .map((p) => ({ name: p.name, places: places.get(p.id) ?? 0 }));
    const columns = ws.db
      .select({ key: schoolDataColumn.key, name: schoolDataColumn.name, sortOrder: schoolDataColumn.sortOrder })
      .from(schoolDataColumn)
      .all()
      .sort((a, b) => a.sortOrder - b.sortOrder || a.key.localeCompare(b.key));
    const buffer = await writeInputsWorkbook(d, tops, columns, metaOf(ws));
    return { fileName: inputsFileName(d), base64: buffer.toString('base64') };
  },
});
