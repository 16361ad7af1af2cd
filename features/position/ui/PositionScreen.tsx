import { Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPence, formatPenceShort } from '../../../electron/shared/money';
import { periodLongLabel } from '../../../electron/shared/periods';
import { api } from '../../../renderer/src/api/api';
import { KpiCard } from '../../../renderer/src/components/KpiCard';
import { useApp, useLoad } from '../../../renderer/src/state/app-state';
import { EmptyYears } from '../../monitoring/ui/MonitoringScreen';
import { ScreenHead } from '../../../renderer/src/components/ScreenHead';

const COLOURS = { funding: '#0f6cbd', spend: '#c4314b', balance: '#242424' };

export function PositionScreen() {
  const { year, period } = useApp();
  const { data: series, loading } = useLoad(() => api.getPositionSeries({}), []);
  const { data: now } = useLoad(() => (year ? api.getSummary({ year, period }) : Promise.resolve(null)), [year, period]);
  if (!year) return <EmptyYears />;
  const chartData = (series ?? []).map((s) => ({
    year: s.year,
    funding: s.netFundingPence / 100,
    spend: s.forecastPence / 100,
    balance: s.carriedForwardPence / 100,
  }));
  return (
    <section className="screen" aria-labelledby="position-title">
      <ScreenHead
        titleId="position-title"
        title="DSG position"
        sub={
          <>
            {year} at {periodLongLabel(year, period)} · carried forward = brought forward + in-year + contributions; negative is a deficit
          </>
        }
      />
      {now && (
        <div className="kpis" aria-label="Position this year">
          <KpiCard
            label="Net High Needs funding"
            pence={now.netFundingPence}
            note={now.allocationVersion ? `${now.allocationVersion.label}, ${now.allocationVersion.publishedOn}` : 'no allocation entered'}
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
      {loading && !series ? (
        <Spinner label="Loading position" />
      ) : (
        <div className="position-body">
          <figure className="chart-card" aria-labelledby="chart-caption">
            <figcaption id="chart-caption">High Needs funding against spend, and the cumulative DSG balance, by year</figcaption>
            <div className="chart-area">
              <ResponsiveContainer width="100%" height="100%">
                <ComposedChart data={chartData} margin={{ top: 8, right: 16, bottom: 4, left: 8 }}>
                  <CartesianGrid strokeDasharray="3 3" stroke="#e0e0e0" />
                  <XAxis dataKey="year" tick={{ fill: '#424242', fontSize: 12 }} />
                  <YAxis tickFormatter={(v: number) => formatPenceShort(v * 100)} tick={{ fill: '#424242', fontSize: 12 }} width={64} />
                  <Tooltip formatter={(v) => formatPence(Number(v) * 100)} />
                  <Legend wrapperStyle={{ fontSize: 12 }} />
                  <ReferenceLine y={0} stroke="#616161" />
                  <Bar dataKey="funding" name="Net High Needs funding" fill={COLOURS.funding} radius={[2, 2, 0, 0]} isAnimationActive={false} />
                  <Bar dataKey="spend" name="High Needs expenditure" fill={COLOURS.spend} radius={[2, 2, 0, 0]} isAnimationActive={false} />
                  <Line
                    dataKey="balance"
                    name="Cumulative DSG balance"
                    stroke={COLOURS.balance}
                    strokeWidth={2}
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
                    {s.status === 'closed' ? ' (outturn)' : ' (forecast)'}
                  </TableCell>
                  <TableCell className="num">{formatPence(s.netFundingPence)}</TableCell>
                  <TableCell className="num">{formatPence(s.forecastPence)}</TableCell>
                  <TableCell className={`num${s.inYearPence < 0 ? ' neg' : ''}`}>{formatPence(s.inYearPence)}</TableCell>
                  <TableCell className={`num${s.broughtForwardPence < 0 ? ' neg' : ''}`}>{formatPence(s.broughtForwardPence)}</TableCell>
                  <TableCell className="num">{formatPence(s.contributionsPence)}</TableCell>
                  <TableCell className={`num${s.carriedForwardPence < 0 ? ' neg' : ''}`}>{formatPence(s.carriedForwardPence)}</TableCell>
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
