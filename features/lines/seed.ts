import type { Db } from '../../db/client';
import { budgetLine, provisionGroup, s251Line } from './schema';
import { PROVISION_GROUPS, S251_LINES, STANDARD_LINES } from './standard-data';

/** The DfE's s251 lines, the standard provision groups and a starting set of lines, all editable afterwards. */
export function seedStandardLines(db: Db): void {
  S251_LINES.forEach((l, i) => {
    db.insert(s251Line)
      .values({ code: l.code, name: l.name, sortOrder: i + 1 })
      .run();
  });
  const groupIds = new Map<string, number>();
  PROVISION_GROUPS.forEach((g, i) => {
    const row = db
      .insert(provisionGroup)
      .values({ code: g.code, name: g.name, sortOrder: (i + 1) * 10 })
      .returning({ id: provisionGroup.id })
      .get();
    groupIds.set(g.code, row.id);
  });
  STANDARD_LINES.forEach((l, i) => {
    db.insert(budgetLine)
      .values({ code: l.code, name: l.name, s251Code: l.s251, groupId: groupIds.get(l.group)!, sortOrder: (i + 1) * 10 })
      .run();
  });
}
