import type { LockKind } from '../../electron/server/locks/locks';
import { SCENARIO_ENTITY } from './words';

/** A submitted scenario never changes: a new version is a copy. */
export const RECOVERY_LOCKS: LockKind[] = [
  {
    entity: SCENARIO_ENTITY,
    code: 'LOCKED',
    refusal: () => 'This scenario has been submitted and locked, so it cannot change. Copy it to make a new version, and change the copy.',
    state: () => 'the scenario is submitted and locked',
  },
];
