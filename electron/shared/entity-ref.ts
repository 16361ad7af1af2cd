/**
 * A record named across features: "financial_year:2024-25", "budget_line:12". Locks, audit
 * scopes and history subjects are all entity references, so they work on any entity.
 */
export type EntityRef = string;

export function entityRef(entity: string, id: string | number): EntityRef {
  return `${entity}:${id}`;
}

export function splitRef(ref: EntityRef): { entity: string; id: string } {
  const at = ref.indexOf(':');
  return { entity: ref.slice(0, at), id: ref.slice(at + 1) };
}
