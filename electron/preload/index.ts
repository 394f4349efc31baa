/**
 * The preload: exposes `window.api`, one function per contract channel, each an
 * ipcRenderer.invoke of that channel only. Raw ipcRenderer never reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../../shared/api/client';
import { channels } from '../../shared/api/contract';
import type { Reply } from '../../shared/api/reply';

const api = buildApi(channels, (channel, args) => ipcRenderer.invoke(channel, args) as Promise<Reply<unknown>>);

contextBridge.exposeInMainWorld('api', api);
