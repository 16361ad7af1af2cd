/** The workbook kinds the features declared: the one list, looked up by name. */
import { AppError } from '../../shared/errors';
import { type KindDef, kindInfo } from './engine/kind';
import type { KindInfo } from '../../shared/workbook-types';

export class KindRegistry {
  private readonly byName = new Map<string, KindDef>();

  constructor(kinds: readonly KindDef[]) {
    for (const k of kinds) {
      if (this.byName.has(k.kind)) throw new Error(`Two workbook kinds are named "${k.kind}"`);
      this.byName.set(k.kind, k);
    }
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  get names(): string[] {
    return [...this.byName.keys()];
  }

  /** The kind, or an error listing the ones there are. */
  get(name: string): KindDef {
    const def = this.byName.get(name);
    if (!def)
      throw new AppError('INVALID_INPUT', `There is no workbook kind "${name}". Known kinds: ${this.names.join(', ')}.`, {
        issues: [{ field: 'kind', rule: 'must be a known workbook kind', message: `"${name}" is not one of ${this.names.join(', ')}` }],
      });
    return def;
  }

  info(): KindInfo[] {
    return [...this.byName.values()].map(kindInfo);
  }
}
