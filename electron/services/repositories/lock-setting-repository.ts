/**
 * Minutes without use before the app locks, in `app_settings` (key `lock_after_minutes`) beside
 * the variance tolerance. No row means the default: a practice that never chose keeps 15 minutes.
 */
import { DEFAULT_LOCK_AFTER_MINUTES } from '../../../shared/api/session-channels';
import type { Db } from '../db/open';
import type { AuditLog } from './audit-log';

const KEY = 'lock_after_minutes';

export function lockSettingRepository(db: Db, audit: AuditLog) {
  const select = db.prepare(`SELECT value FROM app_settings WHERE key = ?`).pluck();
  const put = db.prepare(
    `INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  const lockAfterMinutes = (): number => {
    const stored = Number(select.get(KEY) ?? DEFAULT_LOCK_AFTER_MINUTES);
    return Number.isInteger(stored) ? stored : DEFAULT_LOCK_AFTER_MINUTES;
  };
  return {
    lockAfterMinutes,
    /** Minutes already checked by the contract (0–480). */
    setLockAfterMinutes: db.transaction((minutes: number, at: string, actor: string): void => {
      const before = lockAfterMinutes();
      if (before === minutes) return;
      put.run(KEY, String(minutes));
      audit.record(at, actor, 'setting', KEY, 'update', { value: before }, { value: minutes });
    }),
  };
}
