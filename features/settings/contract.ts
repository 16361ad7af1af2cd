import { z } from 'zod';
import { channel, empty } from '../../electron/shared/contract-kit';
import type { WorkspaceSettings } from './types';

export const settingsContract = {
  getSettings: channel(empty).returns<WorkspaceSettings>(),
  saveSettings: channel(
    z.strictObject({
      negativeStyle: z.enum(['minus', 'brackets']).optional(),
      largeMovePercent: z
        .int({ error: 'must be a whole percentage' })
        .min(1, { error: 'must be at least 1%' })
        .max(1000, { error: 'must be at most 1000%' })
        .optional(),
    }),
  ).returns<WorkspaceSettings>(),
};
