/**
 * Excel puts tab-separated text on the clipboard; a cell holding a tab, newline or quote is
 * wrapped in double quotes with inner quotes doubled. A trailing newline ends the last row.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  const src = text.replace(/\r\n?/g, '\n');
  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
    i++;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * Text Excel would take as a formula (or that a tab or carriage return could push into the next
 * cell) starts with one of these: such text goes out with an apostrophe first, which Excel reads
 * as "this is text" and does not show, as the exports write text cells as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The reverse, for copying out of the app into Excel. Numbers go as numbers; text never as a formula. */
export function toTsv(rows: Array<Array<string | number | null>>): string {
  const cell = (v: string | number | null) => {
    if (typeof v === 'number') return String(v);
    let s = v === null ? '' : v;
    if (FORMULA_START.test(s)) s = `'${s}`;
    return /[\t\n\r"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join('\t')).join('\r\n');
}
