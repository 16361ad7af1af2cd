import { AppError } from '../../electron/shared/errors';
import { defineHandlers } from '../../electron/server/handler';
import { kindInfo } from '../../electron/server/workbooks/engine/kind';
import { exportKindBytes } from '../../electron/server/workbooks/export-kind';
import { listBatches, revertBatch } from '../../electron/server/workbooks/import-batches';
import { deleteMapping, listMappings, saveMapping } from '../../electron/server/workbooks/mappings';
import { KINDS, kindDef } from '../../electron/server/workbooks/kinds';

export const workbookHandlers = defineHandlers({
  listKinds: () => Object.values(KINDS).map(kindInfo),

  exportWorkbook: (input, { ws }) => {
    const { kind, ...scope } = input;
    return exportKindBytes(ws, kindDef(kind), scope);
  },

  importFile: (input, { ws, server }) => server.imports.start(ws, input),

  mapImport: (input, { ws, server }) => server.imports.mapImport(ws, input),

  previewMapped: (input, { ws, server }) => server.imports.previewMapped(ws, input),

  applyImport: (input, { ws, server }) => server.imports.apply(ws, input),

  discardImport: (input, { server }) => ({ discarded: server.imports.discard(input.importId) }),

  getImportProgress: (_input, { server }) => server.imports.progress,

  listImportBatches: (_input, { ws }) => listBatches(ws),

  revertImportBatch: (input, { ws }) => {
    revertBatch(ws, input.batchId);
    return listBatches(ws);
  },

  listMappings: (input, { ws }) => listMappings(ws, input.kind),

  saveMapping: (input, { ws }) => saveMapping(ws, input),

  deleteMapping: (input, { ws }) => {
    const deleted = deleteMapping(ws, input.id);
    if (!deleted) throw new AppError('NOT_FOUND', `There is no saved mapping ${input.id}.`);
    return { deleted };
  },
});
