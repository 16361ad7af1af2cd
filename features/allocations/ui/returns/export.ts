import { api } from '../../../../renderer/src/api/api';
import { saveWorkbook } from '../../../../renderer/src/api/save-file';
import type { useApp } from '../../../../renderer/src/state/app-state';
import type { PartnershipReturnsYear } from '../../types';
import { fileNameOf } from './figures';

type App = Pick<ReturnType<typeof useApp>, 'notify' | 'reportError' | 'dismissNotice'>;

/** The workbook kind a partnership's returns go out and come back as. */
export const RETURN_KIND = 'partnership-return';

const AFTER = 'Send each file to its partnership; import it back with Import workbook. A file filled in for another partnership is refused.';

/** One partnership's return workbook: its own returns for the year, and nothing of anyone else's. */
export async function exportReturns(app: App, year: string, p: PartnershipReturnsYear): Promise<void> {
  await exportEach(app, year, [p]);
}

/** A workbook for each partnership, one file each, saved in turn; a save cancelled stops the rest. */
export async function exportAllReturns(app: App, year: string, partnerships: PartnershipReturnsYear[]): Promise<void> {
  await exportEach(app, year, partnerships);
}

async function exportEach(app: App, year: string, partnerships: PartnershipReturnsYear[]): Promise<void> {
  app.dismissNotice();
  const saved: string[] = [];
  try {
    for (const p of partnerships) {
      // By id, so a renamed partnership's file still reads back; named for people, so five files saved side by side tell apart.
      const file = await api.exportWorkbook({ kind: RETURN_KIND, scope: { year, partnership: p.partnershipId } });
      const name = await saveWorkbook({ ...file, fileName: fileNameOf(p.partnership, year) });
      if (!name) break;
      saved.push(name);
    }
  } catch (e) {
    app.reportError(e);
    return;
  }
  if (saved.length === 1) app.notify('success', `Saved ${saved[0]}`, [AFTER]);
  else if (saved.length > 1) app.notify('success', `Saved ${saved.length} return workbooks, one for each partnership`, [...saved, AFTER]);
}
