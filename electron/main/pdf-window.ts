import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session } from 'electron';

/**
 * Lays a pack's print HTML out as PDF with Chromium's own printing, in a hidden window that runs
 * no script and may load nothing but the page itself: a paper can never make the app fetch
 * anything from the network. Tagged, so screen readers can read the published pack.
 */
export async function printHtmlToPdf(html: string, landscape: boolean): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'hnb-pdf-'));
  const file = join(dir, 'pack.html');
  writeFileSync(file, html);
  const page = pathToFileURL(file).toString();
  const ses = session.fromPartition('hnb-pdf');
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: details.url !== page && !details.url.startsWith('data:') }));
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  const window = new BrowserWindow({
    show: false,
    webPreferences: { session: ses, sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, spellcheck: false },
  });
  try {
    await window.loadURL(page);
    return await window.webContents.printToPDF({
      pageSize: 'A4',
      landscape,
      preferCSSPageSize: true,
      printBackground: true,
      generateTaggedPDF: true,
      generateDocumentOutline: false,
    });
  } finally {
    window.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
