/**
 * Reading a FOREIGN workbook (a finance system's export, last year's spreadsheet) into a known workbook kind:
 * find the header row under any title lines, propose which column feeds which field, and tell data rows from
 * subtotal bands. Pure functions over already-unwrapped cell values; no ExcelJS here.
 */

/** Cell values already unwrapped (formula -> cached result, rich text -> plain string); dates arrive as serial numbers. */
export type RawValue = string | number | boolean | null;
/** row: 1-based sheet row; cells[0] is column A; sparse rows are fine (undefined/null = blank). */
export interface RawRow {
  row: number;
  cells: RawValue[];
}
export interface MappableField {
  field: string;
  header: string;
  aliases: string[];
  required: boolean;
  type: FieldType;
}
/** col 1-based, letter like 'A', 'AB'. */
export interface HeaderCell {
  col: number;
  letter: string;
  text: string;
}
/** field -> 1-based column. */
export type ColumnMapping = Record<string, number>;

import type { FieldType } from '../../../shared/workbook-types';
import { columnLetter } from '../column-letter';

export { columnLetter };

/**
 * Lowercase, separators (- _ / \ | , ;) become spaces, other punctuation (£ ( ) : . * # ' " ...) is dropped,
 * whitespace and newlines collapse: "Forecast  Outturn (£)" -> "forecast outturn", "Sub-total" -> "sub total".
 * '%' and '&' are kept because "Variance %" and "Variance" are different columns.
 */
export function normaliseHeader(text: string): string {
  return String(text)
    .toLowerCase()
    .replace(/[-‐‑‒–—_/\\|,;]+/g, ' ')
    .replace(/[^\p{L}\p{N}\s%&]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------------------------------------------------------
// Cell helpers

function isBlank(v: RawValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

const NUMERIC_TEXT = /^[-+]?\(?[-+]?\s*[£$€]?\s*[-+]?\d[\d,]*(\.\d+)?\)?%?$/;

/** A number, or text that is only a number ("1,234.50", "(1,200)", "£300", "12%"). */
function isNumberLike(v: RawValue | undefined): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v === 'string') return NUMERIC_TEXT.test(v.trim().replace(/\s+/g, ''));
  return false;
}

/** Non-blank text that is not just a number. */
function isText(v: RawValue | undefined): v is string {
  return typeof v === 'string' && v.trim() !== '' && !isNumberLike(v);
}

function displayText(v: RawValue): string {
  return String(v).replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------------------------
// Matching a header cell against a field

/** Tier 3: exact normalised header/alias; 2: one contains the other as whole words; 1: shared significant words. */
type Tier = 0 | 1 | 2 | 3;
interface Match {
  tier: Tier;
  /** 0..1, breaks ties inside a tier (closer lengths, more overlap). */
  quality: number;
}

const STOP_WORDS = new Set(['the', 'of', 'and', 'for', 'to', 'in', 'on', 'at', 'by', 'per', 'or', 'an', 'with', 'from', 'total']);

function significantWords(norm: string): Set<string> {
  return new Set(norm.split(' ').filter((w) => w.length >= 3 && !/^\d+$/.test(w) && !STOP_WORDS.has(w)));
}

function containsWords(haystack: string, needle: string): boolean {
  return needle !== '' && ` ${haystack} `.includes(` ${needle} `);
}

function candidateNames(field: MappableField): string[] {
  const names = [field.header, ...field.aliases].map(normaliseHeader).filter((s) => s !== '');
  return [...new Set(names)];
}

function matchField(headerNorm: string, field: MappableField): Match {
  if (headerNorm === '') return { tier: 0, quality: 0 };
  let best: Match = { tier: 0, quality: 0 };
  const better = (m: Match) => m.tier > best.tier || (m.tier === best.tier && m.quality > best.quality);
  const headerWords = significantWords(headerNorm);
  for (const name of candidateNames(field)) {
    let m: Match = { tier: 0, quality: 0 };
    if (name === headerNorm) {
      m = { tier: 3, quality: 1 };
    } else if (containsWords(headerNorm, name) || containsWords(name, headerNorm)) {
      m = { tier: 2, quality: Math.min(name.length, headerNorm.length) / Math.max(name.length, headerNorm.length) };
    } else {
      const nameWords = significantWords(name);
      let shared = 0;
      for (const w of nameWords) if (headerWords.has(w)) shared++;
      if (shared > 0) m = { tier: 1, quality: shared / (nameWords.size + headerWords.size - shared) };
    }
    if (better(m)) best = m;
  }
  return best;
}

interface Assignment {
  field: string;
  col: number;
  tier: Tier;
}

/** Greedy one-to-one assignment, best matches first; ties -> earlier field, then earlier column. */
function assign(headers: HeaderCell[], fields: MappableField[]): Assignment[] {
  const candidates: { field: string; fieldIdx: number; col: number; m: Match }[] = [];
  fields.forEach((f, fieldIdx) => {
    if (f.type === 'id') return;
    for (const h of headers) {
      const m = matchField(normaliseHeader(h.text), f);
      if (m.tier > 0) candidates.push({ field: f.field, fieldIdx, col: h.col, m });
    }
  });
  candidates.sort((a, b) => b.m.tier - a.m.tier || b.m.quality - a.m.quality || a.fieldIdx - b.fieldIdx || a.col - b.col);
  const usedFields = new Set<string>();
  const usedCols = new Set<number>();
  const out: Assignment[] = [];
  for (const c of candidates) {
    if (usedFields.has(c.field) || usedCols.has(c.col)) continue;
    usedFields.add(c.field);
    usedCols.add(c.col);
    out.push({ field: c.field, col: c.col, tier: c.m.tier });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Header row

function headerCells(cells: RawValue[]): HeaderCell[] {
  const out: HeaderCell[] = [];
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (v === undefined || isBlank(v)) continue;
    out.push({ col: i + 1, letter: columnLetter(i + 1), text: displayText(v) });
  }
  return out;
}

/**
 * Finds the header row among the first `maxScan` sheet rows (counted from the first row given). A candidate needs
 * at least 2 DIFFERENT text cells (a merged A1:H1 title arrives as one value, possibly repeated across the merge, so
 * title and "Run date: ..." lines cannot qualify; numbers and numeric text are not text) and at least one field
 * match. Score = sum of match tiers of the one-to-one assignment (exact 3, contains 2, shared words 1), each distinct
 * text counted once. Highest score wins; ties -> the earlier row. Returns the row's non-blank cells.
 */
export function detectHeaderRow(rows: RawRow[], fields: MappableField[], maxScan = 30): { headerRow: number; headers: HeaderCell[] } | null {
  if (rows.length === 0) return null;
  const first = Math.min(...rows.map((r) => r.row));
  let best: { headerRow: number; headers: HeaderCell[]; score: number } | null = null;
  for (const r of rows) {
    if (r.row >= first + maxScan) continue;
    const seen = new Set<string>();
    const distinct: HeaderCell[] = [];
    for (let i = 0; i < r.cells.length; i++) {
      const v = r.cells[i];
      if (!isText(v)) continue;
      const norm = normaliseHeader(v);
      if (norm === '' || seen.has(norm)) continue;
      seen.add(norm);
      distinct.push({ col: i + 1, letter: columnLetter(i + 1), text: displayText(v) });
    }
    if (distinct.length < 2) continue;
    const assigned = assign(distinct, fields);
    if (assigned.length === 0) continue;
    const score = assigned.reduce((s, a) => s + a.tier, 0);
    if (best === null || score > best.score || (score === best.score && r.row < best.headerRow)) {
      best = { headerRow: r.row, headers: headerCells(r.cells), score };
    }
  }
  return best && { headerRow: best.headerRow, headers: best.headers };
}

// ---------------------------------------------------------------------------------------------------------------
// Mapping

/**
 * Proposes field -> column, one column per field and one field per column, best matches first: exact normalised
 * header/alias, then whole-word containment either way, then shared significant words. 'id' fields are never mapped
 * from a foreign file (ids belong to this app). Columns matching nothing (e.g. "Variance") stay unmapped.
 */
export function proposeMapping(headers: HeaderCell[], fields: MappableField[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const a of assign(headers, fields)) mapping[a.field] = a.col;
  return mapping;
}

/**
 * An explicit mapping from the user, e.g. `--map "Cost centre=code,Forecast=forecastPence"` parsed to
 * { 'Cost centre': 'code', Forecast: 'forecastPence' }. Header text is matched by normalised text (first such column);
 * field names exactly, or ignoring case. Anything that cannot be honoured is reported, not guessed.
 */
export function mappingFromHeaderText(
  headers: HeaderCell[],
  map: Record<string, string>,
  fields: MappableField[],
): { mapping: ColumnMapping; problems: string[] } {
  const mapping: ColumnMapping = {};
  const problems: string[] = [];
  const colOwner = new Map<number, string>();
  const headerList = headers.map((h) => `"${h.text}"`).join(', ');
  const fieldList = fields
    .filter((f) => f.type !== 'id')
    .map((f) => f.field)
    .join(', ');
  for (const [headerText, fieldName] of Object.entries(map)) {
    const wanted = normaliseHeader(headerText);
    const header = headers.find((h) => normaliseHeader(h.text) === wanted && wanted !== '');
    const name = fieldName.trim();
    const field = fields.find((f) => f.field === name) ?? fields.find((f) => f.field.toLowerCase() === name.toLowerCase());
    let ok = true;
    if (!header) {
      problems.push(`There is no column headed "${headerText.trim()}" in the header row (the headers are ${headerList || 'none'}).`);
      ok = false;
    }
    if (!field) {
      problems.push(`"${name}" is not a field of this workbook (the fields are ${fieldList}).`);
      ok = false;
    } else if (field.type === 'id') {
      problems.push(`"${field.field}" cannot be imported from another file: this app assigns it.`);
      ok = false;
    }
    if (!ok || !header || !field) continue;
    if (mapping[field.field] !== undefined && mapping[field.field] !== header.col) {
      problems.push(`"${field.field}" is mapped from more than one column; only the first, column ${columnLetter(mapping[field.field]!)}, is used.`);
      continue;
    }
    const owner = colOwner.get(header.col);
    if (owner !== undefined && owner !== field.field) {
      problems.push(`Column ${header.letter} ("${header.text}") is mapped to both "${owner}" and "${field.field}"; only "${owner}" is used.`);
      continue;
    }
    mapping[field.field] = header.col;
    colOwner.set(header.col, field.field);
  }
  return { mapping, problems };
}

// ---------------------------------------------------------------------------------------------------------------
// Rows to skip

/** "total", "totals", "sub total"/"subtotal"/"sub-total", "grand total", "net total", "total for …", "… total". */
function saysTotal(v: RawValue | undefined): boolean {
  if (!isText(v)) return false;
  const n = normaliseHeader(v);
  return /^(grand |net |sub ?)?totals?( |$)/.test(n) || /(^| )(sub ?)?totals?$/.test(n);
}

/** A bare total label with no other words: "Total", "Sub-total", "Grand total", "Net total". */
function isBareTotalLabel(v: RawValue | undefined): boolean {
  if (!isText(v)) return false;
  return /^(grand |net |sub ?)?totals?$/.test(normaliseHeader(v));
}

/** Rule: a non-blank key cell (a code) makes a data row unless the key cell itself says total or another cell is a bare "Total" label; a blank key cell makes a subtotal if any text cell says total or any mapped money column (any mapped column when `fields` is not given) holds a number. */
export function isSubtotalRow(cells: RawValue[], mapping: ColumnMapping, keyField: string, fields?: MappableField[]): boolean {
  const keyCol = mapping[keyField];
  const keyCell = keyCol === undefined ? undefined : cells[keyCol - 1];
  const keyBlank = keyCol === undefined || isBlank(keyCell ?? null);
  const others = cells.filter((_, i) => i + 1 !== keyCol);
  if (!keyBlank) return saysTotal(keyCell) || others.some(isBareTotalLabel);
  if (cells.some(saysTotal)) return true;
  if (keyCol === undefined) return false; // without a key column, only the words can tell
  const moneyFields = fields ? new Set(fields.filter((f) => f.type === 'money').map((f) => f.field)) : null;
  return Object.entries(mapping).some(([field, col]) => field !== keyField && (moneyFields === null || moneyFields.has(field)) && isNumberLike(cells[col - 1]));
}

/** Every cell null/undefined/'' or whitespace (an empty row counts as blank). */
export function isBlankRow(cells: RawValue[]): boolean {
  for (let i = 0; i < cells.length; i++) if (!isBlank(cells[i] ?? null)) return false;
  return true;
}
