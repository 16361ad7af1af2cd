import { serverFeature } from '../../electron/server/feature';
import { yearsAudit } from './audit';
import { fundingHandlers } from './funding-handlers';
import { yearHandlers } from './handlers';
import { YEAR_ENTITY } from './queries';

/** Years and funding: the financial years (closing one locks it), DSG allocations and contributions. */
export const yearsServer = serverFeature({
  name: 'years',
  handlers: { ...yearHandlers, ...fundingHandlers },
  audit: yearsAudit,
  locks: [
    {
      entity: YEAR_ENTITY,
      code: 'CLOSED_YEAR',
      refusal: (id) => `${id} is closed, so its figures cannot change. Reopen the year, giving a reason, to change them.`,
      state: (id) => `${id} is closed`,
    },
  ],
});
