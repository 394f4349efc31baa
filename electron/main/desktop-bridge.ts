/**
 * The desktop bridge: what only the desktop app can do for the page, outside the contract (the
 * CLI and browser mode have no native dialogs). Today one thing: the native folder picker, so
 * generated documents can be saved where the biller wants them. Answered, like every IPC call,
 * only to frames of the app's own origin.
 */
import { BrowserWindow, dialog, type IpcMain, type OpenDialogOptions } from 'electron';
import { isTrustedSender } from './security';

export const CHOOSE_FOLDER_CHANNEL = 'desktop:chooseFolder';

export function registerDesktopBridge(ipcMain: IpcMain, devServerUrl?: string): void {
  ipcMain.handle(CHOOSE_FOLDER_CHANNEL, async (event): Promise<string | null> => {
    if (!isTrustedSender(event.senderFrame, devServerUrl)) {
      throw new Error('This request did not come from J3490 Desk and was refused.');
    }
    const options: OpenDialogOptions = {
      title: 'Choose a folder for the documents',
      buttonLabel: 'Save here',
      properties: ['openDirectory', 'createDirectory'],
    };
    const owner = BrowserWindow.fromWebContents(event.sender);
    const chosen = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
  });
}
