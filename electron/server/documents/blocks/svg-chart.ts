/**
 * A bar-and-line chart as inline SVG for a printed pack: no script, no external fonts or images,
 * so it renders the same in any browser engine and never reaches the network. It is an image
 * to assistive technology (role="img", a <title> and an aria-label); the figures themselves go
 * into the block's tables, which the workbook carries as a sheet.
 */
import type { MoneyFormat } from '../../../shared/money';
import { escapeHtml } from '../rich-html';

export interface ChartSeries {
  name: string;
  colour: string;
  /** Pence, one per category. */
  values: number[];
}

export interface BarLineChart {
  /** The chart's name, read first by a screen reader. */
  title: string;
  /** What it shows, in a sentence or two, with the key figures. */
  description: string;
  categories: string[];
  /** On the left scale. */
  bars: ChartSeries[];
  /** On the right scale, its own: a balance beside tens of millions of spend would be a flat line. */
  line?: ChartSeries;
  /** Lines on the left scale (two scenarios' cumulative balances), solid unless dashed. */
  lines?: Array<ChartSeries & { dashed?: boolean }>;
  /** Tick values in pence, lowest first, including zero. */
  leftTicks: number[];
  rightTicks?: number[];
}

const W = 680;
const H = 330;
const M = { top: 14, right: 72, bottom: 72, left: 72 };
const GRID = '#d6d6d6';
const INK = '#242424';
const MUTED = '#424242';

const r1 = (n: number) => Math.round(n * 10) / 10;

function scale(ticks: number[]): (v: number) => number {
  const lo = ticks[0] ?? 0;
  const hi = ticks[ticks.length - 1] ?? 1;
  const span = hi - lo || 1;
  const top = M.top;
  const bottom = H - M.bottom;
  return (v) => r1(bottom - ((v - lo) / span) * (bottom - top));
}

export function barLineChartSvg(c: BarLineChart, money: MoneyFormat): string {
  const parts: string[] = [];
  const left = scale(c.leftTicks);
  const right = c.line && c.rightTicks ? scale(c.rightTicks) : left;
  const plotW = W - M.left - M.right;
  const n = Math.max(1, c.categories.length);
  const slot = plotW / n;
  const barW = Math.min(36, (slot * 0.7) / Math.max(1, c.bars.length));
  const text = (x: number, y: number, s: string, anchor: 'start' | 'middle' | 'end', fill = MUTED) =>
    `<text x="${r1(x)}" y="${r1(y)}" text-anchor="${anchor}" fill="${fill}" font-size="11">${escapeHtml(s)}</text>`;

  for (const t of c.leftTicks) {
    parts.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${left(t)}" y2="${left(t)}" stroke="${GRID}" stroke-width="0.75"/>`);
    parts.push(text(M.left - 6, left(t) + 4, money.short(t), 'end'));
  }
  if (c.line && c.rightTicks) {
    for (const t of c.rightTicks) parts.push(text(W - M.right + 6, right(t) + 4, money.short(t), 'start', INK));
    parts.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${right(0)}" y2="${right(0)}" stroke="#616161" stroke-width="1"/>`);
  }

  c.categories.forEach((cat, i) => {
    const centre = M.left + slot * (i + 0.5);
    const groupStart = centre - (barW * c.bars.length) / 2;
    c.bars.forEach((s, k) => {
      const v = s.values[i] ?? 0;
      const y0 = left(0);
      const y1 = left(v);
      parts.push(
        `<rect x="${r1(groupStart + k * barW)}" y="${Math.min(y0, y1)}" width="${r1(barW - 2)}" height="${r1(Math.abs(y1 - y0))}" fill="${s.colour}"/>`,
      );
    });
    parts.push(text(centre, H - M.bottom + 16, cat, 'middle', INK));
  });

  if (c.line) {
    const pts = c.categories.map((_, i) => `${r1(M.left + slot * (i + 0.5))},${right(c.line!.values[i] ?? 0)}`);
    parts.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="${c.line.colour}" stroke-width="2" stroke-dasharray="6 3"/>`);
    for (const p of pts) {
      const [x, y] = p.split(',');
      parts.push(`<circle cx="${x}" cy="${y}" r="3.5" fill="${c.line.colour}"/>`);
    }
  }

  for (const l of c.lines ?? []) {
    const pts = c.categories.map((_, i) => `${r1(M.left + slot * (i + 0.5))},${left(l.values[i] ?? 0)}`);
    parts.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="${l.colour}" stroke-width="2.5"${l.dashed ? ' stroke-dasharray="6 3"' : ''}/>`);
    for (const p of pts) {
      const [x, y] = p.split(',');
      parts.push(`<circle cx="${x}" cy="${y}" r="3.5" fill="${l.colour}"/>`);
    }
  }
  if ((c.lines?.length ?? 0) > 0) parts.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${left(0)}" y2="${left(0)}" stroke="#616161" stroke-width="1"/>`);

  // The legend, under the years: a swatch and a name for each series.
  const legend = [
    ...c.bars.map((s) => ({ s, kind: 'bar' as const, dashed: false })),
    ...(c.line ? [{ s: c.line, kind: 'line' as const, dashed: true }] : []),
    ...(c.lines ?? []).map((s) => ({ s, kind: 'line' as const, dashed: Boolean(s.dashed) })),
  ];
  // Laid out in rows, so a long series name (a scenario's) wraps rather than running off the chart.
  let x = M.left;
  let y = H - 22;
  for (const { s, kind, dashed } of legend) {
    const width = (kind === 'bar' ? 28 : 34) + s.name.length * 6.4;
    if (x > M.left && x + width > W - 8) {
      x = M.left;
      y += 18;
    }
    parts.push(
      kind === 'bar'
        ? `<rect x="${x}" y="${y - 9}" width="12" height="12" fill="${s.colour}"/>`
        : `<line x1="${x}" x2="${x + 18}" y1="${y - 3}" y2="${y - 3}" stroke="${s.colour}" stroke-width="2"${dashed ? ' stroke-dasharray="6 3"' : ''}/>`,
    );
    parts.push(text(x + (kind === 'bar' ? 16 : 22), y + 1, s.name, 'start', INK));
    x += width;
  }
  const height = y + 22;

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="block-chart" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-label="${escapeHtml(
      `${c.title}. ${c.description}`,
    )}" font-family="inherit">` +
    `<title>${escapeHtml(c.title)}</title>` +
    `<desc>${escapeHtml(c.description)}</desc>` +
    parts.join('') +
    '</svg>'
  );
}
