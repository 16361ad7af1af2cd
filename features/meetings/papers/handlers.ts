import { createHash } from 'node:crypto';
import { eq, max } from 'drizzle-orm';
import { AppError } from '../../../electron/shared/errors';
import { defineHandlers } from '../../../electron/server/handler';
import type { Workspace } from '../../../electron/server/workspace';
import { BLOCK_PRINT_CSS } from '../../../electron/server/documents/blocks/print-css';
import { describeBlockKind } from '../../../electron/server/documents/block-kind';
import { blockProblemHtml } from '../../../electron/server/documents/blocks/block-common';
import { assertRecordOpen } from '../agenda/status';
import { itemName, itemNumbers, meetingDate, requireMeeting } from '../agenda/queries';
import { todayOf } from '../bodies/queries';
import { papersDeadline } from '../bodies/working-days';
import { appendix, paper, storedFile } from '../schema';
import type { PaperDetail } from '../types';
import { base64Size, checkAppendixSize, inspectAppendix } from './appendix-file';
import { blockContext } from './block-context';
import { appendicesOf, type PaperPlace, paperDetail, paperOfItem, paperPlace, requireAppendix, requirePaper } from './queries';
import { loadBlock } from './render';
import { isLate, lateReasonNeeded, paperShapeIssues } from './rules';

function detailOf(ws: Workspace, itemId: number): PaperDetail {
  return paperDetail(ws, itemId)!;
}

/** "paper for item 5 (High Needs monitoring)" */
function paperLabel(ws: Workspace, place: PaperPlace): string {
  return `paper for ${itemName(itemNumbers(ws, [place.meeting.id]).get(place.item.id) ?? '?', place.item.title)}`;
}

export const paperHandlers = defineHandlers({
  getPaper: (input, { ws }) => {
    paperPlace(ws, input.itemId);
    return paperDetail(ws, input.itemId);
  },

  savePaper: (input, { ws }) => {
    const place = paperPlace(ws, input.itemId);
    assertRecordOpen(place.meeting, 'papers');
    const issues = paperShapeIssues(place.template, input.header, input.sections);
    if (issues.length) throw AppError.invalid(issues);
    const existing = paperOfItem(ws, input.itemId);
    const reason = input.lateReason?.trim() ?? '';
    let late = existing?.late ?? false;
    if (!existing) {
      const day = meetingDate(place.meeting);
      const deadline = papersDeadline(ws, day, place.papersDeadlineDays);
      late = isLate(todayOf(ws), deadline);
      if (late && !reason) {
        throw new AppError('INVALID_INPUT', lateReasonNeeded(deadline, day), {
          issues: [{ field: 'lateReason', rule: 'a late paper needs a reason', message: `papers were due by ${deadline}` }],
        });
      }
    }
    const values = {
      template: place.template.kind,
      header: JSON.stringify(input.header),
      sections: JSON.stringify(input.sections),
      ...(late && reason ? { lateReason: reason } : {}),
    };
    ws.write('edit', `${existing ? 'Edit' : 'Add'} the ${paperLabel(ws, place)}`, (rec) => {
      if (existing) {
        rec.update(paper, existing.id, values);
      } else {
        rec.insert(paper, { itemId: input.itemId, addedAt: ws.actor.now().toISOString(), late, lateReason: '', ...values });
      }
    });
    return detailOf(ws, input.itemId);
  },

  deletePaper: (input, { ws }) => {
    const place = paperPlace(ws, input.itemId);
    const row = paperOfItem(ws, input.itemId);
    if (!row) return { deleted: 0 };
    assertRecordOpen(place.meeting, 'papers');
    ws.write('edit', `Delete the ${paperLabel(ws, place)}`, (rec) => {
      // Appendices first, each audited, so undo brings the paper back whole.
      for (const a of appendicesOf(ws, row.id)) rec.delete(appendix, a.id);
      rec.delete(paper, row.id);
    });
    return { deleted: 1 };
  },

  addAppendix: async (input, { ws }) => {
    const row = requirePaper(ws, input.paperId);
    const place = paperPlace(ws, row.itemId);
    assertRecordOpen(place.meeting, 'papers');
    checkAppendixSize(input.file.fileName, base64Size(input.file.base64));
    const file = await inspectAppendix(input.file.fileName, Buffer.from(input.file.base64, 'base64'));
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const title = input.title.trim();
    ws.write('edit', `Attach "${title}" to the ${paperLabel(ws, place)}`, (rec) => {
      // Content-addressed and insert-only: the same file attached twice is stored once, and never changes.
      ws.db.insert(storedFile).values({ sha256, bytes: file.bytes, size: file.bytes.length }).onConflictDoNothing().run();
      const last =
        ws.db
          .select({ p: max(appendix.position) })
          .from(appendix)
          .where(eq(appendix.paperId, row.id))
          .get()?.p ?? -1;
      rec.insert(appendix, { paperId: row.id, position: last + 1, title, fileName: file.fileName, format: file.format, sha256, pages: file.pages });
    });
    return detailOf(ws, row.itemId);
  },

  removeAppendix: (input, { ws }) => {
    const a = requireAppendix(ws, input.id);
    const row = requirePaper(ws, a.paperId);
    const place = paperPlace(ws, row.itemId);
    assertRecordOpen(place.meeting, 'papers');
    ws.write('edit', `Remove "${a.title}" from the ${paperLabel(ws, place)}`, (rec) => rec.delete(appendix, a.id));
    return detailOf(ws, row.itemId);
  },

  listBlockKinds: (_input, { ws }) => ws.registry.blocks.list().map((k) => describeBlockKind(k, ws)),

  previewBlock: (input, { ws }) => {
    const kind = ws.registry.blocks.get(input.kind);
    if (!kind) {
      throw new AppError('NOT_FOUND', `There is no live block of kind "${input.kind}". Choose one from the Insert menu.`, {
        issues: [{ field: 'kind', rule: 'block kind must exist', message: `no block kind "${input.kind}"` }],
      });
    }
    if (input.meetingId !== undefined) requireMeeting(ws, input.meetingId, 'meetingId');
    const parsed = kind.settings.safeParse(input.settings);
    if (!parsed.success) {
      throw AppError.invalid(
        parsed.error.issues.map((i) => {
          const field = `settings.${i.path.join('.')}`;
          const label = kind.fields.find((f) => f.key === i.path[0])?.label ?? String(i.path[0] ?? 'settings');
          return { field, rule: i.message, message: `${label} ${i.message}` };
        }),
      );
    }
    const b = loadBlock(ws, input.kind, input.settings, blockContext(ws, input.meetingId));
    const style = `<style>${BLOCK_PRINT_CSS}</style>`;
    if ('problem' in b) return { html: style + blockProblemHtml(b.problem, kind.inline), caption: kind.label, text: null, problem: b.problem };
    const r = kind.render(b.snapshot, ws.money());
    return { html: style + r.html, caption: r.caption, text: r.text, problem: null };
  },
});
