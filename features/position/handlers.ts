import { defineHandlers } from '../../electron/server/handler';
import { monitoringView } from '../monitoring/queries';
import { positionSeries, positionSummary } from './queries';
import { writeMonitoringReport } from './report';

export const positionHandlers = defineHandlers({
  getSummary: (input, { ws }) => positionSummary(ws.db, input.year, input.period),

  getPositionSeries: (input, { ws }) => positionSeries(ws.db, input.year ? { year: input.year, period: input.period } : undefined),

  buildMonitoringWorkbook: async (input, { ws }) => {
    const view = monitoringView(ws.db, input.year, input.period);
    const info = ws.info();
    const buffer = await writeMonitoringReport(view, positionSummary(ws.db, input.year, input.period), {
      authority: info.name,
      exportedBy: ws.actor.who(),
      exportedAt: ws.actor.now(),
      money: ws.money(),
    });
    return { fileName: `High Needs monitoring ${input.year} P${input.period}.xlsx`, base64: Buffer.from(buffer).toString('base64') };
  },
});
