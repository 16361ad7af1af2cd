import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { RecentWorkspace } from '../../features/workspaces/types';

const MAX_RECENT = 10;
const stored = z.array(z.object({ path: z.string(), name: z.string(), openedAt: z.string() }));

/** The recent-files list, kept beside the default workspace in the user's app-data folder. */
export class RecentList {
  private readonly file: string;

  constructor(private readonly dataDir: string) {
    this.file = join(dataDir, 'recent-workspaces.json');
  }

  private read(): Array<Omit<RecentWorkspace, 'exists' | 'sameNameAsAnother'>> {
    try {
      const parsed = stored.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }

  list(): Array<Omit<RecentWorkspace, 'sameNameAsAnother'>> {
    return this.read().map((r) => ({ ...r, exists: existsSync(r.path) }));
  }

  has(path: string): boolean {
    const p = resolve(path);
    return this.read().some((r) => resolve(r.path) === p);
  }

  add(path: string, name: string, at: Date): void {
    const p = resolve(path);
    const next = [{ path: p, name, openedAt: at.toISOString() }, ...this.read().filter((r) => resolve(r.path) !== p)].slice(0, MAX_RECENT);
    mkdirSync(this.dataDir, { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(next, null, 2));
    renameSync(tmp, this.file);
  }
}
