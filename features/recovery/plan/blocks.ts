/**
 * Live blocks from the deficit management plan: a scenario's year-by-year table, the chart of
 * unmitigated against mitigated cumulative balance, and a comparison of two scenarios. Each is
 * read through the same calculation the plan screen and `hnb plan` use, so a paper can never show
 * other figures than the plan.
 */
import { z } from 'zod';
import type { BlockFigure, BlockKind, BlockRendered, BlockTable } from '../../../electron/server/documents/block-kind';
import { blockNotFound } from '../../../electron/server/documents/blocks/block-common';
import { barLineChartSvg } from '../../../electron/server/documents/blocks/svg-chart';
import { blockTableHtml } from '../../../electron/server/documents/blocks/table-html';
import { escapeHtml } from '../../../electron/server/documents/rich-html';
import type { Workspace } from '../../../electron/server/workspace';
import { ukLongDate } from '../../../electron/shared/dates';
import type { MoneyFormat } from '../../../electron/shared/money';
import { niceScale } from '../../position/ui/nice-scale';
import type { PlanResult, PlanYearResult } from '../types';
import { computePlanResult } from './queries';

interface ScenarioRow {
  id: number;
  name: string;
  plan: string;
  kind: string;
  parentId: number | null;
}

function scenarios(ws: Workspace): ScenarioRow[] {
  return ws.db.$client
    .prepare(
      'SELECT s.id, s.name, p.name AS plan, s.kind, s.parent_id AS parentId FROM plan_scenario s JOIN plan p ON p.id = s.plan_id ORDER BY p.name, s.kind DESC, s.name',
    )
    .all() as ScenarioRow[];
}

const scenarioChoices = (ws: Workspace) => scenarios(ws).map((s) => ({ value: String(s.id), label: `${s.plan}: ${s.name}` }));

const scenarioId = z.preprocess(
  (v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v),
  z.int({ error: 'must name a scenario of a plan' }).positive({ error: 'must name a scenario of a plan' }),
);

/** The scenario a block names, with its plan's figures; a scenario since deleted is said, not thrown past. */
function resultOf(ws: Workspace, label: string, id: number): { row: ScenarioRow; result: PlanResult } {
  const row = scenarios(ws).find((s) => s.id === id);
  if (!row) throw blockNotFound(label, 'names a scenario that is no longer in this workspace.');
  return { row, result: computePlanResult(ws.db, id) };
}

type YearFigures = Pick<
  PlanYearResult,
  'year' | 'fundingPence' | 'expenditurePence' | 'projectCostsPence' | 'savingsPence' | 'inYearPence' | 'contributionsPence' | 'cumulativePence'
>;

const yearFigures = (y: PlanYearResult): YearFigures => ({
  year: y.year,
  fundingPence: y.fundingPence,
  expenditurePence: y.expenditurePence,
  projectCostsPence: y.projectCostsPence,
  savingsPence: y.savingsPence,
  inYearPence: y.inYearPence,
  contributionsPence: y.contributionsPence,
  cumulativePence: y.cumulativePence,
});

interface PlanTableSnapshot {
  plan: string;
  scenario: string;
  kind: string;
  baseYear: string;
  baseLabel: string;
  openingCumulativePence: number;
  years: YearFigures[];
  firstInYearSurplus: string | null;
  submitted: { on: string; note: string } | null;
}

const scenarioSettings = z.object({ scenario: scenarioId });
const TABLE_LABEL = 'Deficit management plan';

function surplusSentence(first: string | null): string {
  return first ? `The first year with an in-year surplus is ${first}.` : 'No year of the plan has an in-year surplus.';
}

export const planTableBlock: BlockKind<z.infer<typeof scenarioSettings>> = {
  kind: 'plan-table',
  label: TABLE_LABEL,
  inline: false,
  fields: [{ key: 'scenario', label: 'Scenario', type: 'choice', choicesOf: scenarioChoices }],
  settings: scenarioSettings,
  load(ws, { scenario }): PlanTableSnapshot {
    const { row, result: r } = resultOf(ws, TABLE_LABEL, scenario);
    return {
      plan: row.plan,
      scenario: r.scenario,
      kind: r.kind,
      baseYear: r.baseYear,
      baseLabel: r.baseLabel,
      openingCumulativePence: r.openingCumulativePence,
      years: r.years.map(yearFigures),
      firstInYearSurplus: r.firstInYearSurplus,
      submitted: r.submitted ? { on: r.submitted.on, note: r.submitted.note } : null,
    };
  },
  render(snapshot, money): BlockRendered {
    const s = snapshot as PlanTableSnapshot;
    const mitigated = s.kind === 'mitigated';
    const caption = `${TABLE_LABEL}: ${s.plan}, ${s.scenario} scenario (${mitigated ? 'mitigated' : 'unmitigated'})`;
    const table: BlockTable = {
      title: caption,
      columns: [
        { header: 'Year', kind: 'text' },
        { header: 'Funding', kind: 'money' },
        ...(mitigated
          ? [
              { header: 'Project costs (HNB)', kind: 'money' as const },
              { header: 'Savings', kind: 'money' as const },
            ]
          : []),
        { header: 'Expenditure', kind: 'money' },
        { header: 'In-year', kind: 'money' },
        { header: 'Contributions', kind: 'money' },
        { header: 'Cumulative', kind: 'money' },
      ],
      rows: [
        {
          cells: [`${s.baseYear} (base)`, null, ...(mitigated ? [null, null] : []), null, null, null, s.openingCumulativePence],
        },
        ...s.years.map((y) => ({
          cells: [
            y.year,
            y.fundingPence,
            ...(mitigated ? [y.projectCostsPence, -y.savingsPence] : []),
            y.expenditurePence,
            y.inYearPence,
            y.contributionsPence,
            y.cumulativePence,
          ],
        })),
      ],
      note: [
        `Base: ${s.baseLabel}. In-year = funding − expenditure; cumulative = the year before + in-year + contributions; a negative balance is a deficit.`,
        mitigated ? 'Expenditure includes the costs of the attached projects funded from the High Needs Block, less their savings.' : '',
        surplusSentence(s.firstInYearSurplus),
        s.submitted ? `Submitted ${ukLongDate(s.submitted.on)}: ${s.submitted.note}.` : '',
      ]
        .filter(Boolean)
        .join(' '),
    };
    return {
      caption,
      html: `<div class="block block-plan-table">${blockTableHtml(table, money)}</div>`,
      tables: [table],
      text: null,
      figures: planFigures(s.scenario, s.years),
      wide: mitigated,
    };
  },
};

function planFigures(scenario: string, years: YearFigures[]): BlockFigure[] {
  return years.flatMap((y) => [
    { key: `${scenario}.${y.year}.funding`, label: `${scenario} ${y.year}: funding`, pence: y.fundingPence },
    { key: `${scenario}.${y.year}.expenditure`, label: `${scenario} ${y.year}: expenditure`, pence: y.expenditurePence },
    { key: `${scenario}.${y.year}.inYear`, label: `${scenario} ${y.year}: in-year`, pence: y.inYearPence },
    { key: `${scenario}.${y.year}.cumulative`, label: `${scenario} ${y.year}: cumulative`, pence: y.cumulativePence },
  ]);
}

interface TwoScenarioSnapshot {
  plan: string;
  a: { name: string; kind: string; years: YearFigures[]; firstInYearSurplus: string | null };
  b: { name: string; kind: string; years: YearFigures[]; firstInYearSurplus: string | null } | null;
}

const CHART_LABEL = 'Deficit plan chart';

function cumulativeChart(s: TwoScenarioSnapshot, caption: string, money: MoneyFormat): string {
  const years = s.a.years.map((y) => y.year);
  const series = [
    { name: `${s.a.name} cumulative balance`, colour: '#c4314b', values: s.a.years.map((y) => y.cumulativePence), dashed: false },
    ...(s.b
      ? [
          {
            name: `${s.b.name} cumulative balance`,
            colour: '#0f6cbd',
            values: years.map((yr) => s.b!.years.find((y) => y.year === yr)?.cumulativePence ?? 0),
            dashed: true,
          },
        ]
      : []),
  ];
  const first = series.map(
    (l) => `${l.name} ${money.format(l.values[0] ?? 0)} in ${years[0]} to ${money.format(l.values[l.values.length - 1] ?? 0)} in ${years[years.length - 1]}`,
  );
  return barLineChartSvg(
    {
      title: caption,
      description: `Cumulative DSG balance by year; a negative balance is a deficit. ${first.join('; ')}.`,
      categories: years,
      bars: [],
      lines: series,
      leftTicks: niceScale(series.flatMap((l) => l.values)),
    },
    money,
  );
}

export const planChartBlock: BlockKind<z.infer<typeof scenarioSettings>> = {
  kind: 'plan-chart',
  label: CHART_LABEL,
  inline: false,
  fields: [{ key: 'scenario', label: 'Mitigated scenario (drawn against its unmitigated parent)', type: 'choice', choicesOf: scenarioChoices }],
  settings: scenarioSettings,
  load(ws, { scenario }): TwoScenarioSnapshot {
    const { row, result: chosen } = resultOf(ws, CHART_LABEL, scenario);
    const parent = row.parentId ? computePlanResult(ws.db, row.parentId) : null;
    const pick = (r: PlanResult) => ({ name: r.scenario, kind: r.kind, years: r.years.map(yearFigures), firstInYearSurplus: r.firstInYearSurplus });
    return { plan: row.plan, a: pick(parent ?? chosen), b: parent ? pick(chosen) : null };
  },
  render(snapshot, money): BlockRendered {
    const s = snapshot as TwoScenarioSnapshot;
    const caption = s.b
      ? `${s.plan}: cumulative DSG balance, ${s.a.name} (unmitigated) against ${s.b.name} (mitigated)`
      : `${s.plan}: cumulative DSG balance, ${s.a.name}`;
    const svg = cumulativeChart(s, caption, money);
    const table: BlockTable = {
      title: caption,
      columns: [
        { header: 'Year', kind: 'text' },
        { header: `${s.a.name} in-year`, kind: 'money' },
        { header: `${s.a.name} cumulative`, kind: 'money' },
        ...(s.b
          ? [
              { header: `${s.b.name} in-year`, kind: 'money' as const },
              { header: `${s.b.name} cumulative`, kind: 'money' as const },
            ]
          : []),
      ],
      rows: s.a.years.map((y) => {
        const m = s.b?.years.find((x) => x.year === y.year);
        return { cells: [y.year, y.inYearPence, y.cumulativePence, ...(s.b ? [m?.inYearPence ?? null, m?.cumulativePence ?? null] : [])] };
      }),
      note: s.b ? `${s.b.name}: ${surplusSentence(s.b.firstInYearSurplus)}` : surplusSentence(s.a.firstInYearSurplus),
    };
    return {
      caption,
      html: `<figure class="block block-plan-chart"><figcaption>${escapeHtml(caption)}</figcaption>${svg}</figure>`,
      tables: [table],
      text: null,
      figures: [...planFigures(s.a.name, s.a.years), ...(s.b ? planFigures(s.b.name, s.b.years) : [])],
      wide: false,
    };
  },
};

const compareSettings = z.object({ a: scenarioId, b: scenarioId });
const COMPARE_LABEL = 'Scenario comparison';

export const scenarioCompareBlock: BlockKind<z.infer<typeof compareSettings>> = {
  kind: 'scenario-compare',
  label: COMPARE_LABEL,
  inline: false,
  fields: [
    { key: 'a', label: 'First scenario', type: 'choice', choicesOf: scenarioChoices },
    { key: 'b', label: 'Second scenario', type: 'choice', choicesOf: scenarioChoices },
  ],
  settings: compareSettings,
  load(ws, { a, b }): TwoScenarioSnapshot {
    const first = resultOf(ws, COMPARE_LABEL, a);
    const second = resultOf(ws, COMPARE_LABEL, b);
    const ra = first.result;
    const rb = second.result;
    const plans = [...new Set([first.row.plan, second.row.plan])];
    const pick = (r: PlanResult) => ({ name: r.scenario, kind: r.kind, years: r.years.map(yearFigures), firstInYearSurplus: r.firstInYearSurplus });
    return { plan: plans.join(' and '), a: pick(ra), b: pick(rb) };
  },
  render(snapshot, money): BlockRendered {
    const s = snapshot as TwoScenarioSnapshot;
    const b = s.b!;
    const caption = `${COMPARE_LABEL}: ${s.a.name} against ${b.name} (${s.plan})`;
    const years = [...new Set([...s.a.years.map((y) => y.year), ...b.years.map((y) => y.year)])].sort();
    const of = (list: YearFigures[], yr: string) => list.find((y) => y.year === yr);
    const diff = (x: number | undefined, y: number | undefined) => (x === undefined || y === undefined ? null : y - x);
    const table: BlockTable = {
      title: caption,
      columns: [
        { header: 'Year', kind: 'text' },
        { header: `${s.a.name} in-year`, kind: 'money' },
        { header: `${b.name} in-year`, kind: 'money' },
        { header: 'Expenditure difference', kind: 'money' },
        { header: 'In-year difference', kind: 'money' },
        { header: `${s.a.name} cumulative`, kind: 'money' },
        { header: `${b.name} cumulative`, kind: 'money' },
        { header: 'Cumulative difference', kind: 'money' },
      ],
      rows: years.map((yr) => {
        const x = of(s.a.years, yr);
        const y = of(b.years, yr);
        return {
          cells: [
            yr,
            x?.inYearPence ?? null,
            y?.inYearPence ?? null,
            diff(x?.expenditurePence, y?.expenditurePence),
            diff(x?.inYearPence, y?.inYearPence),
            x?.cumulativePence ?? null,
            y?.cumulativePence ?? null,
            diff(x?.cumulativePence, y?.cumulativePence),
          ],
        };
      }),
      note: `Differences are ${b.name} less ${s.a.name}: a positive in-year or cumulative difference is better for the DSG; a positive expenditure difference is more spend.`,
    };
    const svg = cumulativeChart(s, `${caption}: cumulative balance`, money);
    return {
      caption,
      html: `<div class="block block-scenario-compare">${blockTableHtml(table, money)}<figure><figcaption>${escapeHtml(`${caption}: cumulative balance`)}</figcaption>${svg}</figure></div>`,
      tables: [table],
      text: null,
      figures: [...planFigures(s.a.name, s.a.years), ...planFigures(b.name, b.years)],
      wide: true,
    };
  },
};

export const PLAN_BLOCKS = [planTableBlock, planChartBlock, scenarioCompareBlock];
