import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { budgetLine, changeSet, provisionGroup, s251Line, workspace } from '../../db/schema';
import { PROVISION_GROUPS, S251_LINES, STANDARD_LINES } from '../../features/lines/standard-data';

/** A new workspace's identity and standard reference data. Call inside a transaction. */
export function seedStandardData(db: Db, opts: { name: string; who: string; at: string; isDemo?: boolean }): void {
  db.insert(workspace)
    .values({ id: randomUUID(), name: opts.name, isDemo: opts.isDemo ?? false, createdAt: opts.at, createdBy: opts.who })
    .run();
  S251_LINES.forEach((l, i) =>
    db
      .insert(s251Line)
      .values({ code: l.code, name: l.name, sortOrder: i + 1 })
      .run(),
  );
  const groupIds = new Map<string, number>();
  PROVISION_GROUPS.forEach((g, i) => {
    const row = db
      .insert(provisionGroup)
      .values({ code: g.code, name: g.name, sortOrder: (i + 1) * 10 })
      .returning({ id: provisionGroup.id })
      .get();
    groupIds.set(g.code, row.id);
  });
  STANDARD_LINES.forEach((l, i) =>
    db
      .insert(budgetLine)
      .values({ code: l.code, name: l.name, s251Code: l.s251, groupId: groupIds.get(l.group)!, sortOrder: (i + 1) * 10 })
      .run(),
  );
  db.insert(changeSet).values({ at: opts.at, who: opts.who, kind: 'system', label: 'Workspace created with standard lines' }).run();
}
