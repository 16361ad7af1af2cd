import { PassThrough, type Writable } from 'node:stream';
import type { FileBytes } from '../../shared/types';
import type { KindScope } from '../../shared/workbook-types';
import type { Workspace } from '../workspace';
import { forScope, type KindDef } from './engine/kind';
import { writeKindWorkbook } from './engine/write-kind';
import { parseScope } from './import-service';

/** Writes a kind's workbook for a scope to a stream: the database read and the file, end to end. */
export async function exportKind(ws: Workspace, kind: KindDef, rawScope: Record<string, unknown>, out: Writable): Promise<KindScope> {
  const scope = parseScope(ws, kind, rawScope);
  const def = forScope(kind, ws, scope);
  const data = def.load(ws, scope);
  const info = ws.info();
  await writeKindWorkbook(out, def, data, scope, {
    workspaceId: info.id,
    authority: info.name,
    exportedBy: ws.actor.who(),
    exportedAt: ws.actor.now(),
    money: ws.money(),
  });
  return scope;
}

export async function exportKindBytes(ws: Workspace, def: KindDef, rawScope: Record<string, unknown>): Promise<FileBytes> {
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const scope = await exportKind(ws, def, rawScope, out);
  await done;
  return { fileName: def.fileName(scope, ws), base64: Buffer.concat(chunks).toString('base64') };
}
