/**
 * What a workbook holds and where: its sheets in tab order with their parts, the parts with its
 * shared strings and its styles, and its date system, from the workbook part and its
 * relationships; and which cell styles show a number as a date or time. Element
 * names are compared without their namespace prefix (some writers put everything in "x:"),
 * and LibreOffice's date1904="true" counts as Excel's "1".
 */
/// <reference path="./exceljs-internals.d.ts" />
import { posix } from 'node:path';
import parseSax from 'exceljs/lib/utils/parse-sax';
import { AppError } from '../../../shared/errors';
import { localName } from './sheet-rows';
import type { XlsxParts } from './xlsx-parts';

export interface SheetPart {
  name: string;
  hidden: boolean;
  part: string;
}

export interface WorkbookLayout {
  sheets: SheetPart[];
  sharedStrings: string | null;
  /** The styles part (cell formats), if the workbook has one. */
  styles: string | null;
  date1904: boolean;
}

/** Cell style (the `s` of a cell, an index into cellXfs) -> 1 when it shows a number as a date or time. */
export type DateStyles = Uint8Array;

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';

/** A relationship's target as a part name: relative to xl/, or absolute from the package root. */
function partOf(target: string): string {
  return target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target));
}

/** Every element of a small part, by local name, with its attributes. */
async function elements(xml: string): Promise<Array<{ name: string; attributes: Record<string, string> }>> {
  const out: Array<{ name: string; attributes: Record<string, string> }> = [];
  for await (const events of parseSax([xml])) {
    for (const e of events) {
      if (e.eventType === 'opentag') out.push({ name: localName(e.value.name), attributes: e.value.attributes });
    }
  }
  return out;
}

/** An attribute by its local name (r:id, or the same under another prefix). */
function attribute(attributes: Record<string, string>, local: string, prefixed = false): string | undefined {
  for (const [name, value] of Object.entries(attributes)) {
    if (prefixed === name.includes(':') && localName(name) === local) return value;
  }
  return undefined;
}

export async function workbookLayout(parts: XlsxParts): Promise<WorkbookLayout> {
  const book = await elements(parts.text(WORKBOOK, 'in its list of sheets'));
  const rels = parts.has(WORKBOOK_RELS)
    ? (await elements(parts.text(WORKBOOK_RELS, `in its part ${WORKBOOK_RELS}`))).filter((e) => e.name === 'Relationship')
    : [];
  const byId = new Map(rels.map((r) => [r.attributes.Id, r.attributes]));
  const declared = book.filter((e) => e.name === 'sheet');
  const sheets: SheetPart[] = [];
  for (const s of declared) {
    const rel = byId.get(attribute(s.attributes, 'id', true) ?? '');
    if (!rel?.Target || rel.TargetMode === 'External') continue;
    const part = partOf(rel.Target);
    // A chart sheet or a dialog sheet is not a worksheet: it holds no cells to read.
    if (!/\/worksheet$/.test(rel.Type ?? '') || !parts.has(part)) continue;
    const state = s.attributes.state;
    sheets.push({ name: s.attributes.name ?? '', hidden: state === 'hidden' || state === 'veryHidden', part });
  }
  if (sheets.length === 0 && declared.length > 0) {
    throw new AppError(
      'INVALID_FILE',
      `${parts.fileName} could not be read as an Excel workbook: its sheets cannot be found in the file. Open it in Excel, save it as .xlsx, and try again.`,
      {
        fileName: parts.fileName,
        rule: 'readable workbook',
      },
    );
  }
  const stringsRel = rels.find((r) => /\/sharedStrings$/.test(r.attributes.Type ?? ''));
  const stringsPart = stringsRel?.attributes.Target ? partOf(stringsRel.attributes.Target) : 'xl/sharedStrings.xml';
  const stylesRel = rels.find((r) => /\/styles$/.test(r.attributes.Type ?? ''));
  const stylesPart = stylesRel?.attributes.Target ? partOf(stylesRel.attributes.Target) : 'xl/styles.xml';
  const date1904 = book.find((e) => e.name === 'workbookPr')?.attributes.date1904;
  return {
    sheets,
    sharedStrings: parts.has(stringsPart) ? stringsPart : null,
    styles: parts.has(stylesPart) ? stylesPart : null,
    date1904: date1904 === '1' || date1904 === 'true',
  };
}

/** Excel's built-in number formats that show a date or a time (14-22, 45-47; 27-36 and 50-58 in East Asian versions). */
function isBuiltInDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/**
 * Whether a number format code shows a date or a time: once quoted text ("£"), escaped and
 * padding characters (\x, _x, *x) and bracketed parts ([Red], [$£-809], [<100]) are taken out,
 * a day, month, year, hour or second remains. Elapsed time ([h], [mm], [ss]) is time. "General"
 * and money formats such as "£"#,##0.00 are not.
 */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"?/g, '')
    .replace(/[\\_*]./gs, '')
    .replace(/\[(h+|m+|s+)\]/gi, '$1')
    .replace(/\[[^\]]*\]?/g, '');
  return /[dmyhs]/i.test(bare);
}

/**
 * Which cell styles show numbers as dates or times, from the styles part (small: read whole).
 * Null when none does, or the workbook has no styles: its numbers are all numbers.
 */
export async function readDateStyles(parts: XlsxParts, stylesPart: string | null): Promise<DateStyles | null> {
  if (!stylesPart) return null;
  const custom = new Map<number, string>();
  const cellFormats: number[] = [];
  let inNumFmts = false;
  let inCellXfs = false;
  for await (const events of parseSax([parts.text(stylesPart, 'in its styles')])) {
    for (const e of events) {
      if (e.eventType === 'text') continue;
      const name = localName(e.value.name);
      if (e.eventType === 'opentag') {
        const attrs = e.value.attributes;
        if (name === 'numFmts') inNumFmts = true;
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'numFmt' && inNumFmts) custom.set(Number(attrs.numFmtId), attrs.formatCode ?? '');
        else if (name === 'xf' && inCellXfs) cellFormats.push(Number(attrs.numFmtId ?? 0));
      } else if (name === 'numFmts') inNumFmts = false;
      else if (name === 'cellXfs') inCellXfs = false;
    }
  }
  const dates = new Uint8Array(cellFormats.length);
  let any = false;
  cellFormats.forEach((id, i) => {
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : isBuiltInDate(id)) {
      dates[i] = 1;
      any = true;
    }
  });
  return any ? dates : null;
}
