/** Takes a database back from version 12 to 11 (for tests of what migration 12 fills in). */
import type { Db } from '../../electron/services/db/open';
import { rowVersionTables } from '../../electron/services/db/migrations/0016-row-versions';

/** The file as version 15 left it: migration 16's row versions and their triggers gone. */
export function undoMigration16(db: Db): void {
  for (const t of rowVersionTables) db.exec(`DROP TRIGGER ${t}_row_version; ALTER TABLE ${t} DROP COLUMN row_version;`);
  db.pragma('user_version = 15');
}

/** The file as version 14 left it: migration 15's users table gone (16 first). */
export function undoMigration15(db: Db): void {
  undoMigration16(db);
  db.exec(`DROP TABLE users;`);
  db.pragma('user_version = 14');
}

/** The file as version 13 left it: migration 14's providers table gone (15 first). */
export function undoMigration14(db: Db): void {
  undoMigration15(db);
  db.exec(`DROP TABLE providers;`);
  db.pragma('user_version = 13');
}

/** The file as version 12 left it: migration 13's reference tables and column gone (14 first). */
export function undoMigration13(db: Db): void {
  undoMigration14(db);
  db.exec(`DROP TABLE reference_crosswalk;
           DROP TABLE reference_hcpcs;
           DROP TABLE reference_fda_packages;
           DROP TABLE reference_fda_products;
           DROP TABLE reference_imports;
           DROP TABLE transition_checklist;
           ALTER TABLE administrations DROP COLUMN noc_instruction_json;`);
  db.pragma('user_version = 12');
}

/** Version 11: migration 12's columns, trigger and indexes gone too (13 first). */
export function undoMigration12(db: Db): void {
  undoMigration13(db);
  db.exec(`DROP TRIGGER line_variance_follows_administration;
           DROP INDEX line_variance_by_status_billed;
           DROP INDEX line_variance_by_payer_status;
           DROP INDEX line_variance_by_date;
           CREATE INDEX line_variance_by_date ON line_variance (date_of_service DESC, administration_id DESC);
           ALTER TABLE line_variance DROP COLUMN ndc11;
           ALTER TABLE line_variance DROP COLUMN units;
           ALTER TABLE line_variance DROP COLUMN billed_cents;
           ALTER TABLE line_variance DROP COLUMN acquisition_cost_cents;
           ALTER TABLE line_variance DROP COLUMN claim_number;
           ALTER TABLE line_variance DROP COLUMN patient_id;`);
  db.pragma('user_version = 11');
}
