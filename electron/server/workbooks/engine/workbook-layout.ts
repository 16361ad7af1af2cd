/**
 * What a workbook holds and where: its sheets in tab order with their parts, the part with its
 * shared strings, and its date system. exceljs's own readers parse the workbook part and its
 * relationships; this resolves one against the other.
 */
/// <reference path="./exceljs-internals.d.ts" />
import { posix } from 'node:path';
import WorkbookXform from 'exceljs/lib/xlsx/xform/book/workbook-xform';
import RelationshipsXform from 'exceljs/lib/xlsx/xform/core/relationships-xform';
import { AppError } from '../../../shared/errors';
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

export async function workbookLayout(parts: XlsxParts): Promise<WorkbookLayout> {
  const workbook = new WorkbookXform();
  const model = await workbook.parseStream([parts.bytes(WORKBOOK)]);
  const rels = parts.has(WORKBOOK_RELS) ? ((await new RelationshipsXform().parseStream([parts.bytes(WORKBOOK_RELS)])) ?? []) : [];
  const byId = new Map(rels.map((r) => [r.Id, r]));
  const sheets: SheetPart[] = [];
  for (const s of model?.sheets ?? []) {
    const rel = byId.get(s.rId);
    if (!rel || rel.TargetMode === 'External') continue;
    const part = partOf(rel.Target);
    // A chart sheet or a dialog sheet is not a worksheet: it holds no cells to read.
    if (!/\/worksheet$/.test(rel.Type) || !parts.has(part)) continue;
    sheets.push({ name: s.name, hidden: s.state === 'hidden' || s.state === 'veryHidden', part });
  }
  if (sheets.length === 0 && (model?.sheets ?? []).length > 0) {
    throw new AppError('INVALID_FILE', `${parts.fileName} could not be read as an Excel workbook: its sheets cannot be found in the file. Open it in Excel, save it as .xlsx, and try again.`, {
      fileName: parts.fileName,
      rule: 'readable workbook',
    });
  }
  const stringsRel = rels.find((r) => /\/sharedStrings$/.test(r.Type));
  const stringsPart = stringsRel ? partOf(stringsRel.Target) : 'xl/sharedStrings.xml';
  return {
    sheets,
    sharedStrings: parts.has(stringsPart) ? stringsPart : null,
    date1904: Boolean(workbook.map.workbookPr.model?.date1904),
  };
}
