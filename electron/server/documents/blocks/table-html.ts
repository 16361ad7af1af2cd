/**
 * A block's table as accessible print HTML: a caption, column headers with scope, the first
 * column as row headers, one <tbody> per group (its heading row scoped to the group), money right
 * aligned in the workspace's negative style. The same BlockTable becomes a workbook sheet, so
 * the PDF and the workbook cannot disagree about a figure.
 *
 * Cell conventions: money in pence; percent as a fraction (0.123 is 12.3%), as Excel holds it;
 * null is an empty cell.
 */
import type { MoneyFormat } from '../../../shared/money';
import type { BlockTable } from '../block-kind';
import { escapeHtml } from '../rich-html';

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('en-GB', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

type Kind = BlockTable['columns'][number]['kind'];

/** A cell's text as the PDF prints it. */
export function cellText(value: string | number | null, kind: Kind, money: MoneyFormat): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (kind === 'money') return money.format(value);
  if (kind === 'percent') return percent.format(value);
  return whole.format(value);
}

const numeric = (kind: Kind) => kind !== 'text';

export interface TableHtmlOptions {
  className?: string;
  /** The column that names each row (a line's name rather than its code); the first by default. */
  rowHeader?: number;
}

export function blockTableHtml(table: BlockTable, money: MoneyFormat, options: TableHtmlOptions = {}): string {
  const cols = table.columns;
  const rowHeader = options.rowHeader ?? 0;
  const head = `<thead><tr>${cols.map((c) => `<th scope="col"${numeric(c.kind) ? ' class="num"' : ''}>${escapeHtml(c.header)}</th>`).join('')}</tr></thead>`;
  const bodies: string[] = [];
  let rows: string[] = [];
  const flush = () => {
    if (rows.length) bodies.push(`<tbody>${rows.join('')}</tbody>`);
    rows = [];
  };
  for (const r of table.rows) {
    if (r.style === 'group') {
      flush();
      rows.push(`<tr class="group"><th scope="rowgroup" colspan="${cols.length}">${escapeHtml(r.cells[0] ?? '')}</th></tr>`);
      continue;
    }
    const cells = cols.map((c, i) => {
      const v = r.cells[i] ?? null;
      const cls = [numeric(c.kind) ? 'num' : '', typeof v === 'number' && v < 0 ? 'neg' : ''].filter(Boolean).join(' ');
      const text = escapeHtml(cellText(v, c.kind, money));
      // The first column names the row, so a screen reader announces it with each figure.
      return i === rowHeader && c.kind === 'text'
        ? `<th scope="row"${cls ? ` class="${cls}"` : ''}>${text}</th>`
        : `<td${cls ? ` class="${cls}"` : ''}>${text}</td>`;
    });
    rows.push(`<tr${r.style ? ` class="${r.style}"` : ''}>${cells.join('')}</tr>`);
  }
  flush();
  const cls = ['block-table', options.className].filter(Boolean).join(' ');
  const note = table.note ? `<p class="block-note">${escapeHtml(table.note)}</p>` : '';
  return `<table class="${escapeHtml(cls)}"><caption>${escapeHtml(table.title)}</caption>${head}${bodies.join('')}</table>${note}`;
}
