/**
 * Making a pack: the snapshot, composed for a variant, laid out as one PDF by the browser engine
 * and written as a workbook. Nothing is written to the workspace here; publishing stores what
 * this makes.
 */
import { eq } from 'drizzle-orm';
import { buildPdf } from '../../../electron/server/documents/pdf/build-pdf';
import type { PdfEngine } from '../../../electron/server/documents/pdf/types';
import type { DomainServer } from '../../../electron/server/server';
import type { Workspace } from '../../../electron/server/workspace';
import { AppError } from '../../../electron/shared/errors';
import { storedFile } from '../schema';
import type { PackVariant } from '../words';
import { composePack } from './compose';
import { appendixLetter, packDocument } from './html';
import { packFileStem } from './naming';
import { checkAborted, type Report, runBuild } from './progress';
import { type PackSnapshot, takeSnapshot } from './snapshot';
import { type WorkbookVersion, writePackWorkbook } from './workbook';

/** A workbook appendix, which goes beside the pack rather than into its PDF. */
export interface PackAttachment {
  item: string;
  title: string;
  fileName: string;
  sha256: string;
}

export interface BuiltVariant {
  variant: PackVariant;
  pdf: Uint8Array;
  pages: number;
  workbook: Buffer;
  pdfFileName: string;
  workbookFileName: string;
  /** Each paper's first page. */
  contents: Array<{ number: string; title: string; page: number }>;
  exemptItems: string[];
  attachments: PackAttachment[];
}

/** The bytes of a file kept in the workspace by its SHA-256. */
export function storedBytes(ws: Workspace, sha256: string): Uint8Array {
  const row = ws.db.select({ bytes: storedFile.bytes }).from(storedFile).where(eq(storedFile.sha256, sha256)).get();
  if (!row) throw new AppError('NOT_FOUND', `A file this pack needs (SHA-256 ${sha256.slice(0, 12)}…) is missing from the workspace.`);
  return new Uint8Array(row.bytes);
}

/** "Schools-Forum-2026-12-10-pack-public-item-5-appendix-B.xlsx" */
function attachmentsOf(snapshot: PackSnapshot, variant: PackVariant, stem: string): PackAttachment[] {
  const out: PackAttachment[] = [];
  for (const item of snapshot.items) {
    if (!item.paper || (item.exempt && variant === 'public')) continue;
    item.paper.appendices.forEach((a, n) => {
      if (a.format !== 'xlsx') return;
      out.push({ item: item.number, title: a.title, fileName: `${stem}-item-${item.number}-appendix-${appendixLetter(n)}.xlsx`, sha256: a.sha256 });
    });
  }
  return out;
}

export interface VariantOptions {
  signal: AbortSignal;
  report: Report;
  /** When publishing: the version the files are for (named in the files and on the workbook's cover). */
  version?: WorkbookVersion;
  createdAt: Date;
}

/** Each variant in turn from one snapshot; progress runs from 0 to 1 across them all. */
export async function buildVariants(
  ws: Workspace,
  engine: PdfEngine,
  snapshot: PackSnapshot,
  variants: PackVariant[],
  options: VariantOptions,
): Promise<BuiltVariant[]> {
  const out: BuiltVariant[] = [];
  const share = 1 / variants.length;
  for (const [k, variant] of variants.entries()) {
    const base = k * share;
    const label = variants.length > 1 ? ` (${variant} pack)` : '';
    checkAborted(options.signal);
    options.report(`Setting out the papers${label}`, base);
    const pack = composePack(snapshot, variant);
    const doc = packDocument(pack, (sha) => storedBytes(ws, sha), options.createdAt, options.version);
    options.report(`Laying out the PDF${label}`, base + share * 0.05);
    const pdf = await buildPdf(doc.input, engine, {
      signal: options.signal,
      onProgress: (step, fraction) => options.report(`${step}${label}`, base + share * (0.05 + 0.8 * Math.min(1, Math.max(0, fraction)))),
    });
    checkAborted(options.signal);
    options.report(`Writing the workbook${label}`, base + share * 0.88);
    const stem = packFileStem(snapshot.body.name, snapshot.meeting.startsAt, variant, {
      supplementary: snapshot.supplementary,
      version: options.version?.version,
    });
    const attachments = attachmentsOf(snapshot, variant, stem);
    const workbook = await writePackWorkbook(pack, { createdAt: options.createdAt, version: options.version, attachments });
    checkAborted(options.signal);
    out.push({
      variant,
      pdf: pdf.bytes,
      pages: pdf.pages,
      workbook,
      pdfFileName: `${stem}.pdf`,
      workbookFileName: `${stem}.xlsx`,
      contents: doc.entries.map((e) => ({ number: e.number, title: e.title, page: pdf.starts[e.partId] ?? 0 })),
      exemptItems: pack.exemptItems,
      attachments,
    });
    options.report(`Finished${label}`, base + share);
  }
  return out;
}

/** A preview of the pack as it would be published now: one variant, nothing written. */
export function buildPack(
  ws: Workspace,
  server: DomainServer,
  meetingId: number,
  variant: PackVariant,
  options: { supplementary?: boolean; signal?: AbortSignal; onProgress?: Report } = {},
): Promise<BuiltVariant> {
  return runBuild(meetingId, options.signal, async (signal, report) => {
    const snapshot = takeSnapshot(ws, meetingId, { supplementary: options.supplementary });
    const both: Report = (step, fraction) => {
      report(step, fraction);
      options.onProgress?.(step, fraction);
    };
    const [built] = await buildVariants(ws, server.pdf, snapshot, [variant], { signal, report: both, createdAt: ws.actor.now() });
    return built!;
  });
}
