import { parseMoney } from '../../../electron/shared/money';

export interface PasteColumn {
  colId: string;
  header: string;
  editable: boolean;
  /** Money may be negative everywhere a person types it: credits, income lines, reversals. */
  type: 'money' | 'text';
}

export interface PasteTarget {
  /** null for heading, subtotal and total rows, which cannot take a paste. */
  lineId: number | null;
  code: string;
  /** What the row shows, for naming it in an error. */
  label: string;
}

export interface PastePlan {
  changes: Map<number, Record<string, number | string | null>>;
  errors: string[];
  cells: number;
}

/**
 * Maps a block copied from Excel onto the grid cell for cell from the focused cell, as Excel
 * pastes: every cell lands exactly where it is seen to land. A block that would cover a
 * calculated column, a heading or a subtotal is refused rather than shifted, so figures never
 * end up in a column or line the user did not see. Every cell is checked before anything is saved.
 */
export function planPaste(block: string[][], rows: PasteTarget[], startRow: number, columns: PasteColumn[], startCol: number): PastePlan {
  const changes = new Map<number, Record<string, number | string | null>>();
  const errors: string[] = [];
  let cells = 0;
  const height = block.length;
  const width = Math.max(0, ...block.map((r) => r.length));
  const targetRows = rows.slice(startRow, startRow + height);
  const targetCols = columns.slice(startCol, startCol + width);
  if (targetRows.length < height) errors.push(`The copied block has ${height} rows but only ${rows.length - startRow} rows lie below the selected cell.`);
  if (targetCols.length < width)
    errors.push(`The copied block has ${width} columns but only ${columns.length - startCol} columns lie to the right of the selected cell.`);
  const computed = targetCols.filter((c) => !c.editable);
  if (computed.length) {
    errors.push(
      `${computed.map((c) => c.header).join(', ')} ${computed.length > 1 ? 'are' : 'is'} calculated, so the block cannot be pasted over ${computed.length > 1 ? 'them' : 'it'}. Paste into the white columns only, one column at a time if they are apart.`,
    );
  }
  const fixed = targetRows.filter((r) => r.lineId === null);
  if (fixed.length) {
    errors.push(
      `The block would cover ${fixed.map((r) => `"${r.label}"`).join(', ')}, which ${fixed.length > 1 ? 'are' : 'is'} not a budget line. Paste one provision group at a time.`,
    );
  }
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
