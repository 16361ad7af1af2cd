/**
 * Live blocks a paper can hold from the DSG position: the position table (the figures `hnb
 * summary` gives, through the same query), the position chart by year (the series the position
 * screen draws), and a single figure inline ("the forecast overspend is £3,749,700").
 */
import { z } from 'zod';
import type { BlockFigure, BlockKind, BlockRendered, BlockTable } from '../../electron/server/documents/block-kind';
import { blockNotFound, blockPeriod, blockYear, YEAR_PERIOD_FIELDS, yearPeriodSettings } from '../../electron/server/documents/blocks/block-common';
import { barLineChartSvg } from '../../electron/server/documents/blocks/svg-chart';
import { blockTableHtml } from '../../electron/server/documents/blocks/table-html';
import { escapeHtml } from '../../electron/server/documents/rich-html';
import type { Workspace } from '../../electron/server/workspace';
import { periodLongLabel } from '../../electron/shared/periods';
import { reportedLines } from '../monitoring/blocks';
import { allYears } from '../years/queries';
import { positionSeries, positionSummary } from './queries';
import { niceScale } from './ui/nice-scale';

/** The summary's figures, in the order `hnb summary` prints them. */
export const POSITION_MEASURES = {
  netFunding: 'Net High Needs funding',
  budget: 'Revised budget',
  forecast: 'Forecast outturn',
  variance: 'Forecast overspend (variance)',
  inYear: 'In-year surplus / (deficit)',
  broughtForward: 'DSG balance brought forward',
  contributions: 'Contributions to the deficit',
  carriedForward: 'DSG balance carried forward',
} as const;
export type PositionMeasure = keyof typeof POSITION_MEASURES;
const MEASURE_KEYS = Object.keys(POSITION_MEASURES) as PositionMeasure[];

export interface PositionTableSnapshot {
  year: string;
  period: number;
  closed: boolean;
  figures: Record<PositionMeasure, number>;
  deficitPercentOfDsg: number | null;
  allocation: string | null;
}

export interface PositionChartSnapshot {
  year: string;
  period: number;
  series: Array<{
    year: string;
    period: number;
    closed: boolean;
    netFundingPence: number;
    forecastPence: number;
    inYearPence: number;
    broughtForwardPence: number;
    contributionsPence: number;
    carriedForwardPence: number;
    deficitPercentOfDsg: number | null;
  }>;
}

export interface FigureSnapshot {
  year: string;
  period: number;
  measure: PositionMeasure;
  pence: number;
}

const TABLE_LABEL = 'DSG position';
const CHART_LABEL = 'DSG position chart';
const FIGURE_LABEL = 'Figure';

function summaryFigures(ws: Workspace, label: string, year: string, period: number) {
  reportedLines(ws, label, year, period);
  const s = positionSummary(ws.db, year, period);
  const figures: Record<PositionMeasure, number> = {
    netFunding: s.netFundingPence,
    budget: s.budgetPence,
    forecast: s.forecastPence,
    variance: s.variancePence,
    inYear: s.inYearPence,
    broughtForward: s.broughtForwardPence,
    contributions: s.contributionsPence,
    carriedForward: s.carriedForwardPence,
  };
  return { s, figures };
}

const yearPeriod = yearPeriodSettings;

export const positionTableBlock: BlockKind<z.infer<typeof yearPeriod>> = {
  kind: 'position-table',
  label: TABLE_LABEL,
  inline: false,
  fields: [...YEAR_PERIOD_FIELDS],
  settings: yearPeriod,
  load(ws, { year, period }): PositionTableSnapshot {
    const { s, figures } = summaryFigures(ws, TABLE_LABEL, year, period);
    return {
      year,
      period,
      closed: s.status === 'closed',
      figures,
      deficitPercentOfDsg: s.deficitPercentOfDsg,
      allocation: s.allocationVersion ? s.allocationVersion.label : null,
    };
  },
  render(snapshot, money): BlockRendered {
    const s = snapshot as PositionTableSnapshot;
    const caption = `${TABLE_LABEL} (High Needs), ${s.year} at ${periodLongLabel(s.year, s.period)}`;
    const notes = [
      'Carried forward = brought forward + in-year + contributions; a negative balance is a deficit.',
      s.allocation ? `Funding from ${s.allocation}.` : 'No DSG allocation has been entered for the year.',
      s.deficitPercentOfDsg !== null ? `The cumulative deficit is ${s.deficitPercentOfDsg.toFixed(1)}% of total DSG.` : '',
    ];
    const table: BlockTable = {
      title: caption,
      columns: [
        { header: 'Figure', kind: 'text' },
        { header: 'Amount', kind: 'money' },
      ],
      rows: MEASURE_KEYS.map((k) => ({ cells: [POSITION_MEASURES[k], s.figures[k]], style: k === 'carriedForward' ? ('total' as const) : undefined })),
      note: notes.filter(Boolean).join(' '),
    };
    return {
      caption,
      html: `<div class="block block-position-table">${blockTableHtml(table, money)}</div>`,
      tables: [table],
      text: null,
      figures: MEASURE_KEYS.map((k) => ({ key: k, label: POSITION_MEASURES[k], pence: s.figures[k] })),
      wide: false,
    };
  },
};

const yearOnly = z.object({ year: blockYear });

export const positionChartBlock: BlockKind<z.infer<typeof yearOnly>> = {
  kind: 'position-chart',
  label: CHART_LABEL,
  inline: false,
  fields: [{ key: 'year', label: 'Year', type: 'year' }],
  settings: yearOnly,
  load(ws, { year }): PositionChartSnapshot {
    if (!allYears(ws.db).some((y) => y.id === year)) throw blockNotFound(CHART_LABEL, `names ${year}, which is not in this workspace.`);
    const series = positionSeries(ws.db, { year });
    const at = series.find((p) => p.year === year)!;
    return {
      year,
      period: at.period,
      series: series.map((p) => ({
        year: p.year,
        period: p.period,
        closed: p.status === 'closed',
        netFundingPence: p.netFundingPence,
        forecastPence: p.forecastPence,
        inYearPence: p.inYearPence,
        broughtForwardPence: p.broughtForwardPence,
        contributionsPence: p.contributionsPence,
        carriedForwardPence: p.carriedForwardPence,
        deficitPercentOfDsg: p.deficitPercentOfDsg,
      })),
    };
  },
  render(snapshot, money): BlockRendered {
    const s = snapshot as PositionChartSnapshot;
    const caption = `High Needs funding against spend by year, and the cumulative DSG balance, ${s.year} at P${s.period}`;
    const categories = s.series.map((p) => (p.year === s.year ? `${p.year} P${p.period}` : p.year));
    const funding = s.series.map((p) => p.netFundingPence);
    const spend = s.series.map((p) => p.forecastPence);
    const balance = s.series.map((p) => p.carriedForwardPence);
    const last = s.series[s.series.length - 1];
    const first = s.series[0];
    const description =
      first && last
        ? `Bars show net High Needs funding and expenditure for each year from ${first.year} to ${last.year}; the dashed line, on its own scale at the right, shows the cumulative DSG balance, which moves from ${money.format(first.carriedForwardPence)} at the end of ${first.year} to ${money.format(last.carriedForwardPence)} at the end of ${last.year}.`
        : 'No years to show.';
    const svg = barLineChartSvg(
      {
        title: caption,
        description,
        categories,
        bars: [
          { name: 'Net High Needs funding', colour: '#0f6cbd', values: funding },
          { name: 'High Needs expenditure', colour: '#c4314b', values: spend },
        ],
        line: { name: 'Cumulative DSG balance (right scale)', colour: '#242424', values: balance },
        leftTicks: niceScale([...funding, ...spend]),
        rightTicks: niceScale(balance),
      },
      money,
    );
    const table: BlockTable = {
      title: `DSG position by year, ${s.year} at P${s.period}`,
      columns: [
        { header: 'Year', kind: 'text' },
        { header: 'Net funding', kind: 'money' },
        { header: 'Expenditure', kind: 'money' },
        { header: 'In-year', kind: 'money' },
        { header: 'Brought forward', kind: 'money' },
        { header: 'Contributions', kind: 'money' },
        { header: 'Carried forward', kind: 'money' },
        { header: '% of DSG', kind: 'percent' },
      ],
      rows: s.series.map((p) => ({
        cells: [
          `${p.year}${p.closed ? ' (outturn)' : p.year === s.year ? ` (at P${p.period})` : ' (forecast)'}`,
          p.netFundingPence,
          p.forecastPence,
          p.inYearPence,
          p.broughtForwardPence,
          p.contributionsPence,
          p.carriedForwardPence,
          p.deficitPercentOfDsg === null ? null : p.deficitPercentOfDsg / 100,
        ],
      })),
      note: 'Expenditure is the outturn for closed years and the latest forecast otherwise; a negative balance is a deficit.',
    };
    const figures: BlockFigure[] = s.series.flatMap((p) => [
      { key: `${p.year}.netFunding`, label: `${p.year}: net High Needs funding`, pence: p.netFundingPence },
      { key: `${p.year}.expenditure`, label: `${p.year}: expenditure`, pence: p.forecastPence },
      { key: `${p.year}.inYear`, label: `${p.year}: in-year`, pence: p.inYearPence },
      { key: `${p.year}.broughtForward`, label: `${p.year}: brought forward`, pence: p.broughtForwardPence },
      { key: `${p.year}.contributions`, label: `${p.year}: contributions`, pence: p.contributionsPence },
      { key: `${p.year}.carriedForward`, label: `${p.year}: carried forward`, pence: p.carriedForwardPence },
    ]);
    return {
      caption,
      html: `<figure class="block block-position-chart"><figcaption>${escapeHtml(caption)}</figcaption>${svg}</figure>`,
      tables: [table],
      text: null,
      figures,
      wide: false,
    };
  },
};

const figureSettings = z.object({
  year: blockYear,
  period: blockPeriod,
  measure: z.enum(MEASURE_KEYS as [PositionMeasure, ...PositionMeasure[]], {
    error: `must be one of the DSG position figures: ${MEASURE_KEYS.map((k) => POSITION_MEASURES[k].toLowerCase()).join(', ')}`,
  }),
});

export const figureBlock: BlockKind<z.infer<typeof figureSettings>> = {
  kind: 'figure',
  label: FIGURE_LABEL,
  inline: true,
  fields: [
    ...YEAR_PERIOD_FIELDS,
    { key: 'measure', label: 'Figure', type: 'choice', choices: MEASURE_KEYS.map((k) => ({ value: k, label: POSITION_MEASURES[k] })) },
  ],
  settings: figureSettings,
  load(ws, { year, period, measure }): FigureSnapshot {
    const label = `${FIGURE_LABEL}: ${POSITION_MEASURES[measure].toLowerCase()}`;
    return { year, period, measure, pence: summaryFigures(ws, label, year, period).figures[measure] };
  },
  render(snapshot, money): BlockRendered {
    const s = snapshot as FigureSnapshot;
    const label = POSITION_MEASURES[s.measure];
    const text = money.format(s.pence);
    return {
      caption: `${label}, ${s.year} at ${periodLongLabel(s.year, s.period)}`,
      html: `<span class="live-figure">${escapeHtml(text)}</span>`,
      tables: [],
      text,
      figures: [{ key: s.measure, label: `${label}, ${s.year} at P${s.period}`, pence: s.pence }],
      wide: false,
    };
  },
};

export const POSITION_BLOCKS = [positionTableBlock, positionChartBlock, figureBlock];
