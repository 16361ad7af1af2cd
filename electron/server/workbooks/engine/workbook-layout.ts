/**
 * What a workbook holds and where: its sheets in tab order with their parts, the part with its
 * shared strings, and its date system, from the workbook part and its relationships. Element
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
  date1904: boolean;
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';

/** A relationship's target as a part name: relative to xl/, or absolute from the package root. */
function partOf(target: string): string {
  return target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target));
}

/** Every element of a small part, by local name, with its attributes. */
async function elements(xml: Buffer): Promise<Array<{ name: string; attributes: Record<string, string> }>> {
  const out: Array<{ name: string; attributes: Record<string, string> }> = [];
  for await (const events of parseSax([xml.toString('utf8')])) {
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
  const book = await elements(parts.bytes(WORKBOOK));
  const rels = parts.has(WORKBOOK_RELS) ? (await elements(parts.bytes(WORKBOOK_RELS))).filter((e) => e.name === 'Relationship') : [];
  const byId = new Map(rels.map((r) => [r.attributes.Id, r.attributes]));
  const declared = book.filter((e) => e.name === 'sheet');
  const sheets: SheetPart[] = [];
  for (const s of declared) {
    const rel = byId.get(attribute(s.attributes, 'id', true) ?? '');
    if (!rel || !rel.Target || rel.TargetMode === 'External') continue;
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
  const date1904 = book.find((e) => e.name === 'workbookPr')?.attributes.date1904;
  return {
    sheets,
    sharedStrings: parts.has(stringsPart) ? stringsPart : null,
    date1904: date1904 === '1' || date1904 === 'true',
  };
}
