import type { LockKind } from '../../electron/server/locks/locks';
import { RUN_ENTITY } from './words';

/** An approved run, or one a published forum pack shows, never changes: a new version is a copy. */
export const ALLOCATION_LOCKS: LockKind[] = [
  {
    entity: RUN_ENTITY,
    code: 'LOCKED',
    refusal: () =>
      'This allocation run is locked (approved, or shown in a published forum pack), so it cannot change. Copy it to make a new run, and change the copy.',
    state: () => 'the allocation run is locked',
  },
];
