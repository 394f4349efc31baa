/**
 * The `app_settings` table: one text value per key (the variance tolerance, the lock and session
 * minutes, the sealed-files flag). The repositories that own a key read and write it through here.
 */
import type { Db } from '../db/open';

export function appSettings(db: Db) {
  const select = db.prepare(`SELECT value FROM app_settings WHERE key = ?`).pluck();
  const put = db.prepare(
    `INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  return {
    /** The stored text, or undefined when the key was never set. */
    get: (key: string): string | undefined => select.get(key) as string | undefined,
    set: (key: string, value: string): void => {
      put.run(key, value);
    },
  };
}
