/**
 * Publishing freezes a pack: both variants' PDF and workbook are made from one snapshot, kept in
 * the workspace by SHA-256, and recorded as the meeting's next version with the snapshot and
 * what moved since the version before, in one audited change that also locks the version. Later
 * changes to the data never touch it; a correction is a re-issue.
 */
import { createHash } from 'node:crypto';
import { ukLongDate } from '../../../electron/shared/dates';
import { entityRef, splitRef } from '../../../electron/shared/entity-ref';
import { AppError, type ErrorIssue } from '../../../electron/shared/errors';
import { frozenRefs } from '../../../electron/server/documents/block-kind';
import { lockedRefs, setLock } from '../../../electron/server/locks/locks';
import type { DomainServer } from '../../../electron/server/server';
import type { Workspace } from '../../../electron/server/workspace';
import { requireMeeting } from '../agenda/queries';
import { PACK_VERSION_ENTITY } from '../locks';
import { meeting, packFile, packVersion, storedFile } from '../schema';
import type { PackVersionInfo } from '../types';
import { buildVariants } from './build';
import { blockProblems } from './compose';
import { packDifferences } from './differences';
import { runBuild } from './progress';
import { type PackSnapshot, takeSnapshot } from './snapshot';
import { packVersionsOf } from './versions';

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function refuse(field: string, rule: string, message: string, more: ErrorIssue[] = []): AppError {
  return new AppError('INVALID_INPUT', message, { issues: [{ field, rule, message }, ...more] });
}

export interface PublishInput {
  meetingId: number;
  reason?: string;
  supplementary?: boolean;
}

/** Every rule a pack must pass before anything is built; the snapshot it will be made from. */
function checkPublishable(ws: Workspace, input: PublishInput): { snapshot: PackSnapshot; version: number; previous: PackSnapshot | null } {
  const m = requireMeeting(ws, input.meetingId, 'meetingId');
  if (m.status === 'cancelled') {
    throw refuse(
      'meetingId',
      'meeting must not be cancelled',
      'This meeting has been cancelled, so its pack cannot be published. Reinstate the meeting first if it is going ahead.',
    );
  }
  if (m.status === 'approved') {
    throw refuse('meetingId', 'minutes must not be approved', "This meeting's minutes have been approved, so its pack can no longer be re-issued.");
  }
  const supplementary = input.supplementary === true;
  const versions = packVersionsOf(ws, m.id);
  if (supplementary && !versions.some((v) => !v.supplementary)) {
    throw refuse('supplementary', 'main pack first', 'A supplementary pack follows the main pack: publish the main pack first.');
  }
  const snapshot = takeSnapshot(ws, m.id, { supplementary });
  if (snapshot.items.length === 0) {
    throw supplementary
      ? refuse(
          'supplementary',
          'late papers',
          'There are no late papers, so there is nothing for a supplementary pack. Mark a paper as late (with its reason) first.',
        )
      : refuse('meetingId', 'agenda must have items', 'This meeting has no agenda items, so there is no pack to publish. Add the agenda first.');
  }
  const problems = blockProblems(snapshot);
  if (problems.length > 0) {
    const issues = problems.map((p) => ({ field: `item ${p.item}`, rule: 'live block data must exist', message: `Item ${p.item} (${p.title}): ${p.problem}` }));
    const first = issues[0]!.message;
    throw new AppError(
      'INVALID_INPUT',
      `The pack cannot be published while a live block's data is missing. ${first}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''} Change or remove the block, then publish.`,
      { issues },
    );
  }
  const version = Math.max(0, ...versions.map((v) => v.version)) + 1;
  if (version > 1 && !input.reason?.trim()) {
    throw refuse(
      'reason',
      'a re-issue needs a reason',
      `Version ${version - 1} of this pack is already published, so this would be version ${version}: give the reason for re-issuing it (it is printed in the list of versions).`,
    );
  }
  // A re-issue is compared with the last version of its own kind: a supplementary pack with the one before it.
  const prior = [...versions].reverse().find((v) => v.supplementary === supplementary);
  const previous = prior
    ? (JSON.parse(ws.db.$client.prepare('SELECT snapshot FROM pack_version WHERE id = ?').pluck().get(prior.id) as string) as PackSnapshot)
    : null;
  return { snapshot, version, previous };
}

export async function publishPack(ws: Workspace, server: DomainServer, input: PublishInput, options: { signal?: AbortSignal } = {}): Promise<PackVersionInfo> {
  const { snapshot, version, previous } = checkPublishable(ws, input);
  const publishedAt = ws.actor.now();
  const publishedBy = ws.actor.who();
  const reason = input.reason?.trim() ?? '';
  const built = await runBuild(input.meetingId, options.signal, (signal, report) =>
    buildVariants(ws, server.pdf, snapshot, ['full', 'public'], {
      signal,
      report,
      createdAt: publishedAt,
      version: { version, publishedAt: publishedAt.toISOString(), publishedBy, reason },
    }),
  );
  const differences = previous ? packDifferences(previous, snapshot) : [];
  const what = snapshot.supplementary ? 'supplementary pack' : 'pack';
  const label = `Publish ${what} for ${snapshot.body.name}, ${ukLongDate(snapshot.meeting.startsAt.slice(0, 10))}${
    version > 1 ? ` (version ${version}: ${reason})` : ''
  }`;
  // Records the pack's blocks show (an allocation run) are locked with it, so its figures never move.
  const freeze = frozenRefs(
    ws.registry.blocks,
    snapshot.items.flatMap((i) => Object.values(i.paper?.blocks ?? {})),
  );
  const freezeReason = `Shown in the published ${what} for ${snapshot.body.name}, ${ukLongDate(snapshot.meeting.startsAt.slice(0, 10))} (version ${version})`;
  const files = built.flatMap((b) => [
    { variant: b.variant, format: 'pdf' as const, fileName: b.pdfFileName, bytes: b.pdf, pages: b.pages },
    { variant: b.variant, format: 'xlsx' as const, fileName: b.workbookFileName, bytes: new Uint8Array(b.workbook), pages: null },
  ]);
  ws.write('status', label, (rec) => {
    const m = requireMeeting(ws, input.meetingId, 'meetingId');
    if (m.status === 'cancelled')
      throw refuse('meetingId', 'meeting must not be cancelled', 'This meeting was cancelled while the pack was being made, so it was not published.');
    if (Math.max(0, ...packVersionsOf(ws, m.id).map((v) => v.version)) !== version - 1) {
      throw refuse(
        'meetingId',
        'one publish at a time',
        'Another version of this pack was published while this one was being made, so this one was not. Publish again to make the next version.',
      );
    }
    const row = rec.insert(
      packVersion,
      {
        meetingId: m.id,
        version,
        supplementary: snapshot.supplementary,
        reason,
        publishedAt: publishedAt.toISOString(),
        publishedBy,
        snapshot: JSON.stringify(snapshot),
        differences: JSON.stringify(differences),
      },
      { subject: entityRef('meeting', m.id) },
    );
    for (const f of files) {
      const sha256 = sha256Of(f.bytes);
      // Content-addressed and insert-only: the audited pack_file row is what records it.
      ws.db
        .insert(storedFile)
        .values({ sha256, bytes: Buffer.from(f.bytes), size: f.bytes.length })
        .onConflictDoNothing()
        .run();
      rec.insert(packFile, { versionId: row.id, variant: f.variant, format: f.format, fileName: f.fileName, sha256, size: f.bytes.length, pages: f.pages });
    }
    setLock(rec, ws.db, PACK_VERSION_ENTITY, String(row.id), true, `Published version ${version}${reason ? `: ${reason}` : ''}`, {
      who: publishedBy,
      at: publishedAt.toISOString(),
    });
    const locked = lockedRefs(ws.db);
    for (const ref of freeze.filter((r) => !locked.has(r))) {
      const { entity, id } = splitRef(ref);
      setLock(rec, ws.db, entity, id, true, freezeReason, { who: publishedBy, at: publishedAt.toISOString() });
    }
    if (m.status === 'draft') rec.update(meeting, m.id, { status: 'published' });
  });
  return packVersionsOf(ws, input.meetingId).find((v) => v.version === version)!;
}
