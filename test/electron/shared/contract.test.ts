import { describe, expect, it } from 'vitest';
import { handlers } from '../../../electron/server/features';
import { CHANNELS, contract, HOST_CHANNELS } from '../../../electron/shared/contract';

describe('the contract', () => {
  it('has one server handler for every channel the host does not answer itself', () => {
    const server = CHANNELS.filter((c) => !contract[c].host).sort();
    expect(Object.keys(handlers).sort()).toEqual(server);
    expect([...HOST_CHANNELS].sort()).toEqual(['chooseImportFile', 'chooseWorkspace', 'saveFileAs']);
  });
  it('refuses unknown fields on every input, so a typo is an error rather than ignored', () => {
    for (const c of CHANNELS) {
      const r = contract[c].input.safeParse({ notAField: 1 });
      expect(r.success, c).toBe(false);
    }
  });
});
