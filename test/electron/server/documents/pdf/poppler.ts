/** Reading a PDF back with poppler (pdfinfo, pdftotext, pdffonts), as the checks do. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'hnb-pdf-test-'));
let n = 0;

/** Writes bytes to a temporary file for the poppler tools. */
export function pdfFile(bytes: Uint8Array): string {
  const path = join(dir, `out-${++n}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

export function pdfinfo(path: string, args: string[] = []): string {
  return execFileSync('pdfinfo', [...args, path], { encoding: 'utf8' });
}

export function infoField(info: string, field: string): string | undefined {
  return new RegExp(`^${field}:\\s*(.*)$`, 'm').exec(info)?.[1]?.trim();
}

/** Each page's text, runs of white space made one space. */
export function pageTexts(path: string): string[] {
  const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages.map((p) => p.replace(/\s+/g, ' ').trim());
}

/** Page sizes in points, [width, height], 1-based page i at index i - 1. */
export function pageSizes(path: string, pages: number): [number, number][] {
  const info = pdfinfo(path, ['-f', '1', '-l', String(pages)]);
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Number(m[1]), Number(m[2])]);
}

export interface FontRow {
  name: string;
  embedded: boolean;
}

export function fonts(path: string): FontRow[] {
  const lines = execFileSync('pdffonts', [path], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim());
  // name type encoding emb sub uni object ID: the yes/no columns are the last five fields but two.
  return lines.map((line) => {
    const fields = line.trim().split(/\s+/);
    return { name: fields[0] ?? '', embedded: fields[fields.length - 5] === 'yes' };
  });
}
