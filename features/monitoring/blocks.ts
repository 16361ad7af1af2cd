/**
 * Live blocks a paper can hold from monitoring: the High Needs monitoring table as the forum's
 * report shows it, and the movement in forecast since an earlier period (by default, the one the
 * body's previous meeting saw). Each loads today's figures into a plain snapshot and renders
 * from the snapshot alone, so a published pack re-renders exactly.
 */
import { z } from 'zod';
import type { BlockContext, BlockFigure, BlockKind, BlockRendered, BlockTable } from '../../electron/server/documents/block-kind';
import {
  blockFromPeriod,
  blockNotFound,
  blockPeriod,
  blockYear,
  YEAR_PERIOD_FIELDS,
  yearPeriodSettings,
} from '../../electron/server/documents/blocks/block-common';
import { blockTableHtml } from '../../electron/server/documents/blocks/table-html';
import type { Workspace } from '../../electron/server/workspace';
import { AppError } from '../../electron/shared/errors';
import type { MoneyFormat } from '../../electron/shared/money';
import { periodLongLabel } from '../../electron/shared/periods';
import { allYears } from '../years/queries';
import { loadLineYears } from './queries';
import { computeMonitoring, forecastAt, type LineYear } from './rules';

type Measures<K extends string> = Record<K, number>;

const TABLE_MEASURES = ['budgetPence', 'forecastPence', 'variancePence', 'previousPence', 'movementPence', 'actualPence'] as const;
type TableMeasure = (typeof TABLE_MEASURES)[number];
const TABLE_LABELS: Record<TableMeasure, string> = {
  budgetPence: 'revised budget',
  forecastPence: 'forecast outturn',
  variancePence: 'variance',
  previousPence: 'previous forecast',
  movementPence: 'movement',
  actualPence: 'actual to date',
};

export interface MonitoringTableSnapshot {
  year: string;
  period: number;
  closed: boolean;
  groups: Array<
    { code: string; name: string } & Measures<TableMeasure> & {
        lines: Array<{ code: string; name: string; commentary: string } & Measures<Exclude<TableMeasure, 'actualPence'>> & { actualPence: number | null }>;
      }
  >;
  total: Measures<TableMeasure>;
}

const MOVE_MEASURES = ['fromPence', 'toPence', 'movementPence'] as const;
type MoveMeasure = (typeof MOVE_MEASURES)[number];

export interface MonitoringMovementSnapshot {
  year: string;
  period: number;
  /** 0: the revised budget, before any forecast. */
  fromPeriod: number;
  /** Why this period was compared with: chosen, the previous meeting's, or the month before. */
  fromSource: 'chosen' | 'previous meeting' | 'previous month';
  groups: Array<
    { code: string; name: string } & Measures<MoveMeasure> & { lines: Array<{ code: string; name: string; commentary: string } & Measures<MoveMeasure>> }
  >;
  total: Measures<MoveMeasure>;
}

const MONITORING_LABEL = 'High Needs monitoring';
const MOVEMENT_LABEL = 'Movement in forecast';

/**
 * A year's lines at a period that has been reported: a block that names a year not in the
 * workspace, or a month nobody has forecast yet, is refused in a sentence naming the block.
 */
export function reportedLines(ws: Workspace, label: string, year: string, period: number): { lines: LineYear[]; closed: boolean } {
  const y = allYears(ws.db).find((r) => r.id === year);
  if (!y) throw blockNotFound(label, `names ${year}, which is not in this workspace.`);
  const lines = loadLineYears(ws.db, year);
  const closed = y.status === 'closed';
  const reported = lines.some((l) => {
    const e = l.entries.get(period);
    return !!e && (e.forecastPence !== null || e.reviewed);
  });
  if (!reported && !(closed && period === 12)) {
    throw blockNotFound(label, `names ${year} at ${periodLongLabel(year, period)}, but no forecast has been recorded for that month yet.`);
  }
  return { lines, closed };
}

const sumOf = <K extends string>(keys: readonly K[], rows: Array<Measures<K> | Record<K, number | null>>): Measures<K> =>
  Object.fromEntries(keys.map((k) => [k, rows.reduce((s, r) => s + ((r[k] as number | null) ?? 0), 0)])) as Measures<K>;

function tableSnapshot(ws: Workspace, year: string, period: number): MonitoringTableSnapshot {
  const { lines, closed } = reportedLines(ws, MONITORING_LABEL, year, period);
  const m = computeMonitoring(lines, period);
  const groups = m.groups.map((g) => ({
    code: g.code,
    name: g.name,
    budgetPence: g.budgetPence,
    forecastPence: g.forecastPence,
    variancePence: g.variancePence,
    previousPence: g.previousPence,
    movementPence: g.movementPence,
    actualPence: g.actualPence,
    lines: m.rows
      .filter((r) => r.groupId === g.groupId)
      .map((r) => ({
        code: r.code,
        name: r.name,
        budgetPence: r.budgetPence,
        forecastPence: r.forecastPence,
        variancePence: r.variancePence,
        previousPence: r.previousPence,
        movementPence: r.movementPence,
        actualPence: r.actualPence,
        commentary: r.commentary,
      })),
  }));
  return { year, period, closed, groups, total: { ...m.total } };
}

function tableRender(s: MonitoringTableSnapshot, money: MoneyFormat): BlockRendered {
  const when = periodLongLabel(s.year, s.period);
  const caption = `${MONITORING_LABEL}, ${s.year} at ${when}${s.closed && s.period === 12 ? ' (outturn)' : ''}`;
  const previous = s.period === 1 ? 'the budget' : `P${s.period - 1}`;
  const table: BlockTable = {
    title: caption,
    columns: [
      { header: 'Code', kind: 'text' },
      { header: 'Budget line', kind: 'text' },
      { header: 'Revised budget', kind: 'money' },
      { header: 'Forecast outturn', kind: 'money' },
      { header: 'Variance', kind: 'money' },
      { header: `Previous forecast (${previous})`, kind: 'money' },
      { header: 'Movement', kind: 'money' },
      { header: 'Actual to date', kind: 'money' },
      { header: 'Commentary', kind: 'text' },
    ],
    rows: [],
    note: `Positive variance is an overspend. Movement is the change in forecast since ${previous}.`,
  };
  const figures: BlockFigure[] = [];
  const money6 = (x: Measures<Exclude<TableMeasure, 'actualPence'>> & { actualPence: number | null }) => TABLE_MEASURES.map((k) => x[k]);
  const figuresOf = (key: string, label: string, x: Measures<Exclude<TableMeasure, 'actualPence'>> & { actualPence: number | null }) => {
    for (const k of TABLE_MEASURES) figures.push({ key: `${key}.${k.replace(/Pence$/, '')}`, label: `${label}: ${TABLE_LABELS[k]}`, pence: x[k] });
  };
  for (const g of s.groups) {
    table.rows.push({ cells: [g.name, ...Array(8).fill(null)], style: 'group' });
    for (const l of g.lines) {
      table.rows.push({ cells: [l.code, l.name, ...money6(l), l.commentary || null] });
      figuresOf(`line.${l.code}`, `${l.code} ${l.name}`, l);
    }
    table.rows.push({ cells: [null, `Total ${g.name}`, ...money6(g), null], style: 'subtotal' });
    figuresOf(`group.${g.code}`, `Total ${g.name}`, g);
  }
  table.rows.push({ cells: [null, 'Total High Needs expenditure', ...money6(s.total), null], style: 'total' });
  figuresOf('total', 'Total High Needs expenditure', s.total);
  return {
    caption,
    html: `<div class="block block-monitoring-table">${blockTableHtml(table, money, { rowHeader: 1 })}</div>`,
    tables: [table],
    text: null,
    figures,
    wide: true,
  };
}

const tableSettings = yearPeriodSettings;

export const monitoringTableBlock: BlockKind<z.infer<typeof tableSettings>> = {
  kind: 'monitoring-table',
  label: MONITORING_LABEL,
  inline: false,
  fields: [...YEAR_PERIOD_FIELDS],
  settings: tableSettings,
  load: (ws, settings) => tableSnapshot(ws, settings.year, settings.period),
  render: (snapshot, money) => tableRender(snapshot as MonitoringTableSnapshot, money),
};

/** Kinds whose `period` setting says which month members were shown. */
const PERIOD_BLOCKS = new Set(['monitoring-table', 'monitoring-movement', 'position-table', 'figure']);

/** The latest month of `year` before `period` that the previous meeting's papers showed, if any. */
function previousMeetingPeriod(ctx: BlockContext, year: string, period: number): number | null {
  let found: number | null = null;
  for (const b of ctx.previousMeetingBlocks?.() ?? []) {
    if (!PERIOD_BLOCKS.has(b.kind) || b.settings.year !== year) continue;
    const p = blockPeriod.safeParse(b.settings.period);
    if (p.success && p.data < period && (found === null || p.data > found)) found = p.data;
  }
  return found;
}

function movementSnapshot(ws: Workspace, settings: z.infer<typeof movementSettings>, ctx: BlockContext): MonitoringMovementSnapshot {
  const { year, period } = settings;
  const { lines } = reportedLines(ws, MOVEMENT_LABEL, year, period);
  let fromPeriod: number;
  let fromSource: MonitoringMovementSnapshot['fromSource'];
  if (settings.fromPeriod !== undefined) {
    fromPeriod = settings.fromPeriod;
    fromSource = 'chosen';
    if (fromPeriod >= period) {
      throw new AppError(
        'INVALID_INPUT',
        `The block '${MOVEMENT_LABEL}' compares P${period} with P${fromPeriod}: choose an earlier period to compare with, before P${period}.`,
        {
          issues: [{ field: 'fromPeriod', rule: 'before the period', message: `must be before P${period}` }],
        },
      );
    }
  } else {
    const previous = previousMeetingPeriod(ctx, year, period);
    fromPeriod = previous ?? period - 1;
    fromSource = previous !== null ? 'previous meeting' : 'previous month';
  }
  const rowsOf = (ls: LineYear[]) =>
    ls.map((l) => {
      const fromPence = fromPeriod === 0 ? l.revisedPence : forecastAt(l, fromPeriod).pence;
      const toPence = forecastAt(l, period).pence;
      return {
        code: l.line.code,
        name: l.line.name,
        commentary: l.entries.get(period)?.commentary ?? '',
        fromPence,
        toPence,
        movementPence: toPence - fromPence,
      };
    });
  const groups: MonitoringMovementSnapshot['groups'] = [];
  for (const l of lines) {
    if (!groups.some((g) => g.code === l.group.code)) {
      const lineRows = rowsOf(lines.filter((x) => x.group.groupId === l.group.groupId));
      groups.push({ code: l.group.code, name: l.group.name, ...sumOf(MOVE_MEASURES, lineRows), lines: lineRows });
    }
  }
  return { year, period, fromPeriod, fromSource, groups, total: sumOf(MOVE_MEASURES, groups) };
}

function movementRender(s: MonitoringMovementSnapshot, money: MoneyFormat): BlockRendered {
  const fromText = s.fromPeriod === 0 ? 'the budget' : periodLongLabel(s.year, s.fromPeriod);
  const fromShort = s.fromPeriod === 0 ? 'Revised budget' : `Forecast at P${s.fromPeriod}`;
  const caption = `${MOVEMENT_LABEL} since ${fromText}, ${s.year} at ${periodLongLabel(s.year, s.period)}`;
  const table: BlockTable = {
    title: caption,
    columns: [
      { header: 'Code', kind: 'text' },
      { header: 'Budget line', kind: 'text' },
      { header: fromShort, kind: 'money' },
      { header: `Forecast at P${s.period}`, kind: 'money' },
      { header: 'Movement', kind: 'money' },
      { header: `Commentary at P${s.period}`, kind: 'text' },
    ],
    rows: [],
    note: `Positive movement is a rise in forecast spend.${s.fromSource === 'previous meeting' ? ` P${s.fromPeriod} is the month reported to the previous meeting.` : ''}`,
  };
  const figures: BlockFigure[] = [];
  const labels: Record<MoveMeasure, string> = { fromPence: fromShort.toLowerCase(), toPence: `forecast at P${s.period}`, movementPence: 'movement' };
  const add = (key: string, label: string, x: Measures<MoveMeasure>) => {
    for (const k of MOVE_MEASURES) figures.push({ key: `${key}.${k.replace(/Pence$/, '')}`, label: `${label}: ${labels[k]}`, pence: x[k] });
  };
  const cells = (x: Measures<MoveMeasure>) => MOVE_MEASURES.map((k) => x[k]);
  for (const g of s.groups) {
    table.rows.push({ cells: [g.name, null, null, null, null, null], style: 'group' });
    for (const l of g.lines) {
      table.rows.push({ cells: [l.code, l.name, ...cells(l), l.commentary || null] });
      add(`line.${l.code}`, `${l.code} ${l.name}`, l);
    }
    table.rows.push({ cells: [null, `Total ${g.name}`, ...cells(g), null], style: 'subtotal' });
    add(`group.${g.code}`, `Total ${g.name}`, g);
  }
  table.rows.push({ cells: [null, 'Total High Needs expenditure', ...cells(s.total), null], style: 'total' });
  add('total', 'Total High Needs expenditure', s.total);
  return {
    caption,
    html: `<div class="block block-monitoring-movement">${blockTableHtml(table, money, { rowHeader: 1 })}</div>`,
    tables: [table],
    text: null,
    figures,
    wide: false,
  };
}

const movementSettings = z.object({ year: blockYear, period: blockPeriod, fromPeriod: blockFromPeriod });

export const monitoringMovementBlock: BlockKind<z.infer<typeof movementSettings>> = {
  kind: 'monitoring-movement',
  label: MOVEMENT_LABEL,
  inline: false,
  fields: [...YEAR_PERIOD_FIELDS, { key: 'fromPeriod', label: 'Compared with (the previous meeting’s month when left blank)', type: 'period' }],
  settings: movementSettings,
  load: (ws, settings, ctx) => movementSnapshot(ws, settings, ctx),
  render: (snapshot, money) => movementRender(snapshot as MonitoringMovementSnapshot, money),
};

export const MONITORING_BLOCKS = [monitoringTableBlock, monitoringMovementBlock];
