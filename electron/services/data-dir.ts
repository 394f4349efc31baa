/**
 * Where the data lives when no folder is given. It is the same folder Electron's
 * app.getPath('userData') gives for productName "J3490 Desk", so the CLI and browser mode see the
 * desktop app's data by default. `--data-dir` or J3490_DATA_DIR override it.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER_NAME = 'J3490 Desk';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.J3490_DATA_DIR) return env.J3490_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER_NAME);
}
