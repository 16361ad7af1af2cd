import { parseMoney } from '../../../electron/shared/money';

export interface PasteColumn {
  colId: string;
  header: string;
  editable: boolean;
  type: 'money' | 'signed-money' | 'text';
}

export interface PasteTarget {
  /** null for heading and subtotal rows, which a paste steps over. */
  lineId: number | null;
  code: string;
}

export interface PastePlan {
  changes: Map<number, Record<string, number | string | null>>;
  errors: string[];
  cells: number;
}

/**
 * Maps a block copied from Excel onto the grid from the focused cell: down the budget lines
 * (stepping over headings and subtotals, as a line list in Excel has none) and across the
 * editable columns (stepping over computed ones, so "forecast, actual, commentary" copied
 * side by side land in those three columns). Every cell is checked before anything is saved.
 */
export function planPaste(
  block: string[][],
  rows: PasteTarget[],
  startRow: number,
  columns: PasteColumn[],
  startCol: number,
): PastePlan {
  const targetRows = rows.slice(startRow).filter((r) => r.lineId !== null);
  const targetCols = columns.slice(startCol).filter((c) => c.editable);
  const changes = new Map<number, Record<string, number | string | null>>();
  const errors: string[] = [];
  let cells = 0;
  if (targetCols.length === 0) errors.push('Paste into an editable column (the white cells).');
  const width = Math.max(0, ...block.map((r) => r.length));
  if (block.length > targetRows.length) errors.push(`The copied block has ${block.length} rows but only ${targetRows.length} budget lines lie below the selected cell.`);
  if (width > targetCols.length && targetCols.length > 0) errors.push(`The copied block has ${width} columns but only ${targetCols.length} editable columns lie to the right of the selected cell.`);
  if (errors.length) return { changes, errors, cells };

  block.forEach((cellsInRow, i) => {
    const row = targetRows[i]!;
    cellsInRow.forEach((raw, j) => {
      const col = targetCols[j]!;
      const text = raw.trim();
      let value: number | string | null;
      if (col.type === 'text') value = text === '' ? null : text;
      else if (text === '') value = null;
      else {
        const parsed = parseMoney(text);
        if (!parsed.ok) {
          errors.push(`${row.code}, ${col.header}: ${parsed.reason}`);
          return;
        }
        if (col.type === 'money' && parsed.pence < 0) {
          errors.push(`${row.code}, ${col.header}: must not be negative (found "${text}")`);
          return;
        }
        value = parsed.pence;
      }
      const entry = changes.get(row.lineId!) ?? {};
      entry[col.colId] = value;
      changes.set(row.lineId!, entry);
      cells++;
    });
  });
  return { changes, errors, cells };
}
