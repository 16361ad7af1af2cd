import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useApp } from '../../../../renderer/src/state/app-state';
import { niceScale } from '../../../position/ui/nice-scale';
import type { PlanResult } from '../../types';
import { ScrollBox } from '../../../../renderer/src/components/ScrollBox';

/** Lines told apart by dash and marker as well as colour, so the chart reads in greyscale and print. */
const STYLES = [
  { stroke: '#c4314b', dash: '6 4', dot: { r: 4 } },
  { stroke: '#0f6cbd', dash: undefined, dot: { r: 4 } },
  { stroke: '#107c10', dash: '2 3', dot: { r: 3 } },
  { stroke: '#8764b8', dash: '10 3 2 3', dot: { r: 3 } },
];

export interface ChartSeries {
  /** What the legend, the tooltip and the table call it. */
  name: string;
  result: PlanResult;
}

interface Props {
  id: string;
  title: string;
  series: ChartSeries[];
}

interface Point {
  year: string;
  [series: string]: string | number | null;
}

/**
 * Each scenario's cumulative DSG position by year, from its base year's carried forward, with a
 * zero line: below it is a deficit. The figures are also a table under the chart (a
 * disclosure), for a screen reader and for reading exact amounts. Recharts' keyboard layer lets
 * the arrow keys step through the years; Tab moves on past the chart.
 */
export function PlanChart({ id, title, series }: Props) {
  const { money } = useApp();
  const points = chartPoints(series);
  const keys = series.map((_, i) => `s${i}`);
  const ticks = niceScale(points.flatMap((p) => keys.map((k) => (typeof p[k] === 'number' ? (p[k] as number) : 0))));
  const axis = (v: number) => money.short(v * 100);
  const captionId = `${id}-caption`;
  return (
    <figure className="plan-chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>{title}</figcaption>
      <div className="plan-chart-area">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            data={points}
            margin={{ top: 8, right: 12, bottom: 4, left: 8 }}
            title={title}
            desc="Negative is a deficit; the table under the chart gives each figure."
          >
            <CartesianGrid strokeDasharray="3 3" stroke="#e0e0e0" />
            <XAxis dataKey="year" tick={{ fill: '#424242', fontSize: 12 }} />
            <YAxis tickFormatter={axis} tick={{ fill: '#424242', fontSize: 12 }} width={68} ticks={ticks} domain={[ticks[0]!, ticks[ticks.length - 1]!]} />
            <Tooltip formatter={(v) => (v === null || v === undefined ? '' : money.format(Math.round(Number(v) * 100)))} />
            <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
            <ReferenceLine y={0} stroke="#616161" />
            {series.map((s, i) => {
              const style = STYLES[i % STYLES.length]!;
              return (
                <Line
                  key={keys[i]}
                  dataKey={keys[i]!}
                  name={s.name}
                  stroke={style.stroke}
                  strokeWidth={2}
                  strokeDasharray={style.dash}
                  dot={style.dot}
                  connectNulls
                  type="linear"
                  isAnimationActive={false}
                />
              );
            })}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <details className="chart-table">
        <summary>The chart’s figures as a table</summary>
        <ScrollBox label={`${title}: figures`}>
          <Table size="small" aria-label={`${title}: figures`} className="plan-table plan-figures">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Year</TableHeaderCell>
                {series.map((s, i) => (
                  <TableHeaderCell key={keys[i]} className="num">
                    {s.name}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {points.map((p) => (
                <TableRow key={p.year}>
                  <TableCell>{p.year}</TableCell>
                  {keys.map((k) => {
                    const v = p[k];
                    return (
                      <TableCell key={k} className={`num${typeof v === 'number' && v < 0 ? ' neg' : ''}`}>
                        {typeof v === 'number' ? money.format(Math.round(v * 100)) : '–'}
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollBox>
      </details>
    </figure>
  );
}

/**
 * One point a year, across every scenario's years: each starts at its base year (the opening
 * cumulative, as carried forward), so scenarios of plans with other bases line up by year.
 */
function chartPoints(series: ChartSeries[]): Point[] {
  const byYear = new Map<string, Point>();
  const at = (year: string) => {
    let p = byYear.get(year);
    if (!p) {
      p = { year };
      series.forEach((_, i) => {
        p![`s${i}`] = null;
      });
      byYear.set(year, p);
    }
    return p;
  };
  series.forEach((s, i) => {
    at(s.result.baseYear)[`s${i}`] = s.result.openingCumulativePence / 100;
    for (const y of s.result.years) at(y.year)[`s${i}`] = y.cumulativePence / 100;
  });
  return [...byYear.values()].sort((a, b) => a.year.localeCompare(b.year));
}
