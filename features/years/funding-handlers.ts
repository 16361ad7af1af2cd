import { and, asc, eq } from 'drizzle-orm';
import { allocation, allocationVersion, deficitContribution } from './schema';
import { ukLongDate } from '../../electron/shared/dates';
import { AppError } from '../../electron/shared/errors';
import { BLOCK_NAMES, type AllocationView, type ContributionInfo } from './types';
import { defineHandlers } from '../../electron/server/handler';
import { allocationBlocks, latestAllocationVersion, requireYear, yearRef } from './queries';
import type { Workspace } from '../../electron/server/workspace';

function allocationView(ws: Workspace, yearId: string): AllocationView {
  requireYear(ws.db, yearId);
  const version = latestAllocationVersion(ws.db, yearId);
  const versions = ws.db
    .select()
    .from(allocationVersion)
    .where(eq(allocationVersion.yearId, yearId))
    .orderBy(asc(allocationVersion.publishedOn), asc(allocationVersion.id))
    .all()
    .map((v) => ({ id: v.id, publishedOn: v.publishedOn, label: v.label }));
  const blocks = allocationBlocks(ws.db, version?.id ?? null);
  return { year: yearId, version, versions, blocks, totalNetPence: blocks.reduce((s, b) => s + b.netPence, 0) };
}

function contributionInfo(r: typeof deficitContribution.$inferSelect): ContributionInfo {
  return { id: r.id, yearId: r.yearId, kind: r.kind, amountPence: r.amountPence, note: r.note };
}

export const fundingHandlers = defineHandlers({
  getAllocations: (input, { ws }) => allocationView(ws, input.year),

  saveAllocation: (input, { ws }) => {
    requireYear(ws.db, input.year);
    const context = { scope: yearRef(input.year) };
    ws.write('edit', `${BLOCK_NAMES[input.block]} block allocation for ${input.year}`, (rec) => {
      let version = latestAllocationVersion(ws.db, input.year);
      if (!version) {
        const today = ws.actor.now().toISOString().slice(0, 10);
        const v = rec.insert(allocationVersion, { yearId: input.year, publishedOn: today, label: 'Initial allocation' });
        version = { id: v.id, publishedOn: v.publishedOn, label: v.label };
      }
      const values = {
        allocationPence: input.allocationPence,
        deductionsPence: input.deductionsPence,
        adjustmentsPence: input.adjustmentsPence,
        transfersPence: input.transfersPence,
      };
      const existing = ws.db
        .select()
        .from(allocation)
        .where(and(eq(allocation.versionId, version.id), eq(allocation.block, input.block)))
        .get();
      if (existing) rec.update(allocation, existing.id, values, context);
      else rec.insert(allocation, { versionId: version.id, block: input.block, ...values }, context);
    });
    return allocationView(ws, input.year);
  },

  addAllocationVersion: (input, { ws }) => {
    requireYear(ws.db, input.year);
    const latest = latestAllocationVersion(ws.db, input.year);
    if (latest && input.publishedOn < latest.publishedOn) {
      const latestOn = ukLongDate(latest.publishedOn);
      throw new AppError('INVALID_INPUT', `A new allocation version must be dated on or after the latest one (${latestOn}).`, {
        issues: [{ field: 'publishedOn', rule: 'not before the latest version', message: `${ukLongDate(input.publishedOn)} is before ${latestOn}` }],
      });
    }
    const context = { scope: yearRef(input.year) };
    ws.write('edit', `New allocation version for ${input.year}: ${input.label}`, (rec) => {
      const v = rec.insert(allocationVersion, { yearId: input.year, publishedOn: input.publishedOn, label: input.label });
      // Start from the figures in force, so the user changes only what the DfE changed.
      if (latest) {
        for (const b of ws.db.select().from(allocation).where(eq(allocation.versionId, latest.id)).all()) {
          const { id: _id, versionId: _v, ...figures } = b;
          rec.insert(allocation, { ...figures, versionId: v.id }, context);
        }
      }
    });
    return allocationView(ws, input.year);
  },

  listContributions: (input, { ws }) => {
    requireYear(ws.db, input.year);
    return ws.db
      .select()
      .from(deficitContribution)
      .where(eq(deficitContribution.yearId, input.year))
      .orderBy(asc(deficitContribution.id))
      .all()
      .map(contributionInfo);
  },

  saveContribution: (input, { ws }) => {
    requireYear(ws.db, input.year);
    const values = { yearId: input.year, kind: input.kind, amountPence: input.amountPence, note: input.note };
    const row = ws.write('edit', `Deficit contribution for ${input.year}`, (rec) => {
      if (input.id === undefined) return rec.insert(deficitContribution, values);
      const existing = rec.read(deficitContribution, input.id);
      if (!existing) throw new AppError('NOT_FOUND', `There is no contribution with id ${input.id}.`);
      if (existing.yearId !== input.year) {
        // Moving it between years must respect both years' status.
        rec.delete(deficitContribution, input.id);
        return rec.insert(deficitContribution, values);
      }
      return rec.update(deficitContribution, input.id, values).row;
    });
    return contributionInfo(row);
  },

  deleteContribution: (input, { ws }) => {
    ws.write('edit', 'Remove deficit contribution', (rec) => rec.delete(deficitContribution, input.id));
    return { deleted: input.id };
  },
});
