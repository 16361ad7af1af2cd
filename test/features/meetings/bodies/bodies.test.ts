import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { standardStandingItems, standardTemplate } from '../../../../features/meetings/bodies/templates';
import { dumpTables, type TestServer, testServer } from '../../../support/workspace';
import { addForum, now } from './fixtures';

let t: TestServer;
beforeEach(async () => {
  t = await testServer({ now });
});
afterEach(() => t.close());

const board = { name: 'SEND Programme Board', kind: 'programme_board', quorumKind: 'fixed', quorumFixed: 4, papersDeadlineDays: 3 } as const;

describe('bodies', () => {
  it('makes a forum with the forum paper, the standing items and a two-fifths quorum', async () => {
    const id = await addForum(t);
    const { body, members } = await t.ok('getBody', { id });
    expect(members).toEqual([]);
    expect(body).toMatchObject({
      name: 'Schools Forum',
      kind: 'schools_forum',
      quorumKind: 'fraction',
      quorumNumerator: 2,
      quorumDenominator: 5,
      papersDeadlineDays: 5,
      memberCount: 0,
    });
    expect(body.paperTemplate).toEqual(standardTemplate('forum'));
    expect(body.paperTemplate.sections.map((s) => s.heading)).toEqual([
      'Purpose',
      'Recommendations',
      'Reasons',
      'Alternatives considered',
      'Supporting information',
      'Appendices',
    ]);
    expect(body.paperTemplate.fields.map((f) => f.label)).toEqual(['To', 'Date', 'Title', 'Author']);
    expect(body.standingItems).toEqual([
      { kind: 'apologies', title: 'Apologies', purpose: 'information' },
      { kind: 'declarations', title: 'Declarations of interest', purpose: 'information' },
      { kind: 'minutes', title: 'Minutes of the last meeting', purpose: 'decision' },
      { kind: 'matters_arising', title: 'Matters arising and the action log', purpose: 'information' },
    ]);
    // A forum with no members yet is too small, and says so.
    expect(body.composition.problems).toEqual(['The forum has 0 members; it needs at least 15.']);
  });

  it('gives any other body the council report', async () => {
    const b = await t.ok('saveBody', board);
    expect(b.paperTemplate.kind).toBe('council');
    expect(b.paperTemplate.fields.map((f) => f.label)).toEqual([
      'Report of',
      'Report to',
      'Date',
      'Title',
      'Key decision',
      'Forward plan reference',
      'Wards affected',
      'Contact officers',
    ]);
    expect(b.paperTemplate.fields.find((f) => f.key === 'key_decision')!.kind).toBe('yesno');
    expect(b.paperTemplate.preamble.map((s) => s.heading)).toEqual(['Summary of main issues', 'Recommendations']);
    expect(b.paperTemplate.sections.map((s) => s.heading)).toEqual([
      'Purpose',
      'Background',
      'Main issues',
      'Corporate considerations',
      'Conclusions',
      'Recommendations',
      'Background documents',
    ]);
    expect(b.paperTemplate.sections[3]!.children!.map((c) => c.heading)).toEqual([
      'Consultation and engagement',
      'Equality and diversity / cohesion and integration',
      'Council policies and the council plan',
      'Resources and value for money',
      'Legal implications, access to information and call-in',
      'Risk management',
    ]);
    expect(b.quorumText).toBe('4 members present');
    expect(b.composition.problems).toEqual([]);
    expect(b.standingItems).toEqual(standardStandingItems('programme_board'));
  });

  it('takes a template kind or a whole template when given, and keeps it on later edits', async () => {
    const b = await t.ok('saveBody', { ...board, templateKind: 'forum' });
    expect(b.paperTemplate.kind).toBe('forum');
    const own = { ...standardTemplate('council'), name: 'Cabinet report' };
    const c = await t.ok('saveBody', {
      name: 'Cabinet',
      kind: 'cabinet',
      quorumKind: 'fraction',
      quorumNumerator: 1,
      quorumDenominator: 3,
      papersDeadlineDays: 5,
      paperTemplate: own,
    });
    expect(c.paperTemplate.name).toBe('Cabinet report');
    expect(c.quorumText).toBe('a third of the membership, rounded up (no members yet)');
    const renamed = await t.ok('saveBody', { id: c.id, name: 'Executive Board', kind: 'cabinet', quorumKind: 'fraction', papersDeadlineDays: 6 });
    expect(renamed).toMatchObject({ name: 'Executive Board', papersDeadlineDays: 6, quorumNumerator: 1, quorumDenominator: 3 });
    expect(renamed.paperTemplate.name).toBe('Cabinet report');
  });

  it('lists the forum first, then the rest by name', async () => {
    await t.ok('saveBody', board);
    await t.ok('saveBody', { ...board, name: 'Cabinet', kind: 'cabinet' });
    await addForum(t);
    expect((await t.ok('listBodies', {})).map((b) => b.name)).toEqual(['Schools Forum', 'Cabinet', 'SEND Programme Board']);
  });

  it('refuses a second body of the same name, whatever its case, and writes nothing', async () => {
    await addForum(t);
    const before = dumpTables(t.sqlite);
    const e = await t.refused('saveBody', { ...board, name: 'schools forum' });
    expect(e.code).toBe('DUPLICATE');
    expect(e.message).toBe('There is already a body called "Schools Forum". Give this one a different name. Nothing was saved.');
    expect(e.details?.issues?.[0]?.field).toBe('name');
    expect(dumpTables(t.sqlite)).toEqual(before);
  });

  it('refuses a quorum above the whole membership, a fixed quorum without its number, and a template with a key twice', async () => {
    const id = await addForum(t);
    const before = dumpTables(t.sqlite);
    const over = await t.refused('saveBody', { ...board, quorumKind: 'fraction', quorumNumerator: 6, quorumDenominator: 5 });
    expect(over.message).toContain('more than the whole membership');
    const fixed = await t.refused('saveBody', { id, name: 'Schools Forum', kind: 'schools_forum', quorumKind: 'fixed', papersDeadlineDays: 5 });
    expect(fixed.message).toBe('A fixed quorum needs the number of members who must be present. Nothing was saved.');
    const twice = standardTemplate('forum');
    twice.sections.push({ key: 'purpose', heading: 'Purpose again' });
    const dup = await t.refused('saveBody', { ...board, paperTemplate: twice });
    expect(dup.message).toBe('The paper template uses the section key "purpose" twice; give each a different key. Nothing was saved.');
    const bad = await t.refused('saveBody', { ...board, papersDeadlineDays: 2.5 });
    expect(bad.code).toBe('INVALID_INPUT');
    expect((await t.refused('getBody', { id: 99 })).code).toBe('NOT_FOUND');
    expect((await t.refused('saveBody', { ...board, id: 99 })).code).toBe('NOT_FOUND');
    expect(dumpTables(t.sqlite)).toEqual(before);
  });

  it('records changes in the body history with names people read, and undoes them', async () => {
    const id = await addForum(t);
    await t.ok('saveBody', { id, name: 'Schools Forum', kind: 'schools_forum', quorumKind: 'fraction', papersDeadlineDays: 7, clerkName: 'Sam Clerk' });
    const history = await t.ok('getHistory', { subject: `body:${id}` });
    expect(history.filter((h) => h.op === 'update').map((h) => [h.what, h.oldText, h.newText])).toEqual(
      expect.arrayContaining([
        ['Papers deadline (clear working days)', '5', '7'],
        ['Clerk', '(none)', 'Sam Clerk'],
      ]),
    );
    const inserted = history.filter((h) => h.op === 'insert');
    expect(inserted.find((h) => h.what === 'Kind of body')?.newText).toBe('Schools Forum');
    expect(inserted.find((h) => h.what === 'Paper template')?.newText).toMatch(/^Schools Forum paper: 1 Purpose, 2 Recommendations/);
    await t.ok('undo', {});
    expect((await t.ok('getBody', { id })).body).toMatchObject({ papersDeadlineDays: 5, clerkName: '' });
    await t.ok('undo', {});
    expect(await t.ok('listBodies', {})).toEqual([]);
  });
});
