/**
 * Developer tools exist only while developing (an unpackaged app: `npm start`, `npm run dev`).
 * In the installed app they are off in the window's preferences, absent from the menu
 * (menu-template.ts), and closed at once should they open anyway: their console reaches
 * everything the page can, patients' records included.
 */
import type { WebContents } from 'electron';

export const isDevelopment = (app: { isPackaged: boolean }): boolean => !app.isPackaged;

export function closeDevToolsWhenOpened(contents: Pick<WebContents, 'on' | 'closeDevTools'>): void {
  contents.on('devtools-opened', () => contents.closeDevTools());
}
