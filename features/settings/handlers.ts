import { eq } from 'drizzle-orm';
import { setting } from '../../db/schema';
import { defineHandlers } from '../../electron/server/handler';
import type { WorkspaceSettings } from './types';

const LABELS: Record<keyof WorkspaceSettings, string> = {
  negativeStyle: 'Negative amounts shown as',
  largeMovePercent: 'Import flags forecast moves over',
};

export const settingsHandlers = defineHandlers({
  getSettings: (_input, { ws }) => ws.settings(),

  saveSettings: (input, { ws }) => {
    const changes = (Object.entries(input) as Array<[keyof WorkspaceSettings, unknown]>).filter(([k, v]) => v !== undefined && ws.settings()[k] !== v);
    if (changes.length === 0) return ws.settings();
    ws.write(
      'edit',
      `Settings: ${changes.map(([k, v]) => `${LABELS[k]} ${k === 'largeMovePercent' ? `${v}%` : v === 'brackets' ? '(£1,234)' : '-£1,234'}`).join('; ')}`,
      (rec) => {
        for (const [key, value] of changes) {
          const existing = ws.db.select({ id: setting.id }).from(setting).where(eq(setting.key, key)).get();
          if (existing) rec.update(setting, existing.id, { value: JSON.stringify(value) });
          else rec.insert(setting, { key, value: JSON.stringify(value) });
        }
      },
    );
    return ws.settings();
  },
});
