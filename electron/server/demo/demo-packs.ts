/**
 * The demo's published pack: October's forum meeting, published through the pack code after the
 * demo is loaded, so the stored version (files, snapshot, SHA-256s, lock) is exactly what
 * publishing makes. Kept out of the demo's own write: laying a PDF out needs a browser, which a
 * machine may not have, and the rest of the demo is whole without it.
 */
import { and, eq } from 'drizzle-orm';
import { body, meeting, packVersion } from '../../../features/meetings/schema';
import { publishPack } from '../../../features/meetings/pack/publish';
import { ukLongDate } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import type { DomainServer } from '../server';
import { DEMO_FORUM_NAME, DEMO_PUBLISHED_MEETING } from './demo-meetings';

export interface DemoPacks {
  published: Array<{ meetingId: number; version: number; pages: number | null }>;
  /** Why a pack was not published, in a sentence for the person who asked for the demo; null when all were. */
  note: string | null;
}

/** Publishes the demo's October pack unless it is missing or already published; a refusal (no browser) is a note, not a failure. */
export async function publishDemoPacks(server: DomainServer): Promise<DemoPacks> {
  const ws = server.workspace;
  if (!ws) return { published: [], note: 'No workspace is open, so no demo pack was published.' };
  const row = ws.db
    .select({ id: meeting.id })
    .from(meeting)
    .innerJoin(body, eq(body.id, meeting.bodyId))
    .where(and(eq(body.name, DEMO_FORUM_NAME), eq(meeting.startsAt, DEMO_PUBLISHED_MEETING)))
    .get();
  if (!row) return { published: [], note: null };
  if (ws.db.select({ id: packVersion.id }).from(packVersion).where(eq(packVersion.meetingId, row.id)).get()) return { published: [], note: null };
  const when = ukLongDate(DEMO_PUBLISHED_MEETING.slice(0, 10));
  try {
    const v = await publishPack(ws, server, { meetingId: row.id });
    const pages = v.files.find((f) => f.variant === 'full' && f.format === 'pdf')?.pages ?? null;
    return { published: [{ meetingId: row.id, version: v.version, pages }], note: null };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return {
      published: [],
      note: `The pack for the ${DEMO_FORUM_NAME} on ${when} was not published: ${e.message} The rest of the demo is in place; publish the pack later from the meeting's page, or with hnb publish --meeting ${row.id}.`,
    };
  }
}
