import { and, eq } from 'drizzle-orm';
import { defineHandlers } from '../../../electron/server/handler';
import { AppError } from '../../../electron/shared/errors';
import { requireMeeting } from '../agenda/queries';
import { packFile, packVersion } from '../schema';
import { buildPack, storedBytes } from './build';
import { cancelPackBuild, packProgress } from './progress';
import { publishPack, sha256Of } from './publish';
import { packVersionsOf } from './versions';

export const packHandlers = defineHandlers({
  buildPack: async (input, { ws, server }) => {
    requireMeeting(ws, input.meetingId, 'meetingId');
    const built = await buildPack(ws, server, input.meetingId, input.variant, { supplementary: input.supplementary });
    return {
      meetingId: input.meetingId,
      variant: built.variant,
      pdfBase64: Buffer.from(built.pdf).toString('base64'),
      workbookBase64: built.workbook.toString('base64'),
      pdfFileName: built.pdfFileName,
      workbookFileName: built.workbookFileName,
      pages: built.pages,
      contents: built.contents,
      exemptItems: built.exemptItems,
      attachments: built.attachments.map((a) => ({ item: a.item, title: a.title, fileName: a.fileName, sha256: a.sha256 })),
    };
  },

  getPackProgress: () => packProgress(),

  cancelPackBuild: () => cancelPackBuild(),

  publishPack: (input, { ws, server }) => publishPack(ws, server, input),

  listPackVersions: (input, { ws }) => {
    requireMeeting(ws, input.meetingId, 'meetingId');
    return packVersionsOf(ws, input.meetingId);
  },

  getPackFile: (input, { ws }) => {
    const version = ws.db.select({ version: packVersion.version }).from(packVersion).where(eq(packVersion.id, input.versionId)).get();
    if (!version) {
      throw new AppError('NOT_FOUND', `There is no published pack version with id ${input.versionId}.`, {
        issues: [{ field: 'versionId', rule: 'pack version must exist', message: `no pack version ${input.versionId}` }],
      });
    }
    const file = ws.db
      .select()
      .from(packFile)
      .where(and(eq(packFile.versionId, input.versionId), eq(packFile.variant, input.variant), eq(packFile.format, input.format)))
      .get();
    if (!file) {
      throw new AppError('NOT_FOUND', `Version ${version.version} has no ${input.variant} ${input.format === 'pdf' ? 'PDF' : 'workbook'}.`, {
        issues: [{ field: 'format', rule: 'file must exist', message: `no ${input.variant} ${input.format}` }],
      });
    }
    const bytes = storedBytes(ws, file.sha256);
    // Content-addressed: bytes that no longer hash to their name have been damaged outside the app.
    if (sha256Of(bytes) !== file.sha256) {
      throw new AppError('DAMAGED', `The stored ${file.fileName} does not match its SHA-256: the workspace file has been damaged. Restore it from a backup.`);
    }
    return { fileName: file.fileName, base64: Buffer.from(bytes).toString('base64'), sha256: file.sha256 };
  },
});
