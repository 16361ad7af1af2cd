import { eq } from 'drizzle-orm';
import { AppError } from '../../electron/shared/errors';
import { nextYearId, previousYearId, yearDates } from '../../electron/shared/periods';
import { defineHandlers } from '../../electron/server/handler';
import { setLock } from '../../electron/server/locks/locks';
import type { Workspace } from '../../electron/server/workspace';
import { budget } from '../monitoring/schema';
import { allYears, latestPeriods, requireOpenYear, requireYear, YEAR_ENTITY, type YearRow } from './queries';
import { financialYear } from './schema';
import type { YearInfo } from './types';

function toInfo(y: YearRow, earliest: string | undefined, latest: Map<string, number>): YearInfo {
  return {
    id: y.id,
    startDate: y.startDate,
    endDate: y.endDate,
    status: y.status,
    statusReason: y.statusReason,
    openingBalancePence: y.openingBalancePence,
    isEarliest: y.id === earliest,
    latestPeriod: latest.get(y.id) ?? null,
  };
}

export function yearInfo(ws: Workspace, yearId: string): YearInfo {
  const years = allYears(ws.db);
  return toInfo(requireYear(ws.db, yearId), years[0]?.id, latestPeriods(ws.db));
}

export const yearHandlers = defineHandlers({
  listYears: (_input, { ws }) => {
    const years = allYears(ws.db);
    const latest = latestPeriods(ws.db);
    return years.map((y) => toInfo(y, years[0]?.id, latest));
  },

  createYear: (input, { ws }) => {
    const years = allYears(ws.db);
    if (years.some((y) => y.id === input.year)) {
      throw new AppError('DUPLICATE', `${input.year} already exists in this workspace.`, {
        issues: [{ field: 'year', rule: 'year must be new', message: `${input.year} already exists` }],
      });
    }
    const source = input.copyBudgetsFrom ? requireYear(ws.db, input.copyBudgetsFrom) : null;
    const earliest = years[0];
    const latest = years[years.length - 1];
    const before = earliest !== undefined && input.year === previousYearId(earliest.id);
    // Years follow on from each other, so every year's brought-forward is the year before's carried-forward.
    if (earliest && latest && !before && input.year !== nextYearId(latest.id)) {
      throw new AppError(
        'INVALID_INPUT',
        `Years must follow on from each other: add ${nextYearId(latest.id)} next, or ${previousYearId(earliest.id)} before the earliest.`,
        {
          issues: [{ field: 'year', rule: 'years must follow on from each other', message: `${input.year} would leave a gap` }],
        },
      );
    }
    if (input.openingBalancePence !== undefined && earliest && !before) {
      throw new AppError(
        'INVALID_INPUT',
        `Only the earliest year holds an opening balance; ${input.year} will bring forward ${latest!.id}'s carried forward.`,
        {
          issues: [{ field: 'openingBalancePence', rule: 'opening balance only on the earliest year', message: `${input.year} will not be the earliest year` }],
        },
      );
    }
    const { start, end } = yearDates(input.year);
    ws.write('edit', `Add year ${input.year}`, (rec) => {
      // A year added before the earliest takes over its opening balance, so no later figure moves.
      const opening = input.openingBalancePence ?? (before ? earliest.openingBalancePence : null);
      if (before && earliest.openingBalancePence !== null) rec.update(financialYear, earliest.id, { openingBalancePence: null });
      rec.insert(financialYear, { id: input.year, startDate: start, endDate: end, openingBalancePence: opening });
      if (source) {
        for (const b of ws.db.select().from(budget).where(eq(budget.yearId, source.id)).all()) {
          rec.insert(budget, { yearId: input.year, lineId: b.lineId, originalPence: b.revisedPence, revisedPence: b.revisedPence });
        }
      }
    });
    return yearInfo(ws, input.year);
  },

  setYearStatus: (input, { ws }) => {
    const y = requireYear(ws.db, input.year);
    if (y.status === input.status) return yearInfo(ws, input.year);
    const closing = input.status === 'closed';
    ws.write('status', `${closing ? 'Close' : 'Reopen'} ${input.year}: ${input.reason}`, (rec) =>
      setLock(rec, ws.db, YEAR_ENTITY, input.year, closing, input.reason, { who: ws.actor.who(), at: ws.actor.now().toISOString() }),
    );
    return yearInfo(ws, input.year);
  },

  setOpeningBalance: (input, { ws }) => {
    requireOpenYear(ws, input.year);
    const earliest = allYears(ws.db)[0]!.id;
    if (earliest !== input.year) {
      throw new AppError(
        'INVALID_INPUT',
        `Only the earliest year (${earliest}) holds an opening balance; ${input.year} brings forward the year before's carried forward.`,
        {
          issues: [{ field: 'year', rule: 'opening balance only on the earliest year', message: `${input.year} is not the earliest year` }],
        },
      );
    }
    ws.write('edit', `Opening balance for ${input.year}`, (rec) => rec.update(financialYear, input.year, { openingBalancePence: input.openingBalancePence }));
    return yearInfo(ws, input.year);
  },
});
