/**
 * Issue 15 item 9: each door closes the database on SIGINT and SIGTERM (services/shutdown.ts),
 * and closing twice (a signal, then quitting) is harmless.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openServices } from '../../../electron/services/context';
import { onTerminationSignals, signalExitCode } from '../../../electron/services/shutdown';
import { makeTempDir, removeTempDir } from '../../integration/temp-dir';

describe('onTerminationSignals', () => {
  const offs: (() => void)[] = [];
  afterEach(() => offs.splice(0).forEach((off) => off()));

  it('runs the stop once, on the first SIGINT or SIGTERM, and comes off again', () => {
    const stop = vi.fn();
    const before = process.listenerCount('SIGTERM');
    const off = onTerminationSignals(stop);
    offs.push(off);
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    process.emit('SIGTERM', 'SIGTERM');
    process.emit('SIGINT', 'SIGINT');
    expect(stop).toHaveBeenCalledTimes(1);
    expect(stop).toHaveBeenCalledWith('SIGTERM');
    off();
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });

  it('exit codes as shells report a stop by signal', () => {
    expect(signalExitCode('SIGINT')).toBe(130);
    expect(signalExitCode('SIGTERM')).toBe(143);
  });
});

describe('closing the services', () => {
  it('may be done twice: the second close does nothing', () => {
    const dir = makeTempDir();
    try {
      const services = openServices({ dataDir: dir, mode: 'cli' });
      const close = vi.spyOn(services.ctx.db, 'close');
      services.close();
      services.close();
      expect(close).toHaveBeenCalledTimes(1);
      expect(services.ctx.db.open).toBe(false);
    } finally {
      removeTempDir(dir);
    }
  });
});
