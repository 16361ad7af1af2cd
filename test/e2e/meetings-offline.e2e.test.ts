/**
 * The meeting page with the data server stopped: a clerk recording attendance is told in words,
 * nothing is half-saved, and the page carries on once a server answers again.
 */
import { describe, expect, it } from 'vitest';
import { startWebHost } from '../../electron/server/hosts/web-host';
import type { MeetingDetail, MeetingSummary } from '../../features/meetings/types';
import { openDemoSession, RENDERER_DIR } from './harness';
import { call, expectAxeClean, sharedSession, shot } from './ui';

const s = sharedSession('meetings-offline', () => openDemoSession());

describe('the meeting page when the data server stops', () => {
  it('says so when attendance cannot be saved, saves nothing, and saves it once the server is back', async () => {
    const page = s.page;
    const meetings = await call<MeetingSummary[]>(s, 'listMeetings', {});
    const draft = meetings.find((m) => m.status === 'draft' && m.bodyName === 'Schools Forum')!;
    const before = await call<MeetingDetail>(s, 'getMeeting', { id: draft.id });
    const member = before.attendance.find((a) => a.status !== 'absent' && a.voting)!;
    await page.goto(`${page.url().split('#')[0]}#/meetings/${draft.id}`);
    await page.getByRole('tab', { name: 'Attendance' }).click();
    const status = page.getByRole('combobox', { name: `Attendance of ${member.name}` });
    await status.waitFor();
    const { port, token } = s.host;
    await s.host.close();

    await status.click();
    await page.getByRole('option', { name: 'Absent', exact: true }).click();
    const banner = page.getByRole('alert').filter({ hasText: 'data server has stopped answering' });
    await banner.waitFor({ timeout: 10_000 });
    await shot(page, 'meetings-offline');
    await expectAxeClean(page, 'meeting page, server stopped');
    const during = (await s.server.call('getMeeting', { id: draft.id })) as { ok: true; value: MeetingDetail };
    expect(during.value.attendance.find((a) => a.memberId === member.memberId)!.status).toBe(member.status);

    s.host = await startWebHost({ server: s.server, staticDir: RENDERER_DIR, port, token });
    await banner.waitFor({ state: 'detached', timeout: 15_000 });
    await status.click();
    await page.getByRole('option', { name: 'Absent', exact: true }).click();
    await expect
      .poll(async () => (await call<MeetingDetail>(s, 'getMeeting', { id: draft.id })).attendance.find((a) => a.memberId === member.memberId)!.status, {
        timeout: 10_000,
      })
      .toBe('absent');
  });

  it('logged no script errors but the refused connections of the stopped server', () => {
    expect(s.problems.filter((p) => !/ERR_CONNECTION_REFUSED/.test(p))).toEqual([]);
  });
});
