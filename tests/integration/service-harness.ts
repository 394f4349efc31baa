/**
 * The setup every service test file shares: before each test a fresh data folder and services
 * opened on it in CLI mode with a hand-moved clock; after each test the services are closed, the
 * folder removed and no error may have been logged by the dispatcher. Call it once at the top of
 * a test file; hooks the file registers afterwards run after these (seeding sees open services).
 */
import { afterEach, beforeEach, expect } from 'vitest';
import { openServices, type Services } from '../../electron/services/context';
import { rowVersion, type VersionedTable } from '../../electron/services/repositories/row-version';
import { serviceCalls } from './service-calls';
import { makeTempDir, removeTempDir, testClock } from './temp-dir';

export type ServiceHarness = ReturnType<typeof serviceHarness>;

export function serviceHarness({ actor = 'tester', start = '2025-03-01T12:00:00.000Z' } = {}) {
  /** One clock for the file, set back to `start` before each test. */
  const clock = testClock(start);
  const loggedErrors: string[] = [];
  let dir: string | undefined;
  let services: Services | undefined;

  const current = (): Services => {
    if (!services) throw new Error('no services are open');
    return services;
  };

  const currentDir = (): string => {
    if (!dir) throw new Error('no test folder');
    return dir;
  };

  /** Opens services on `dataDir` (the test's folder unless given) with the clock and actor; the previous ones must be closed. */
  const open = (dataDir: string = currentDir()): Services =>
    (services = openServices({ dataDir, mode: 'cli', now: clock.now, actor }));

  beforeEach(() => {
    dir = makeTempDir();
    clock.set(start);
    loggedErrors.length = 0;
    open();
  });

  afterEach(() => {
    services?.close();
    services = undefined;
    removeTempDir(dir);
    dir = undefined;
    expect(loggedErrors).toEqual([]);
  });

  /** The audit trail of one kind of entity, oldest first, with the before/after JSON parsed. */
  const auditRows = (entity: string) =>
    (
      current()
        .ctx.db.prepare(
          'SELECT at, actor, entity, entity_id AS entityId, action, before_json AS beforeJson, after_json AS afterJson FROM audit_log WHERE entity = ? ORDER BY id',
        )
        .all(entity) as {
        at: string;
        actor: string;
        entity: string;
        entityId: string;
        action: string;
        beforeJson: string | null;
        afterJson: string | null;
      }[]
    ).map(({ beforeJson, afterJson, ...rest }) => ({
      ...rest,
      before: beforeJson === null ? null : (JSON.parse(beforeJson) as Record<string, unknown>),
      after: afterJson === null ? null : (JSON.parse(afterJson) as Record<string, unknown>),
    }));

  /** The row's stored version, as a form opened now would send it with a save (1 for a row that is not there). */
  const version = (table: VersionedTable, id: number): number => rowVersion(current().ctx.db, table, id) ?? 1;

  return {
    ...serviceCalls(() => current().handlers, loggedErrors),
    auditRows,
    version,
    services: current,
    dir: currentDir,
    clock,
    loggedErrors,
    open,
  };
}
