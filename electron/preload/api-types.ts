/** What the preload puts on window (absent in browser mode, where fetch backs the same Api). */
import type { Api } from '../../shared/api/client';

/** The few things only the desktop app can do, outside the contract: native dialogs. */
export type DesktopBridge = {
  /** The native folder picker; the chosen folder's path, or null when the person cancels. */
  chooseFolder(): Promise<string | null>;
};

declare global {
  interface Window {
    api?: Api;
    desktop?: DesktopBridge;
  }
}

export {};
