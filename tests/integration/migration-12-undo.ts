/** Takes a database back from version 12 to 11 (for tests of what migration 12 fills in). */
import type { Db } from '../../electron/services/db/open';

export function undoMigration12(db: Db): void {
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
