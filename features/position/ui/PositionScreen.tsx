import { Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { niceScale } from './nice-scale';
import { ukLongDate } from '../../../electron/shared/dates';
import { periodLongLabel } from '../../../electron/shared/periods';
import { EmptyYears } from '../../../renderer/src/components/EmptyYears';
import { KpiCard } from '../../../renderer/src/components/KpiCard';
import { PeriodPicker } from '../../../renderer/src/components/PeriodPicker';
import { ScreenHead } from '../../../renderer/src/components/ScreenHead';
import { useApp } from '../../../renderer/src/state/app-state';
import { usePositionSeries, useSummary } from './data';
import './position.css';

const COLOURS = { funding: '#0f6cbd', spend: '#c4314b', balance: '#242424' };

export default function PositionScreen() {
  const { year, period, setPeriod, money } = useApp();
  const { data: series, isLoading } = usePositionSeries(year, period);
  const { data: now } = useSummary(year, period);
  if (!year) return <EmptyYears />;
  const chartData = (series ?? []).map((s) => ({
    year: s.year === year ? `${s.year} P${s.period}` : s.year,
    funding: s.netFundingPence / 100,
    spend: s.forecastPence / 100,
    balance: s.carriedForwardPence / 100,
  }));
  const axis = (v: number) => money.short(Math.round(v * 100));
  const balanceTicks = niceScale(chartData.map((d) => d.balance));
  return (
    <section className="screen scroll" aria-labelledby="position-title">
      <ScreenHead
        titleId="position-title"
        title="DSG position"
        sub={
          <>
            {year} at {periodLongLabel(year, period)} · carried forward = brought forward + in-year + contributions; negative is a deficit
          </>
        }
      >
        <PeriodPicker year={year} period={period} onChange={setPeriod} />
      </ScreenHead>
      {now && (
        // biome-ignore lint/a11y/useSemanticElements: a row of headline figures, not a form's fieldset
        <div className="kpis" role="group" aria-label="Position this year">
          <KpiCard
            label="Net High Needs funding"
            pence={now.netFundingPence}
            note={now.allocationVersion ? `${now.allocationVersion.label}, ${ukLongDate(now.allocationVersion.publishedOn)}` : 'no allocation entered'}
          />
          <KpiCard label="Forecast expenditure" pence={now.forecastPence} />
          <KpiCard label="In-year position" pence={now.inYearPence} tone="balance" />
          <KpiCard label="Brought forward" pence={now.broughtForwardPence} tone="balance" />
          <KpiCard label="Contributions" pence={now.contributionsPence} note="Safety Valve and council" />
          <KpiCard
            label="Carried forward"
            pence={now.carriedForwardPence}
            tone="balance"
            note={now.deficitPercentOfDsg !== null ? `${now.deficitPercentOfDsg.toFixed(1)}% of total DSG` : undefined}
          />
        </div>
      )}
      {isLoading && !series ? (
        <Spinner label="Loading position" />
      ) : (
        <div className="position-body">
          <figure className="chart-card" aria-labelledby="chart-caption">
            <figcaption id="chart-caption">
              High Needs funding against spend by year (bars, left scale), and the cumulative DSG balance (line, right scale), {year} at P{period}
            </figcaption>
            <div className="chart-area">
              <ResponsiveContainer width="100%" height="100%">
                <ComposedChart data={chartData} margin={{ top: 8, right: 8, bottom: 4, left: 8 }}>
                  <CartesianGrid strokeDasharray="3 3" stroke="#e0e0e0" />
                  <XAxis dataKey="year" tick={{ fill: '#424242', fontSize: 12 }} />
                  <YAxis yAxisId="money" tickFormatter={axis} tick={{ fill: '#424242', fontSize: 12 }} width={64} />
                  {/* The balance on its own scale: beside tens of millions of spend, its trend would be a flat line. */}
                  <YAxis
                    yAxisId="balance"
                    orientation="right"
                    tickFormatter={axis}
                    tick={{ fill: COLOURS.balance, fontSize: 12 }}
                    width={64}
                    ticks={balanceTicks}
                    domain={[balanceTicks[0]!, balanceTicks[balanceTicks.length - 1]!]}
                  />
                  <Tooltip formatter={(v) => money.format(Math.round(Number(v) * 100))} />
                  <Legend wrapperStyle={{ fontSize: 12 }} />
                  <ReferenceLine yAxisId="balance" y={0} stroke="#616161" />
                  <Bar yAxisId="money" dataKey="funding" name="Net High Needs funding" fill={COLOURS.funding} radius={[2, 2, 0, 0]} isAnimationActive={false} />
                  <Bar yAxisId="money" dataKey="spend" name="High Needs expenditure" fill={COLOURS.spend} radius={[2, 2, 0, 0]} isAnimationActive={false} />
                  <Line
                    yAxisId="balance"
                    dataKey="balance"
                    name="Cumulative DSG balance (right scale)"
                    stroke={COLOURS.balance}
                    strokeWidth={2}
                    strokeDasharray="6 3"
                    dot={{ r: 4 }}
                    type="monotone"
                    isAnimationActive={false}
                  />
                </ComposedChart>
              </ResponsiveContainer>
            </div>
          </figure>
          <Table aria-label="DSG position by year" size="small" className="position-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Year</TableHeaderCell>
                <TableHeaderCell className="num">Net funding</TableHeaderCell>
                <TableHeaderCell className="num">Expenditure</TableHeaderCell>
                <TableHeaderCell className="num">In-year</TableHeaderCell>
                <TableHeaderCell className="num">Brought forward</TableHeaderCell>
                <TableHeaderCell className="num">Contributions</TableHeaderCell>
                <TableHeaderCell className="num">Carried forward</TableHeaderCell>
                <TableHeaderCell className="num">% of DSG</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {(series ?? []).map((s) => (
                <TableRow key={s.year} className={s.year === year ? 'is-current' : undefined}>
                  <TableCell>
                    {s.year}
                    {s.status === 'closed' ? ' (outturn)' : s.year === year ? ` (at P${s.period})` : ' (forecast)'}
                  </TableCell>
                  <TableCell className="num">{money.format(s.netFundingPence)}</TableCell>
                  <TableCell className="num">{money.format(s.forecastPence)}</TableCell>
                  <TableCell className={`num${s.inYearPence < 0 ? ' neg' : ''}`}>{money.format(s.inYearPence)}</TableCell>
                  <TableCell className={`num${s.broughtForwardPence < 0 ? ' neg' : ''}`}>{money.format(s.broughtForwardPence)}</TableCell>
                  <TableCell className="num">{money.format(s.contributionsPence)}</TableCell>
                  <TableCell className={`num${s.carriedForwardPence < 0 ? ' neg' : ''}`}>{money.format(s.carriedForwardPence)}</TableCell>
                  <TableCell className="num">{s.deficitPercentOfDsg === null ? '' : `${s.deficitPercentOfDsg.toFixed(1)}%`}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
