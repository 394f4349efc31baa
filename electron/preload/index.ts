/**
 * The preload: exposes `window.api`, one function per contract channel, each an
 * ipcRenderer.invoke of that channel only, and `window.desktop`, the native dialogs the desktop
 * app adds (electron/main/desktop-bridge.ts). Raw ipcRenderer never reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../../shared/api/client';
import { channels } from '../../shared/api/contract';
import type { Reply } from '../../shared/api/reply';
import type { DesktopBridge } from './api-types';

const api = buildApi(
  channels,
  (channel, args, session) => ipcRenderer.invoke(channel, args, session) as Promise<Reply<unknown>>,
);

const desktop: DesktopBridge = {
  chooseFolder: () => ipcRenderer.invoke('desktop:chooseFolder') as Promise<string | null>,
};

contextBridge.exposeInMainWorld('api', api);
contextBridge.exposeInMainWorld('desktop', desktop);
