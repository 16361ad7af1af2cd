import { asc, eq } from 'drizzle-orm';
import type { Workspace } from '../../../electron/server/workspace';
import { packFile, packVersion } from '../schema';
import type { PackDifference, PackVersionInfo } from '../types';

/** A meeting's published pack versions, oldest first, with their stored files and what each changed. */
export function packVersionsOf(ws: Workspace, meetingId: number): PackVersionInfo[] {
  const versions = ws.db.select().from(packVersion).where(eq(packVersion.meetingId, meetingId)).orderBy(asc(packVersion.version)).all();
  return versions.map((v) => ({
    id: v.id,
    version: v.version,
    supplementary: v.supplementary,
    reason: v.reason,
    publishedAt: v.publishedAt,
    publishedBy: v.publishedBy,
    files: ws.db
      .select()
      .from(packFile)
      .where(eq(packFile.versionId, v.id))
      .all()
      .map((f) => ({ variant: f.variant, format: f.format, fileName: f.fileName, sha256: f.sha256, size: f.size, pages: f.pages })),
    differences: JSON.parse(v.differences) as PackDifference[],
  }));
}
