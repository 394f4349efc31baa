/** The single practice-settings row (id = 1). */
import type { PracticeSettings } from '../../../shared/domain/practice-settings';
import type { Db } from '../db/open';
import type { AuditLog } from './audit-log';

type Fields = Omit<PracticeSettings, 'updatedAt' | 'version'>;

export function practiceRepository(db: Db, audit: AuditLog) {
  const select = db.prepare(
    `SELECT name, address_line1 AS addressLine1, address_line2 AS addressLine2, city, state, zip, phone,
            billing_contact AS billingContact, npi, tin, updated_at AS updatedAt, row_version AS version
       FROM practice_settings WHERE id = 1`,
  );
  const upsert = db.prepare(
    `INSERT INTO practice_settings (id, name, address_line1, address_line2, city, state, zip, phone, billing_contact, npi, tin, updated_at)
     VALUES (1, @name, @addressLine1, @addressLine2, @city, @state, @zip, @phone, @billingContact, @npi, @tin, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, address_line1 = excluded.address_line1,
       address_line2 = excluded.address_line2, city = excluded.city, state = excluded.state, zip = excluded.zip,
       phone = excluded.phone, billing_contact = excluded.billing_contact, npi = excluded.npi, tin = excluded.tin,
       updated_at = excluded.updated_at`,
  );
  const get = (): PracticeSettings | null => (select.get() as PracticeSettings | undefined) ?? null;

  return {
    get,
    save: db.transaction((fields: Fields, at: string, actor: string): PracticeSettings => {
      const before = get();
      upsert.run({ ...fields, updatedAt: at });
      // Read back: the row version is the trigger's (migration 16), not ours to compute.
      const after = get() as PracticeSettings;
      audit.record(at, actor, 'practice', 1, before ? 'update' : 'create', before, after);
      return after;
    }),
  };
}
