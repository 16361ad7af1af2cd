import { afterEach, describe, expect, it } from 'vitest';
import { dumpTables, type TestServer, testServer } from '../../../support/workspace';
import { AFTER_DEADLINE, BEFORE_DEADLINE, block, doc, makeMeeting, para, text } from './fixture';

let t: TestServer;
afterEach(() => t?.close());

const forumHeader = { to: 'Schools Forum', date: '2026-12-10', title: 'High Needs monitoring at P7', author: 'Finance lead' };

describe('savePaper and getPaper', () => {
  it('saves a paper in its body’s template and reads it back', async () => {
    t = await testServer({ now: BEFORE_DEADLINE });
    const m = await makeMeeting(t);
    const itemId = m.item['High Needs monitoring']!;
    expect(await t.ok('getPaper', { itemId })).toBeNull();
    const sections = {
      purpose: doc(para(text('To report the forecast.'))),
      supporting_information: doc(block('monitoring-table', { year: '2026-27', period: 7 }, 'b1')),
    };
    const saved = await t.ok('savePaper', { itemId, header: forumHeader, sections });
    expect(saved).toMatchObject({
      itemId,
      meetingId: m.meetingId,
      itemNumber: '5',
      header: forumHeader,
      sections,
      late: false,
      lateReason: '',
      appendices: [],
    });
    expect(saved.template.kind).toBe('forum');
    expect(saved.addedAt).toBe(BEFORE_DEADLINE().toISOString());
    expect(await t.ok('getPaper', { itemId })).toEqual(saved);
    // The agenda shows the item has a paper, with its live block counted.
    const meeting = await t.ok('getMeeting', { id: m.meetingId });
    expect(meeting.items.find((i) => i.id === itemId)!.paper).toMatchObject({
      id: saved.id,
      template: 'forum',
      title: 'High Needs monitoring at P7',
      late: false,
      blocks: 1,
    });
  });

  it('keeps one paper per item: saving again edits it, and the edit can be undone', async () => {
    t = await testServer({ now: BEFORE_DEADLINE });
    const m = await makeMeeting(t);
    const itemId = m.item['DSG position']!;
    const first = await t.ok('savePaper', { itemId, header: { title: 'First' }, sections: {} });
    const second = await t.ok('savePaper', { itemId, header: { title: 'Second' }, sections: { purpose: doc(para(text('Now with text'))) } });
    expect(second.id).toBe(first.id);
    expect(second.addedAt).toBe(first.addedAt);
    await t.ok('undo', {});
    expect((await t.ok('getPaper', { itemId }))!.header).toEqual({ title: 'First' });
  });

  it('refuses header fields and sections the template does not have, naming them, and writes nothing', async () => {
    t = await testServer({ now: BEFORE_DEADLINE });
    const m = await makeMeeting(t);
    const before = dumpTables(t.sqlite);
    const e = await t.refused('savePaper', {
      itemId: m.item['DSG position'],
      header: { to: 'Forum', report_of: 'Director', wards: 'All' },
      sections: { purpose: doc(), summary: doc(), legal: doc() },
    });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toContain('The Schools Forum paper template has no header field "report_of", "wards"');
    expect(e.message).toContain('has no section "summary", "legal"');
    expect(e.details!.issues!.map((i) => i.field)).toEqual(['header', 'sections']);
    expect(dumpTables(t.sqlite)).toEqual(before);
  });

  it('checks the header’s dates and yes/no fields', async () => {
    t = await testServer({ now: BEFORE_DEADLINE });
    const board = await makeMeeting(t, { body: 'Test programme board', kind: 'programme_board' });
    const e = await t.refused('savePaper', { itemId: board.item['DSG position'], header: { date: '31/12/2026', key_decision: 'maybe' }, sections: {} });
    expect(e.details!.issues!.map((i) => i.message)).toEqual([
      'Date must be a date written YYYY-MM-DD, not "31/12/2026".',
      'Key decision must be "yes" or "no", not "maybe".',
    ]);
    const ok = await t.ok('savePaper', {
      itemId: board.item['DSG position'],
      header: { date: '2026-12-10', key_decision: 'yes', forward_plan_ref: 'FP/280521' },
      sections: {},
    });
    expect(ok.template.kind).toBe('council');
  });

  it('refuses hostile text with a clear sentence and writes nothing', async () => {
    t = await testServer({ now: BEFORE_DEADLINE });
    const m = await makeMeeting(t);
    const itemId = m.item['DSG position']!;
    const before = dumpTables(t.sqlite);
    const cases: Array<[unknown, RegExp]> = [
      [doc(para(text('x'.repeat(10 * 1024 * 1024)))), /sections\.purpose is too long: a paper section may hold at most 1,000,000 characters/],
      [
        doc(para({ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] })),
        /links must start https:\/\/, http:\/\/ or mailto:/,
      ],
      [doc({ type: 'image', attrs: { src: 'https://evil.example/pixel.png' } }), /holds a "image", which papers cannot contain/],
      [doc(para(text('a')), { type: 'paragraph', attrs: { style: 'color:red' }, content: [] }), /holds a "style" setting on paragraph/],
      [{ type: 'doc', content: [{ type: 'html', text: '<script>alert(1)</script>' }] }, /holds a "html"/],
    ];
    for (const [purpose, message] of cases) {
      const e = await t.refused('savePaper', { itemId, header: {}, sections: { purpose } });
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.message).toMatch(message);
    }
    expect(dumpTables(t.sqlite)).toEqual(before);
    // A script typed as words is just words.
    const saved = await t.ok('savePaper', { itemId, header: {}, sections: { purpose: doc(para(text('<script>alert(1)</script>'))) } });
    expect(saved.sections.purpose).toEqual(doc(para(text('<script>alert(1)</script>'))));
  });

  it('refuses a paper for an item that does not exist, or for a cancelled meeting', async () => {
    t = await testServer({ now: BEFORE_DEADLINE });
    const m = await makeMeeting(t);
    expect((await t.refused('savePaper', { itemId: 9999, header: {}, sections: {} })).code).toBe('NOT_FOUND');
    expect((await t.refused('getPaper', { itemId: 9999 })).code).toBe('NOT_FOUND');
    await t.ok('setMeetingStatus', { id: m.meetingId, status: 'cancelled', reason: 'Not quorate' });
    const before = dumpTables(t.sqlite);
    const e = await t.refused('savePaper', { itemId: m.item['DSG position'], header: {}, sections: {} });
    expect(e.message).toMatch(/was cancelled, so its papers cannot change/);
    expect(dumpTables(t.sqlite)).toEqual(before);
  });
});

describe('late papers', () => {
  it('refuses a paper first added after the deadline without a reason, saying the deadline', async () => {
    t = await testServer({ now: AFTER_DEADLINE });
    const m = await makeMeeting(t);
    const itemId = m.item['DSG position']!;
    const before = dumpTables(t.sqlite);
    const e = await t.refused('savePaper', { itemId, header: {}, sections: {} });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toBe(
      'This paper is late: papers for the meeting on 10 December 2026 were due by 2 December 2026. Give the reason it is late; the reason is recorded with the paper and shown on the agenda.',
    );
    expect(e.details!.issues![0]!.field).toBe('lateReason');
    expect((await t.refused('savePaper', { itemId, header: {}, sections: {}, lateReason: '   ' })).code).toBe('INVALID_INPUT');
    expect(dumpTables(t.sqlite)).toEqual(before);

    const saved = await t.ok('savePaper', { itemId, header: {}, sections: {}, lateReason: 'Awaiting the P7 return from the special schools' });
    expect(saved).toMatchObject({ late: true, lateReason: 'Awaiting the P7 return from the special schools' });
    // Later edits keep it late and keep its reason; a new reason replaces it.
    expect(await t.ok('savePaper', { itemId, header: { title: 'x' }, sections: {} })).toMatchObject({
      late: true,
      lateReason: 'Awaiting the P7 return from the special schools',
    });
    expect(await t.ok('savePaper', { itemId, header: {}, sections: {}, lateReason: 'Figures restated' })).toMatchObject({
      late: true,
      lateReason: 'Figures restated',
    });
  });

  it('is on time on the deadline day itself, and a reason given then is not recorded', async () => {
    t = await testServer({ now: () => new Date('2026-12-02T23:30:00Z') }); // 23:30 on 2 December in London
    const m = await makeMeeting(t);
    const saved = await t.ok('savePaper', { itemId: m.item['DSG position'], header: {}, sections: {}, lateReason: 'just in case' });
    expect(saved).toMatchObject({ late: false, lateReason: '' });
  });

  it('compares London dates: just after midnight in summer time is already the next day', async () => {
    // 23:30 UTC on 2 June is 00:30 on 3 June in London; the deadline for a meeting on 10 June (Wednesday) is 2 June.
    t = await testServer({ now: () => new Date('2027-06-02T23:30:00Z') });
    const m = await makeMeeting(t, { startsAt: '2027-06-10T10:00' });
    const e = await t.refused('savePaper', { itemId: m.item['DSG position'], header: {}, sections: {} });
    expect(e.message).toMatch(/were due by 2 June 2027/);
  });
});

describe('deletePaper', () => {
  it('deletes the paper and its appendices together, and undo brings both back', async () => {
    t = await testServer({ now: BEFORE_DEADLINE });
    const m = await makeMeeting(t);
    const itemId = m.item['DSG position']!;
    const { pdfBytes, file } = await import('./fixture');
    const p = await t.ok('savePaper', { itemId, header: {}, sections: {} });
    await t.ok('addAppendix', { paperId: p.id, title: 'Contract', file: file('contract.pdf', await pdfBytes(2)) });
    expect(await t.ok('deletePaper', { itemId })).toEqual({ deleted: 1 });
    expect(await t.ok('getPaper', { itemId })).toBeNull();
    expect(t.sqlite.prepare('SELECT count(*) FROM appendix').pluck().get()).toBe(0);
    expect(await t.ok('deletePaper', { itemId })).toEqual({ deleted: 0 });
    await t.ok('undo', {});
    const back = await t.ok('getPaper', { itemId });
    expect(back!.appendices.map((a) => a.title)).toEqual(['Contract']);
  });
});
