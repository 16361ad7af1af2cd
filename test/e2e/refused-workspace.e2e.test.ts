import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './axe';
import { OUTPUT_DIR, openSession, type Session } from './harness';

let s: Session;

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  s = await openSession(async (server, dir) => {
    // The default workspace is not a workspace at all: opening it is refused.
    writeFileSync(join(dir, 'workspace.hnbdesk'), 'Code,Line,Budget\n');
    await server.openDefault().catch(() => undefined);
  });
}, 120_000);
afterAll(async () => {
  await s?.close();
});

describe('when the workspace cannot be opened', () => {
  it('opens on the Workspaces screen and says why, instead of waiting for ever', async () => {
    const page = s.page;
    await page.getByRole('heading', { name: 'Workspaces' }).waitFor();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/No workspace is open: workspace\.hnbdesk is not an HNB Desk workspace: it is not a SQLite database file/);
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('lets the user create another workspace by name and carry on', async () => {
    const page = s.page;
    await page.screenshot({ path: join(OUTPUT_DIR, 'refused-workspace.png') });
    // The page never names a path: the new workspace is made by name in HNB Desk's own folder.
    const name = page.getByLabel('Name of the new workspace');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await expect.poll(() => page.getByText('Enter a name, such as the authority’s name.').count()).toBe(1);
    await name.fill('Fresh authority');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByRole('heading', { name: 'No years yet' }).waitFor();
    await expect.poll(() => page.locator('.workspace-name').textContent()).toBe('Fresh authority');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Made and opened Fresh authority');
    const opened = s.server.workspace!.info();
    expect(opened).toMatchObject({ name: 'Fresh authority', isDemo: false });
    expect(dirname(opened.path)).toBe(s.dir);
    await page.screenshot({ path: join(OUTPUT_DIR, 'fresh-workspace.png') });
    expect(await seriousAxeFindings(page)).toEqual([]);
    expect(s.problems).toEqual([]);
  });
});
