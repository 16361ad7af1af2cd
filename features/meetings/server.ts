import { serverFeature } from '../../electron/server/feature';
import { agendaAudit } from './agenda/audit';
import { agendaHandlers } from './agenda/handlers';
import { bodiesAudit } from './bodies/audit';
import { bodyHandlers } from './bodies/handlers';
import { seedBankHolidays } from './bodies/bank-holidays';
import { MEETINGS_LOCKS } from './locks';
import { packAudit } from './pack/audit';
import { packHandlers } from './pack/handlers';
import { papersAudit } from './papers/audit';
import { paperHandlers } from './papers/handlers';

/**
 * Meetings and packs: bodies and members, meetings, agendas, papers with live blocks,
 * attendance, votes, actions, minutes, and the published, numbered pack.
 */
export const meetingsServer = serverFeature({
  name: 'meetings',
  handlers: { ...bodyHandlers, ...agendaHandlers, ...paperHandlers, ...packHandlers },
  audit: [...bodiesAudit, ...agendaAudit, ...papersAudit, ...packAudit],
  locks: MEETINGS_LOCKS,
  seed: seedBankHolidays,
});
