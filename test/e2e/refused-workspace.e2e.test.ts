import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './axe';
import { openSession, type Session } from './harness';

let s: Session;

beforeAll(async () => {
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

  it('lets the user create another workspace and carry on', async () => {
    const page = s.page;
    await page.getByLabel('Workspace file path').fill(join(s.dir, 'Fresh authority.hnbdesk'));
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'No years yet' }).waitFor();
    await expect.poll(() => page.locator('.workspace-name').textContent()).toBe('Fresh authority');
    expect(s.problems).toEqual([]);
  });
});
