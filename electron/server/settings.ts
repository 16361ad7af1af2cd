/** The workspace's settings, read defensively: a value edited outside the app falls back to its default. */
import { z } from 'zod';
import type { Db } from '../../db/client';
import { setting } from '../../db/schema';
import { DEFAULT_SETTINGS, type WorkspaceSettings } from '../../features/settings/types';

const SHAPES: { [K in keyof WorkspaceSettings]: z.ZodType<WorkspaceSettings[K]> } = {
  negativeStyle: z.enum(['minus', 'brackets']),
  largeMovePercent: z.int().min(1).max(1000),
};

export function readSettings(db: Db): WorkspaceSettings {
  const out: WorkspaceSettings = { ...DEFAULT_SETTINGS };
  for (const row of db.select().from(setting).all()) {
    if (!(row.key in SHAPES)) continue;
    const key = row.key as keyof WorkspaceSettings;
    try {
      const parsed = SHAPES[key].safeParse(JSON.parse(row.value));
      if (parsed.success) (out as unknown as Record<string, unknown>)[key] = parsed.data;
    } catch {
      // Not JSON: the default stands.
    }
  }
  return out;
}
