/**
 * A number of minutes kept in `app_settings` under one key: after how long the app locks
 * (`lock_after_minutes`, 0–480) and after how long a signed-in session ends (`session_idle_minutes`,
 * 5–480, issue 16). No row means the default (a practice that never chose keeps 15 minutes); a
 * stored value outside the range (written by hand) reads as the default. A change is audited.
 */
import type { Db } from '../db/open';
import { appSettings } from './app-settings';
import type { AuditLog } from './audit-log';

export type MinutesSetting = { key: string; fallback: number; min: number; max: number };

export function minutesSettingRepository(db: Db, audit: AuditLog, setting: MinutesSetting) {
  const settings = appSettings(db);
  const minutes = (): number => {
    const stored = Number(settings.get(setting.key) ?? setting.fallback);
    const usable = Number.isInteger(stored) && stored >= setting.min && stored <= setting.max;
    return usable ? stored : setting.fallback;
  };
  return {
    minutes,
    /** Minutes already checked by the contract. */
    setMinutes: db.transaction((next: number, at: string, actor: string): void => {
      const before = minutes();
      if (before === next) return;
      settings.set(setting.key, String(next));
      audit.record(at, actor, 'setting', setting.key, 'update', { value: before }, { value: next });
    }),
  };
}
