import { PassThrough, type Writable } from 'node:stream';
import { AppError } from '../../shared/errors';
import type { FileBytes } from '../../shared/types';
import type { KindScope } from '../../shared/workbook-types';
import type { Workspace } from '../workspace';
import type { KindDef } from './engine/kind';
import { writeKindWorkbook } from './engine/write-kind';

function checkScope(def: KindDef, scope: KindScope): KindScope {
  if (def.needsPeriod && !scope.period) {
    throw AppError.invalid([{ field: 'period', rule: 'is required', message: `A ${def.title.toLowerCase()} is for one period: say which (P1 to P12).` }]);
  }
  return def.needsPeriod ? scope : { ...scope, period: undefined };
}

/** Writes a kind's workbook for a scope to a stream: the database read and the file, end to end. */
export async function exportKind(ws: Workspace, def: KindDef, scope: KindScope, out: Writable): Promise<void> {
  const s = checkScope(def, scope);
  const data = def.load(ws, s);
  const info = ws.info();
  await writeKindWorkbook(out, def, data, s, { workspaceId: info.id, authority: info.name, exportedBy: ws.actor.who(), exportedAt: ws.actor.now() });
}

export async function exportKindBytes(ws: Workspace, def: KindDef, scope: KindScope): Promise<FileBytes> {
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await exportKind(ws, def, scope, out);
  await done;
  return { fileName: def.fileName(checkScope(def, scope)), base64: Buffer.concat(chunks).toString('base64') };
}
