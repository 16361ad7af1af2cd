import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session } from 'electron';
import { join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { writeFileAtomic } from '../server/files';
import { isAllowedNavigation, isPermissionAllowed, isTrustedSenderUrl } from './guards';
import { type HostDialogs, hostCall } from './host-calls';
import { buildMenu } from './menu';
import { ServerProcess } from './server-process';
import { APP_ENTRY, APP_SCHEME, mainWindowOptions } from './window-options';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const rendererDir = resolve(__dirname, '../renderer');
const server = new ServerProcess(join(__dirname, 'server.js'));

/** Serves the built renderer from app:// with the CSP on every response; nothing outside the folder. */
function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '') || 'index.html';
    const file = resolve(rendererDir, rel);
    if (url.host !== 'hnb-desk' || !file.startsWith(rendererDir + sep)) return new Response('Not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
}

function lockDown(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(isPermissionAllowed(permission)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => isPermissionAllowed(permission));
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (e, url) => {
      if (!isAllowedNavigation(url)) e.preventDefault();
    });
    contents.on('will-redirect', (e, url) => {
      if (!isAllowedNavigation(url)) e.preventDefault();
    });
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** Electron's native dialogs, as host-calls.ts asks for them. */
function dialogsFor(window: BrowserWindow): HostDialogs {
  return {
    documentsDir: app.getPath('documents'),
    openFile: async (o) => (await dialog.showOpenDialog(window, { ...o, properties: ['openFile'] })).filePaths[0] ?? null,
    saveFile: async (o) => (await dialog.showSaveDialog(window, o)).filePath || null,
    writeFile: (path, bytes) => writeFileAtomic(path, bytes),
  };
}

async function createWindow(): Promise<void> {
  const window = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/index.js')));
  Menu.setApplicationMenu(buildMenu(window));
  ipcMain.handle('hnb:call', (event, channel: unknown, input: unknown) => {
    if (!isTrustedSenderUrl(event.senderFrame?.url) || event.sender !== window.webContents) {
      return { ok: false, error: { code: 'UNAUTHORIZED', message: 'Refused a call from an untrusted page.' } };
    }
    if (typeof channel !== 'string') return { ok: false, error: { code: 'INVALID_INPUT', message: 'A call needs a channel name.' } };
    return hostCall(dialogsFor(window), server, channel, input);
  });
  window.once('ready-to-show', () => window.show());
  await window.loadURL(APP_ENTRY);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [w] = BrowserWindow.getAllWindows();
    if (w) {
      if (w.isMinimized()) w.restore();
      w.focus();
    }
  });
  app.whenReady().then(async () => {
    lockDown();
    serveRenderer();
    await server.start(app.getPath('userData'));
    await createWindow();
  });
  app.on('window-all-closed', () => {
    server.stop();
    app.quit();
  });
}
