import type { IpcMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { registerIpc } from '../../../electron/main/ipc';
import type { Handlers } from '../../../electron/services/handler-table';
import { createLogger, doorLogger } from '../../../electron/services/log/logger';
import { channels } from '../../../shared/api/contract';
import { assertNoPhi, hostilePatient } from './hostile-records';

type Handle = (event: { senderFrame: { url: string } | null }, args: unknown) => unknown;

describe('IPC refusals in the support log', () => {
  it('logs a call from a foreign frame by channel and code, never its arguments', async () => {
    const registered = new Map<string, Handle>();
    const ipcMain = { handle: (c: string, fn: Handle) => registered.set(c, fn) } as unknown as IpcMain;
    const handlers = Object.fromEntries(channels.map((c) => [c, vi.fn()])) as unknown as Handlers;
    const lines: string[] = [];
    const log = createLogger({ sink: (l) => lines.push(l), now: () => '2026-12-07T14:00:00.000Z' });
    registerIpc(ipcMain, handlers, doorLogger(log, 'ipc'));

    await registered.get('patients:create')?.({ senderFrame: { url: 'https://evil.example/' } }, hostilePatient);
    expect(lines).toEqual([
      '2026-12-07T14:00:00.000Z WARN  ipc Refused a call from a frame that is not the app {"channel":"patients:create","code":"FORBIDDEN_ORIGIN"}\n',
    ]);
    expect(assertNoPhi(lines.join(''))).toEqual([]);
  });
});
