import { and, asc, eq } from 'drizzle-orm';
import { columnMapping } from '../../../db/schema/imports';
import type { SavedMapping } from '../../shared/workbook-types';
import type { Workspace } from '../workspace';

function toInfo(r: typeof columnMapping.$inferSelect): SavedMapping {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    columns: JSON.parse(r.columns) as Record<string, string>,
    headerRow: r.headerRow,
    savedAt: r.savedAt,
  };
}

export function listMappings(ws: Workspace, kind?: string): SavedMapping[] {
  const q = ws.db.select().from(columnMapping);
  return (kind ? q.where(eq(columnMapping.kind, kind)) : q).orderBy(asc(columnMapping.name)).all().map(toInfo);
}

/**
 * Saves a mapping by name (replacing one of the same name for the kind). Kept by header text,
 * not column letter, so next year's file maps itself even if its columns move. Mappings are
 * settings, not figures, so they are not part of the audit trail.
 */
export function saveMapping(ws: Workspace, input: { name: string; kind: string; columns: Record<string, string>; headerRow?: number | null }): SavedMapping {
  const name = input.name.trim();
  return ws.opened.sqlite.transaction(() => {
    const existing = ws.db
      .select()
      .from(columnMapping)
      .where(and(eq(columnMapping.kind, input.kind), eq(columnMapping.name, name)))
      .get();
    const values = {
      columns: JSON.stringify(input.columns),
      headerRow: input.headerRow ?? null,
      savedAt: ws.actor.now().toISOString(),
      savedBy: ws.actor.who(),
    };
    const row = existing
      ? ws.db.update(columnMapping).set(values).where(eq(columnMapping.id, existing.id)).returning().get()
      : ws.db
          .insert(columnMapping)
          .values({ name, kind: input.kind, ...values })
          .returning()
          .get();
    return toInfo(row);
  })();
}

export function deleteMapping(ws: Workspace, id: number): number {
  return ws.db.delete(columnMapping).where(eq(columnMapping.id, id)).run().changes;
}
