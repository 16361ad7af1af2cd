/**
 * Publishing: the refusals (nothing written), the frozen version (byte for byte after the data
 * moves, and locked against any change, undo included), a re-issue listing exactly the figures
 * that moved, a supplementary pack of late papers, and a build's progress and cancel.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revertChangeSet } from '../../../../electron/server/audit/undo';
import { moneyFormat } from '../../../../electron/shared/money';
import { renderPaper, snapshotPaper } from '../../../../features/meetings/papers/render';
import type { PackDifference, PackVersionInfo } from '../../../../features/meetings/types';
import { runHnb } from '../../../support/cli';
import { dumpTables, type TestServer, testServer } from '../../../support/workspace';
import { doc, forumMeeting, type PackMeeting } from './fixture';
import { pdfPageTexts, sha256File } from './pdf-read';

let clock = new Date('2026-11-20T10:00:00Z');
let t: TestServer;
let m: PackMeeting;

const hnb = (...argv: string[]) => runHnb(t.dir, argv);
const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

beforeAll(async () => {
  t = await testServer({ demo: true, now: () => clock });
  m = await forumMeeting(t);
}, 120_000);

afterAll(() => t?.close());

/** Every table, as one digest: stored packs make the dump large, and comparing it field by field slow. */
const tables = () =>
  createHash('sha256')
    .update(JSON.stringify(dumpTables(t.sqlite)))
    .digest('hex');

/** Refused with this code and words, and the database as it was. */
async function refusedUnchanged(channel: string, input: unknown, code: string, words: RegExp) {
  const before = tables();
  const e = await t.refused(channel, input);
  expect(e.code).toBe(code);
  expect(e.message).toMatch(words);
  expect(tables()).toBe(before);
  return e;
}

/** Every figure of every paper of the meeting, as the blocks render them now, by item, block and figure. */
function figuresNow(): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const ws = t.server.workspace!;
  for (const [number, itemId] of [
    ['5', m.items.monitoring],
    ['6', m.items.position],
    ['7', m.items.contract],
  ] as const) {
    const r = renderPaper(snapshotPaper(ws, itemId)!, moneyFormat(), { number, title: '' });
    for (const f of r.figures) out.set(`${number}|${f.block}|${f.label}`, f.pence);
  }
  return out;
}

describe('publishing refuses, writing nothing', () => {
  let other: number;
  beforeAll(async () => {
    const d = await t.ok('saveMeeting', { bodyId: m.bodyId, startsAt: '2027-01-14T14:00' });
    other = d.meeting.id;
    for (const item of d.items) await t.ok('deleteAgendaItem', { id: item.id });
  });

  it('a meeting with no items', async () => {
    await refusedUnchanged('publishPack', { meetingId: other }, 'INVALID_INPUT', /no agenda items/);
  });

  it('a live block whose data no longer exists, naming the item and the block', async () => {
    const d = await t.ok('saveAgendaItem', {
      meetingId: other,
      title: 'Budget monitoring 2031-32',
      purpose: 'information',
      votingConstituency: 'none',
      exempt: false,
    });
    await t.ok('savePaper', {
      itemId: d.items[0]!.id,
      header: {},
      sections: { purpose: doc({ type: 'liveBlock', attrs: { id: 'gone', kind: 'monitoring-table', settings: { year: '2031-32', period: 3 } } }) },
    });
    const e = await refusedUnchanged(
      'publishPack',
      { meetingId: other },
      'INVALID_INPUT',
      /Item 1 \(Budget monitoring 2031-32\): The block 'High Needs monitoring'/,
    );
    expect(e.message).toMatch(/2031-32/);
  });

  it('a cancelled meeting', async () => {
    await t.ok('setMeetingStatus', { id: other, status: 'cancelled', reason: 'Not quorate' });
    await refusedUnchanged('publishPack', { meetingId: other }, 'INVALID_INPUT', /cancelled/);
  });

  it('a supplementary pack before the main one, and a meeting that does not exist', async () => {
    await refusedUnchanged('publishPack', { meetingId: m.meetingId, supplementary: true }, 'INVALID_INPUT', /publish the main pack first/);
    await refusedUnchanged('publishPack', { meetingId: 9999 }, 'NOT_FOUND', /no meeting with id 9999/);
  });

  it('the command line exits 2', async () => {
    const r = await hnb('publish', '--meeting', String(other), '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error.message).toMatch(/cancelled/);
  });
});

describe('a published pack', () => {
  let v1: { version: number; publishedAt: string; pdfSha256: string; workbookSha256: string; files: PackVersionInfo['files'] };
  let before: Map<string, number | null>;
  let v2: PackVersionInfo;

  it('is version 1: both variants stored with their SHA-256, the meeting now published', async () => {
    const r = await hnb('publish', '--meeting', String(m.meetingId), '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    v1 = JSON.parse(r.out);
    expect(v1.version).toBe(1);
    expect(v1.files.map((f) => `${f.variant}.${f.format}`).sort()).toEqual(['full.pdf', 'full.xlsx', 'public.pdf', 'public.xlsx']);
    expect(v1.pdfSha256).toBe(v1.files.find((f) => f.variant === 'public' && f.format === 'pdf')!.sha256);
    expect(v1.workbookSha256).toBe(v1.files.find((f) => f.variant === 'public' && f.format === 'xlsx')!.sha256);
    expect((await t.ok('getMeeting', { id: m.meetingId })).meeting.status).toBe('published');
    const versions = await t.ok('listPackVersions', { meetingId: m.meetingId });
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ version: 1, supplementary: false, reason: '', publishedBy: 'cli.user', differences: [] });
    const history = await t.ok('getHistory', { subject: `meeting:${m.meetingId}` });
    expect(history.map((h) => h.changeLabel)).toContain('Publish pack for County Schools Forum, 10 December 2026');
    expect(history.find((h) => h.field === 'snapshot')).toMatchObject({ what: 'Papers and figures', newText: `the text and figures of 7 agenda items` });
  });

  it('is written back byte for byte, before and after the data changes', async () => {
    const write = async (out: string, ...extra: string[]) => {
      const r = await hnb('pack', '--meeting', String(m.meetingId), '--version', '1', '--out', out, '--json', ...extra);
      expect(r.code).toBe(0);
      const j = JSON.parse(r.out) as { pdf: string; workbook: string; pdfSha256: string };
      return [sha256File(j.pdf), sha256File(j.workbook)];
    };
    const first = [...(await write('v1a')), ...(await write('v1a', '--public'))];
    expect(first.slice(2)).toEqual([v1.pdfSha256, v1.workbookSha256]);

    before = figuresNow();
    const lines = await t.ok('getMonitoring', { year: '2026-27', period: 7 });
    const hn12 = lines.rows.find((r) => r.code === 'HN12')!;
    await t.ok('setForecasts', { year: '2026-27', period: 7, changes: [{ lineId: hn12.lineId, forecastPence: hn12.forecastPence + 10_000_000 }] });
    const paper = (await t.ok('getPaper', { itemId: m.items.monitoring }))!;
    await t.ok('savePaper', {
      itemId: m.items.monitoring,
      header: paper.header,
      sections: { ...paper.sections, recommendations: doc(para('The forum is asked to note the forecast and the new placements.') as never) },
    });

    const again = [...(await write('v1b')), ...(await write('v1b', '--public'))];
    expect(again).toEqual(first);
    const files = await t.ok('getPackFile', {
      versionId: (await t.ok('listPackVersions', { meetingId: m.meetingId }))[0]!.id,
      variant: 'public',
      format: 'pdf',
    });
    expect(files.sha256).toBe(v1.pdfSha256);
  });

  it('needs a reason to be re-issued', async () => {
    await refusedUnchanged('publishPack', { meetingId: m.meetingId }, 'INVALID_INPUT', /give the reason for re-issuing/);
    await refusedUnchanged('publishPack', { meetingId: m.meetingId, reason: '   ' }, 'INVALID_INPUT', /reason/);
  });

  it('is re-issued as version 2, listing exactly the figures that moved, old -> new, and the text that changed', async () => {
    v2 = await t.ok('publishPack', { meetingId: m.meetingId, reason: 'Updated forecast for independent placements' });
    expect(v2).toMatchObject({ version: 2, reason: 'Updated forecast for independent placements', publishedBy: 'test.user' });

    const after = figuresNow();
    const expected = [...new Set([...before.keys(), ...after.keys()])]
      .filter((k) => (before.get(k) ?? null) !== (after.get(k) ?? null))
      .map((k) => `${k}|${before.get(k) ?? null}->${after.get(k) ?? null}`)
      .sort();
    const moved = v2.differences.filter((d): d is Extract<PackDifference, { kind: 'figure-moved' }> => d.kind === 'figure-moved');
    expect(moved.map((d) => `${d.item}|${d.block}|${d.figure}|${d.oldPence}->${d.newPence}`).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(5);
    // The line itself, by hand.
    const line = moved.find((d) => d.item === '5' && /^HN12 .*: forecast outturn$/.test(d.figure))!;
    expect(line.newPence! - line.oldPence!).toBe(10_000_000);

    expect(v2.differences.filter((d) => d.kind !== 'figure-moved')).toEqual([
      { kind: 'text-changed', item: '5', title: 'High Needs budget monitoring 2026-27 at P7', section: 'Recommendations' },
    ]);
  });

  it('never changes: reversing the publishing is refused by the lock, and undo passes it by', async () => {
    const ws = t.server.workspace!;
    const publish = ws.db.$client.prepare("SELECT id, label, kind FROM change_set WHERE label LIKE 'Publish pack%' ORDER BY id DESC").get() as {
      id: number;
      label: string;
      kind: string;
    };
    expect(publish.kind).toBe('status');
    const before = tables();
    expect(() => ws.write('undo', `Undo: ${publish.label}`, (rec) => revertChangeSet(rec, ws, publish.id, publish.label))).toThrow(
      /A published pack never changes/,
    );
    expect(tables()).toBe(before);
    // Undo reverses the edits made before it (the paper's text here), never the published version.
    const undone = await t.ok('undo', {});
    expect(undone.undone).toMatch(/^Edit the paper for item 5/);
    const versions = await t.ok('listPackVersions', { meetingId: m.meetingId });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0]!.files.find((f) => f.variant === 'public' && f.format === 'pdf')!.sha256).toBe(v1.pdfSha256);
    await t.ok('redo', {});
  });

  it('gets a supplementary pack holding only the late papers', async () => {
    clock = new Date('2026-12-08T09:00:00Z');
    const d = await t.ok('saveAgendaItem', {
      meetingId: m.meetingId,
      title: 'Growth fund criteria',
      purpose: 'decision',
      votingConstituency: 'whole_forum',
      exempt: false,
    });
    const late = d.items.find((i) => i.title === 'Growth fund criteria')!;
    await t.ok('savePaper', {
      itemId: late.id,
      header: { title: 'Growth fund criteria' },
      sections: { purpose: doc(para('To agree the growth fund criteria for 2027-28.') as never) },
      lateReason: 'The DfE guidance was published on 4 December.',
    });
    const v3 = await t.ok('publishPack', { meetingId: m.meetingId, supplementary: true, reason: 'Late paper on the growth fund' });
    expect(v3).toMatchObject({ version: 3, supplementary: true, differences: [] });
    const pdf = await t.ok('getPackFile', { versionId: v3.id, variant: 'public', format: 'pdf' });
    expect(pdf.fileName).toBe('County-Schools-Forum-2026-12-10-supplementary-pack-v3-public.pdf');
    const path = join(t.dir, pdf.fileName);
    writeFileSync(path, Buffer.from(pdf.base64, 'base64'));
    const text = pdfPageTexts(path).join(' ');
    expect(text).toContain('Supplementary agenda');
    expect(text).toContain('Growth fund criteria');
    expect(text).toContain('The DfE guidance was published on 4 December.');
    expect(text).not.toContain('High Needs budget monitoring');
  });
});

describe('building a pack', () => {
  it('reports its progress, refuses a second build meanwhile, and stops when cancelled, writing nothing', async () => {
    const before = tables();
    expect(await t.ok('getPackProgress', {})).toMatchObject({ active: false });
    const build = t.server.call('buildPack', { meetingId: m.meetingId, variant: 'full' });
    let progress = await t.ok('getPackProgress', {});
    for (let i = 0; i < 200 && !(progress.active && (progress.fraction ?? 0) > 0); i++) {
      await new Promise((r) => setTimeout(r, 5));
      progress = await t.ok('getPackProgress', {});
    }
    expect(progress).toMatchObject({ active: true, meetingId: m.meetingId, cancelled: false });
    expect((await t.refused('buildPack', { meetingId: m.meetingId, variant: 'public' })).message).toMatch(/already being made/);
    expect(await t.ok('cancelPackBuild', {})).toMatchObject({ cancelled: true });
    const r = await build;
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('CANCELLED');
    expect(await t.ok('getPackProgress', {})).toMatchObject({ active: false, cancelled: true });
    expect(tables()).toBe(before);
    // The next build runs as normal.
    expect((await t.ok('buildPack', { meetingId: m.meetingId, variant: 'public' })).pages).toBeGreaterThan(3);
  });
});
