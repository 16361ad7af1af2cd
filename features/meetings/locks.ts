import type { LockKind } from '../../electron/server/locks/locks';

/** Approved minutes and published pack versions never change: each is locked as it is made. */
export const MINUTES_ENTITY = 'minutes';
export const PACK_VERSION_ENTITY = 'pack_version';

export const MEETINGS_LOCKS: LockKind[] = [
  {
    entity: MINUTES_ENTITY,
    code: 'LOCKED',
    refusal: () => 'These minutes have been approved, so they cannot change. Record a correction in the minutes of a later meeting.',
    state: () => 'the minutes are approved',
  },
  {
    entity: PACK_VERSION_ENTITY,
    code: 'LOCKED',
    refusal: () => 'A published pack never changes. Re-issue the pack, giving a reason, to publish a new version.',
    state: () => 'the pack is published',
  },
];
