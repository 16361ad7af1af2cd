/**
 * The pack's one typeface, Liberation Sans (OFL, metric-compatible with Arial), shipped in
 * resources/fonts so Edge on Windows and Chromium on Linux lay the pack out alike. The browser
 * gets it as data: URLs (the page may fetch nothing); pdf-lib embeds the regular face for the
 * footer it stamps.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors';

export const FONT_FAMILY = 'Liberation Sans';

const FACES = [
  { file: 'LiberationSans-Regular.ttf', weight: 400, style: 'normal' },
  { file: 'LiberationSans-Bold.ttf', weight: 700, style: 'normal' },
  { file: 'LiberationSans-Italic.ttf', weight: 400, style: 'italic' },
  { file: 'LiberationSans-BoldItalic.ttf', weight: 700, style: 'italic' },
] as const;

let fontsDir: string | undefined;

/**
 * resources/fonts, found upwards from this file: from the source tree (tests, tsx), from the
 * bundle in out/main (the CLI, the web host), or beside the packaged app (process.resourcesPath,
 * where electron-builder's extraResources puts it). HNB_FONTS_DIR overrides.
 */
export function findFontsDir(): string {
  if (fontsDir) return fontsDir;
  const candidates: string[] = [];
  if (process.env.HNB_FONTS_DIR) candidates.push(process.env.HNB_FONTS_DIR);
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) candidates.push(join(resourcesPath, 'fonts'));
  for (let dir = __dirname, i = 0; i < 8; i++, dir = dirname(dir)) candidates.push(join(dir, 'resources', 'fonts'));
  const found = candidates.find((dir) => existsSync(join(dir, FACES[0].file)));
  if (!found) {
    throw new AppError(
      'NOT_AVAILABLE',
      `The PDF could not be made: its font files (resources/fonts/${FACES[0].file}) are missing from this installation. Reinstall HNB Desk.`,
    );
  }
  fontsDir = found;
  return found;
}

const bytesCache = new Map<string, Uint8Array>();

export function fontBytes(file: string): Uint8Array {
  let bytes = bytesCache.get(file);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(join(findFontsDir(), file)));
    bytesCache.set(file, bytes);
  }
  return bytes;
}

/** The regular face, for text pdf-lib stamps (footer, marking). */
export function regularFontBytes(): Uint8Array {
  return fontBytes(FACES[0].file);
}

export function boldFontBytes(): Uint8Array {
  return fontBytes(FACES[1].file);
}

export type SubstituteFamily = 'Sans' | 'Serif' | 'Mono';

/** The Liberation face standing in for a font an appendix uses without embedding it. */
export function substituteFile(family: SubstituteFamily, bold: boolean, italic: boolean): string {
  const style = bold && italic ? 'BoldItalic' : bold ? 'Bold' : italic ? 'Italic' : 'Regular';
  return `Liberation${family}-${style}.ttf`;
}

function faceRule(face: (typeof FACES)[number], src: string): string {
  return `@font-face{font-family:'${FONT_FAMILY}';font-weight:${face.weight};font-style:${face.style};src:url(${src}) format('truetype')}`;
}

let dataCss: string | undefined;

/**
 * @font-face rules for every face as data: URLs (about 2 MB of CSS, built once): the pack's HTML
 * is complete in itself, whichever engine lays it out.
 */
export function fontFaceCss(): string {
  dataCss ??= FACES.map((face) => faceRule(face, `data:font/ttf;base64,${Buffer.from(fontBytes(face.file)).toString('base64')}`)).join('\n');
  return dataCss;
}

/**
 * An engine that can answer requests itself may swap fontFaceCss() for these rules and serve
 * the fonts from memory (fontAtUrl): the browser then reads 2 MB of CSS once per page instead of
 * once per render, and keeps the decoded fonts between renders. The host never resolves.
 */
export const FONT_URL_BASE = 'https://fonts.hnb-desk.invalid/';

export function fontFaceUrlCss(): string {
  return FACES.map((face) => faceRule(face, `${FONT_URL_BASE}${face.file}`)).join('\n');
}

/** The font file a URL from fontFaceUrlCss() names, or undefined for any other URL. */
export function fontAtUrl(url: string): Uint8Array | undefined {
  if (!url.startsWith(FONT_URL_BASE)) return undefined;
  const face = FACES.find((f) => `${FONT_URL_BASE}${f.file}` === url);
  return face ? fontBytes(face.file) : undefined;
}
