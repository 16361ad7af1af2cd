import type { AuditTableDef } from '../../../electron/server/audit/registry';
import { auditTable } from '../../../electron/server/audit/registry';
import { entityRef } from '../../../electron/shared/entity-ref';
import { PACK_VERSION_ENTITY } from '../locks';
import { packFile, packVersion } from '../schema';

/** The length of a stored JSON list (or of one of its object's lists), or null when it is not one. */
function countOf(value: unknown, key: string | null): number | null {
  try {
    const parsed = JSON.parse(String(value)) as unknown;
    const list = key === null ? parsed : (parsed as Record<string, unknown>)?.[key];
    return Array.isArray(list) ? list.length : null;
  } catch {
    return null;
  }
}

/**
 * A published version and its files sit under the version's own lock, set as it is written: the
 * recorder then refuses any change to them, an undo of the publishing included.
 */
export const packAudit: AuditTableDef[] = [
  auditTable(packVersion, {
    fields: {
      version: 'Pack version',
      supplementary: 'Supplementary',
      reason: 'Reason for re-issue',
      publishedAt: 'Published',
      publishedBy: 'Published by',
      snapshot: 'Papers and figures',
      differences: 'Differences',
    },
    scope: (row) => entityRef(PACK_VERSION_ENTITY, Number(row.id)),
    subject: (row) => entityRef('meeting', Number(row.meetingId)),
    // The stored JSON runs to pages; the history says what it holds.
    values: {
      snapshot: (v) => {
        const items = countOf(v, 'items');
        return items === null ? null : `the text and figures of ${items} agenda item${items === 1 ? '' : 's'}`;
      },
      differences: (v) => {
        const n = countOf(v, null);
        return n === null ? null : n === 0 ? 'none' : `${n} change${n === 1 ? '' : 's'} from the version before`;
      },
    },
  }),
  auditTable(packFile, {
    fields: { variant: 'Pack', format: 'Format', fileName: 'File name', sha256: 'SHA-256', size: 'Size', pages: 'Pages' },
    scope: (row) => entityRef(PACK_VERSION_ENTITY, Number(row.versionId)),
  }),
];
