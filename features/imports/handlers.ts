import { AppError } from '../../electron/shared/errors';
import { defineHandlers } from '../../electron/server/handler';
import { exportKindBytes } from '../../electron/server/workbooks/export-kind';
import { listBatches, revertBatch } from '../../electron/server/workbooks/import-batches';
import { deleteMapping, listMappings, saveMapping } from '../../electron/server/workbooks/mappings';

export const importsHandlers = defineHandlers({
  listKinds: (_input, { server }) => server.registry.kinds.info(),

  exportWorkbook: (input, { ws }) => exportKindBytes(ws, ws.kinds.get(input.kind), input.scope),

  importFile: (input, { ws, server }) => server.imports.start(ws, input),

  mapImport: (input, { ws, server }) => server.imports.mapImport(ws, input),

  previewMapped: (input, { ws, server }) => server.imports.previewMapped(ws, input),

  applyImport: (input, { ws, server }) => server.imports.apply(ws, input),

  discardImport: (input, { server }) => ({ discarded: server.imports.discard(input.importId) }),

  getImportProgress: (_input, { server }) => server.imports.progress,

  listImportBatches: (_input, { ws }) => listBatches(ws, ws.kinds),

  revertImportBatch: (input, { ws }) => {
    revertBatch(ws, input.batchId);
    return listBatches(ws, ws.kinds);
  },

  listMappings: (input, { ws }) => listMappings(ws, input.kind),

  saveMapping: (input, { ws }) => {
    ws.kinds.get(input.kind);
    return saveMapping(ws, input);
  },

  deleteMapping: (input, { ws }) => {
    const deleted = deleteMapping(ws, input.id);
    if (!deleted) throw new AppError('NOT_FOUND', `There is no saved mapping ${input.id}.`);
    return { deleted };
  },
});
