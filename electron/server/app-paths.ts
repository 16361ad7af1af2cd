import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'HNB Desk';
export const WORKSPACE_EXTENSION = 'hnbdesk';

/**
 * The per-user folder, the same one Electron's app.getPath('userData') gives for "HNB Desk",
 * so the CLI and the app find the same default workspace. HNB_DATA_DIR overrides it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.HNB_DATA_DIR) return env.HNB_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

export function defaultWorkspacePath(dataDir: string): string {
  return join(dataDir, `workspace.${WORKSPACE_EXTENSION}`);
}

/** Who is recorded in the audit trail: the OS account, with its Windows domain where there is one. */
export function osUser(env: NodeJS.ProcessEnv = process.env): string {
  let name: string;
  try {
    name = userInfo().username;
  } catch {
    name = env.USERNAME ?? env.USER ?? 'unknown';
  }
  return env.USERDOMAIN && process.platform === 'win32' ? `${env.USERDOMAIN}\\${name}` : name;
}
