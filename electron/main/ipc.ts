/**
 * IPC adapter: one ipcMain.handle per contract channel, each answering a Reply via the shared
 * dispatcher, and only to frames of the app's own origin. The page's session token (accounts,
 * issue 16) comes as the call's second argument.
 */
import type { IpcMain } from 'electron';
import { channels } from '../../shared/api/contract';
import { fail } from '../../shared/api/reply';
import { localDispatcher, type Dispatcher, type Logger } from '../services/dispatch';
import type { Handlers } from '../services/handler-table';
import { isTrustedSender } from './security';

/** `to`: this desk's services, or the dispatcher of the practice network (practice-network-door.ts). */
export function registerIpc(ipcMain: IpcMain, to: Handlers | Dispatcher, log: Logger, devServerUrl?: string): void {
  const send = typeof to === 'function' ? to : localDispatcher(to, log);
  for (const channel of channels) {
    ipcMain.handle(channel, (event, args: unknown, session: unknown) => {
      if (!isTrustedSender(event.senderFrame, devServerUrl)) {
        log.warn?.('Refused a call from a frame that is not the app', { channel, code: 'FORBIDDEN_ORIGIN' });
        return fail('FORBIDDEN_ORIGIN', 'This request did not come from J3490 Desk and was refused.');
      }
      return send(channel, args, typeof session === 'string' ? { session } : {});
    });
  }
}
