import { z } from 'zod';
import type { FileBytes } from '../../electron/shared/types';
import type { ImportApplied, ImportBatchInfo, ImportProgress, ImportPreview, ImportStart, KindInfo, SavedMapping } from '../../electron/shared/workbook-types';
import { channel, empty, fileBytes, recordId, requiredText, text } from '../../electron/shared/contract-kit';

/** A workbook kind by name; the server checks it against the kinds it knows. */
const kindField = requiredText(40);
/** Which records an export or a foreign import covers, in the kind's own terms; the kind checks it. */
const scopeField = z.record(z.string().max(40), z.union([z.string().max(200), z.number()]));
const headerRowField = z.int().min(1).max(1000);

export const importsContract = {
  listKinds: channel(empty).returns<KindInfo[]>(),
  exportWorkbook: channel(z.strictObject({ kind: kindField, scope: scopeField })).returns<FileBytes>(),
  /**
   * Reads a workbook and answers with a preview (nothing is written), or, for a foreign
   * workbook, the column mapping proposed from its header. `path` only from a host's file
   * dialog or the command line; the window sends the file's bytes.
   */
  importFile: channel(
    z.strictObject({
      source: z.union([z.strictObject({ path: requiredText(4096) }), fileBytes]),
      kind: kindField.optional(),
      scope: scopeField.optional(),
      /** Header text -> field, as `hnb import --map` gives it. */
      map: z.record(z.string().max(200), z.string().max(60)).optional(),
      headerRow: headerRowField.optional(),
      mappingName: text(100).optional(),
    }),
  ).returns<ImportStart>(),
  /** A foreign workbook read earlier: what it holds, and the mapping proposed from its header. */
  mapImport: channel(
    z.strictObject({ importId: requiredText(64), kind: kindField, scope: scopeField, headerRow: headerRowField.optional() }),
  ).returns<ImportStart>(),
  /** A foreign workbook, read through the mapping the user confirmed. */
  previewMapped: channel(
    z.strictObject({
      importId: requiredText(64),
      kind: kindField,
      scope: scopeField,
      headerRow: headerRowField,
      /** field -> 1-based column number */
      columns: z.record(z.string().max(60), z.int().min(1).max(16384)),
    }),
  ).returns<ImportPreview>(),
  applyImport: channel(
    z.strictObject({
      importId: requiredText(64),
      /** Per conflicting row key: keep the database's value or take the file's. */
      resolutions: z.record(z.string().max(64), z.enum(['file', 'db'])).optional(),
      /** For every conflict not resolved row by row. */
      prefer: z.enum(['file', 'db']).optional(),
      /** Rows missing from the file are left alone unless this is ticked. */
      deleteMissing: z.boolean().optional(),
      /** The user has been asked again about the preview's flags (most rows unmatched, large moves) and said yes. */
      confirmFlags: z.boolean().optional(),
    }),
  ).returns<ImportApplied>(),
  discardImport: channel(z.strictObject({ importId: requiredText(64) })).returns<{ discarded: boolean }>(),
  getImportProgress: channel(empty).returns<ImportProgress>(),
  listImportBatches: channel(empty).returns<ImportBatchInfo[]>(),
  revertImportBatch: channel(z.strictObject({ batchId: recordId })).returns<ImportBatchInfo[]>(),
  listMappings: channel(z.strictObject({ kind: kindField.optional() })).returns<SavedMapping[]>(),
  saveMapping: channel(
    z.strictObject({
      name: requiredText(100),
      kind: kindField,
      columns: z.record(z.string().max(200), z.string().max(60)),
      headerRow: headerRowField.nullable().optional(),
    }),
  ).returns<SavedMapping>(),
  deleteMapping: channel(z.strictObject({ id: recordId })).returns<{ deleted: number }>(),
  /** Native open dialog, then importFile with the chosen path. Null when the user cancels. */
  chooseImportFile: channel(z.strictObject({ kind: kindField.optional(), scope: scopeField.optional() })).hostReturns<ImportStart | null>(),
};
