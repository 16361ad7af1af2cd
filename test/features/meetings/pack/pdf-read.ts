/** Reading a PDF back as a reader would, with poppler's pdfinfo and pdftotext. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export function pdfPageCount(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

export function pdfInfo(path: string): Record<string, string> {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Object.fromEntries(info.split('\n').flatMap((l) => (/^([^:]+):\s*(.*)$/.exec(l) ? [[RegExp.$1.trim(), RegExp.$2.trim()]] : [])));
}

/** Each page's text, whitespace runs made single spaces, so a title wrapped over two lines still reads as one. */
export function pdfPageTexts(path: string): string[] {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages = text.split('\f');
  if (pages[pages.length - 1]!.trim() === '') pages.pop();
  return pages.map(flat);
}

export const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

export const sha256File = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Each page's orientation, from its size. */
export function pdfPageOrientations(path: string): Array<'portrait' | 'landscape'> {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '100000', path], { encoding: 'utf8' });
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => (Number(m[1]) > Number(m[2]) ? 'landscape' : 'portrait'));
}
