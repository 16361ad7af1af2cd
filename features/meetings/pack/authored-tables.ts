/**
 * Tables the clerk typed into a paper's text (the editor's `table` nodes), as workbook tables,
 * so the workbook has "one sheet per table in the papers with the same figures", not only the
 * live blocks'. Pure: the same paper snapshot always gives the same tables.
 *
 * The first row gives the column headers. A column whose cells are all amounts of money ("£55,800",
 * "-£1,200", "(£1,200)") is a money column in pence; one whose cells are all plain numbers ("54.0",
 * "1,250") is a number column keeping the decimals as typed; any other column keeps every cell's
 * text exactly as typed (never a formula: the workbook writes strings as strings).
 */
import type { BlockTable } from '../../../electron/server/documents/block-kind';
import { parseMoney } from '../../../electron/shared/money';
import { type RichNode, richText } from '../../../electron/shared/rich-doc';
import { sectionOrder } from '../papers/live-nodes';
import type { PaperSnapshot } from '../papers/render';

type Cell = { kind: 'money'; pence: number } | { kind: 'number'; value: number; decimals: number } | { kind: 'text'; text: string } | null;

const PLAIN_NUMBER = /^-?(0|[1-9]\d{0,2}(,\d{3})+|[1-9]\d*)(\.(\d+))?$/;
const CELL_TYPES = new Set(['tableCell', 'tableHeader']);

/** One cell's text as the paper prints it, lines joined by spaces. */
function cellText(node: RichNode): string {
  return richText(node).replace(/\s+/g, ' ').trim();
}

function classify(text: string): Cell {
  if (text === '') return null;
  if (text.includes('£')) {
    const m = parseMoney(text);
    if (m.ok) return { kind: 'money', pence: m.pence };
  }
  const n = PLAIN_NUMBER.exec(text);
  if (n) {
    const value = Number(text.replace(/,/g, ''));
    if (Number.isFinite(value)) return { kind: 'number', value, decimals: n[4]?.length ?? 0 };
  }
  return { kind: 'text', text };
}

const span = (node: RichNode, key: 'colspan' | 'rowspan') => {
  const v = Number(node.attrs?.[key] ?? 1);
  return Number.isInteger(v) && v > 1 ? Math.min(v, 1000) : 1;
};

/** The table's cells laid on a grid: a merged cell's text in its top-left place, the rest of it empty. */
function grid(table: RichNode): string[][] {
  const rows = (table.content ?? []).filter((r) => r?.type === 'tableRow');
  const texts: string[][] = rows.map(() => []);
  const taken: boolean[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of (row.content ?? []).filter((x) => x && CELL_TYPES.has(x.type))) {
      while (taken[r]![c]) c++;
      const cols = span(cell, 'colspan');
      const down = Math.min(span(cell, 'rowspan'), rows.length - r);
      for (let dr = 0; dr < down; dr++) {
        for (let dc = 0; dc < cols; dc++) {
          taken[r + dr]![c + dc] = true;
          texts[r + dr]![c + dc] = dr === 0 && dc === 0 ? cellText(cell) : '';
        }
      }
      c += cols;
    }
  });
  const width = Math.max(0, ...texts.map((t) => t.length));
  for (const t of texts) for (let c = 0; c < width; c++) t[c] ??= '';
  return texts;
}

/** One typed table as a workbook table. */
export function authoredTable(table: RichNode, title: string): BlockTable {
  const [head = [], ...body] = grid(table);
  const cells = body.map((row) => row.map(classify));
  const columns = head.map((header, c) => {
    const kinds = new Set(cells.map((row) => row[c]?.kind).filter((k) => k !== undefined));
    // Plain numbers in a money column are pounds, as a person writes them.
    const kind: BlockTable['columns'][number]['kind'] =
      kinds.has('money') && !kinds.has('text') ? 'money' : kinds.size === 1 && kinds.has('number') ? 'number' : 'text';
    const decimals = kind === 'number' ? Math.max(0, ...cells.map((row) => (row[c]?.kind === 'number' ? row[c].decimals : 0))) : 0;
    return decimals > 0 ? { header, kind, decimals } : { header, kind };
  });
  const rows = cells.map((row, r) => ({
    cells: row.map((cell, c): string | number | null => {
      if (!cell) return null;
      const kind = columns[c]!.kind;
      if (kind === 'money') return cell.kind === 'money' ? cell.pence : Math.round((cell as { value: number }).value * 100);
      if (kind === 'number' && cell.kind === 'number') return cell.value;
      return body[r]![c]!;
    }),
  }));
  return { title, columns, rows };
}

/** Every table typed into the paper's sections, in the order the paper prints them, each after the paper's live-block tables. */
export function authoredTables(p: PaperSnapshot): BlockTable[] {
  const headings = new Map<string, string>();
  for (const s of [...p.template.preamble, ...p.template.sections]) {
    headings.set(s.key, s.heading);
    for (const c of s.children ?? []) headings.set(c.key, c.heading);
  }
  const out: BlockTable[] = [];
  for (const key of sectionOrder(p.template, p.sections)) {
    const doc = p.sections[key];
    if (!doc || !Array.isArray(doc.content)) continue;
    let n = 0;
    const walk = (nodes: RichNode[]) => {
      nodes.forEach((node, i) => {
        if (!node || typeof node !== 'object') return;
        if (node.type === 'table') {
          n++;
          const before = nodes[i - 1];
          const lead = before && (before.type === 'paragraph' || before.type === 'heading') ? cellText(before) : '';
          const title = /^table\b/i.test(lead) ? lead.replace(/\.$/, '') : `${headings.get(key) ?? key} table ${n}`;
          if (grid(node).length > 0) out.push(authoredTable(node, title));
          return;
        }
        if (Array.isArray(node.content)) walk(node.content);
      });
    };
    walk(doc.content);
  }
  return out;
}
