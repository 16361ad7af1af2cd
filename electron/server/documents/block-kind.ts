/**
 * Live content blocks: a table, a chart or a single figure placed in a paper, read from the
 * workspace's data until the pack is published. Each feature declares its own block kinds in its
 * server.ts (`blocks: [...]`), so the plan, the recovery register and the allocations add theirs
 * without touching the pack code. A block is loaded into a snapshot (plain JSON) and rendered
 * from the snapshot alone, so a published pack re-renders exactly from what was stored.
 */
import type { z } from 'zod';
import type { EntityRef } from '../../shared/entity-ref';
import type { MoneyFormat } from '../../shared/money';
import type { Workspace } from '../workspace';

/** A table as both the PDF and the workbook show it. Money cells hold pence. */
export interface BlockTable {
  title: string;
  columns: Array<{
    header: string;
    kind: 'text' | 'money' | 'number' | 'percent' /** A number column's decimal places; whole numbers when absent. */;
    decimals?: number;
  }>;
  rows: Array<{ cells: Array<string | number | null>; style?: 'group' | 'subtotal' | 'total' }>;
  /** Under the table: the source and date of the figures. */
  note?: string;
}

/** A figure that a re-issue compares, old -> new. */
export interface BlockFigure {
  key: string;
  label: string;
  pence: number | null;
}

export interface BlockRendered {
  /** "High Needs monitoring, 2026-27 at P7 (October 2026)" */
  caption: string;
  /** Print HTML, every text escaped; an inline figure's html is a <span>. */
  html: string;
  /** The tables the workbook gets one sheet each for. */
  tables: BlockTable[];
  /** An inline figure's text ("£3,749,700"). */
  text: string | null;
  figures: BlockFigure[];
  /** Needs a landscape page in the PDF. */
  wide: boolean;
}

export interface BlockContext {
  /** The meeting the paper belongs to, when there is one ("movement since the previous meeting"). */
  meetingId?: number;
  /**
   * The live blocks in the papers of the same body's previous meeting, given by the meetings
   * feature, so a block can follow on from what members saw last time without a block kind
   * reading the meetings tables itself.
   */
  previousMeetingBlocks?: () => Array<{ kind: string; settings: Record<string, unknown> }>;
}

export interface BlockKind<S = Record<string, unknown>> {
  kind: string;
  label: string;
  inline: boolean;
  /** What the editor asks for. A choice among the workspace's own records (a scenario) lists them with `choicesOf`. */
  fields: Array<{
    key: string;
    label: string;
    type: 'year' | 'period' | 'choice';
    choices?: Array<{ value: string; label: string }>;
    choicesOf?: (ws: Workspace) => Array<{ value: string; label: string }>;
  }>;
  settings: z.ZodType<S>;
  /**
   * Reads today's data into a JSON snapshot. Throws AppError('NOT_FOUND', sentence) when the data
   * the settings name no longer exists (a year deleted, a period never forecast).
   */
  load(ws: Workspace, settings: S, ctx: BlockContext): unknown;
  /** Pure: the same snapshot always renders the same. */
  render(snapshot: unknown, money: MoneyFormat): BlockRendered;
  /**
   * The records a published pack showing this block must freeze (an allocation run): publishing
   * locks them in the same change, so the figures printed can never move under the pack. Given
   * the block's settings and the snapshot `load` made for the pack (which says, say, which run
   * "last year's" turned out to be).
   */
  freezes?(settings: S, snapshot: unknown): EntityRef[];
}

// biome-ignore lint/suspicious/noExplicitAny: each block kind has its own settings type
export type AnyBlockKind = BlockKind<any>;

/** A block kind as the editor is told of it: plain data, its choices read from the workspace now. */
export function describeBlockKind(k: AnyBlockKind, ws: Workspace) {
  return {
    kind: k.kind,
    label: k.label,
    inline: k.inline,
    fields: k.fields.map(({ choicesOf, ...f }) => (choicesOf ? { ...f, choices: choicesOf(ws) } : { ...f })),
  };
}

/** The records the given live blocks freeze when published (see `BlockKind.freezes`); blocks whose settings do not read are left out. */
export function frozenRefs(registry: BlockRegistry, blocks: Iterable<{ kind: string; settings: Record<string, unknown>; snapshot?: unknown }>): EntityRef[] {
  const out = new Set<EntityRef>();
  for (const b of blocks) {
    const kind = registry.get(b.kind);
    if (!kind?.freezes) continue;
    const parsed = kind.settings.safeParse(b.settings);
    if (parsed.success) for (const ref of kind.freezes(parsed.data, b.snapshot)) out.add(ref);
  }
  return [...out];
}

export class BlockRegistry {
  private readonly byKind = new Map<string, AnyBlockKind>();

  constructor(kinds: readonly AnyBlockKind[]) {
    for (const k of kinds) {
      if (this.byKind.has(k.kind)) throw new Error(`Two features define the block kind "${k.kind}"`);
      this.byKind.set(k.kind, k);
    }
  }

  get(kind: string): AnyBlockKind | undefined {
    return this.byKind.get(kind);
  }

  list(): AnyBlockKind[] {
    return [...this.byKind.values()];
  }
}
