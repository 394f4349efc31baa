/** The application menu (menu-template.ts), installed. */
import { Menu } from 'electron';
import { menuTemplate } from './menu-template';

export function installMenu(options: { development: boolean; isMac: boolean }): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}
