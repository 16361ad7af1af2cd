import { defineHandlers } from '../../../electron/server/handler';
import { meetingHandlers } from './meeting-handlers';
import { minutesHandlers } from './minutes-handlers';
import { recordHandlers } from './record-handlers';

/** Meetings and their agenda, the record of the meeting (attendance, votes, declarations, actions) and its minutes. */
export const agendaHandlers = defineHandlers({ ...meetingHandlers, ...recordHandlers, ...minutesHandlers });
