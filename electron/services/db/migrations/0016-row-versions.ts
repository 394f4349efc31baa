/**
 * Row versions for optimistic concurrency (issue 16): several desks share one practice, so two
 * people may open the same record and both save it. Each record a person edits in a form carries
 * `row_version`; a save names the version its form was loaded with and is refused with
 * RECORD_CHANGED when the row has moved on, instead of silently overwriting the other change.
 *
 * The version is bumped by a trigger on every UPDATE, not by the repositories, so no code path
 * (a status move, an estimate recomputed after a price change, a correction, an import) can
 * change a row and forget to bump it. The trigger's own UPDATE sets only row_version: it does not
 * fire the column-list triggers of migrations 6, 11 and 12, and with recursive_triggers off (the
 * SQLite default, never turned on here) it does not fire itself; its WHEN clause would stop it if it did.
 */
const versioned = [
  'practice_settings',
  'drugs',
  'suppliers',
  'invoices',
  'patients',
  'administrations',
  'providers',
  'payers',
  'contracts',
  'drug_prices',
] as const;

export const rowVersionTables = versioned;

/**
 * An administration also holds caches the services refresh on their own: the checklist flags
 * (`ready`, `missing_json`, rewritten when a payer is confirmed or a scan attached, even by a read)
 * and `estimate_stale` (set when a price or contract it used changes). Refreshing them is nobody's
 * change to the administration, so it must not turn every open form of it stale; its trigger
 * names the columns a change is made of instead. A later migration that adds a column to
 * administrations recreates this trigger with it (tests/integration/row-versions.test.ts compares
 * the stored trigger's columns with the table's).
 */
export const administrationCacheColumns: readonly string[] = ['ready', 'missing_json', 'estimate_stale'];
export const administrationChangeColumns: readonly string[] = [
  'id',
  'date_of_service',
  'patient_id',
  'payer_id',
  'invoice_line_id',
  'ndc11',
  'hcpcs',
  'dose_amount',
  'dose_unit',
  'wasted_amount',
  'given_micro',
  'wasted_micro',
  'route',
  'site',
  'ordering_npi',
  'rendering_npi',
  'diagnoses',
  'medical_necessity',
  'physician_notes',
  'billed_cents',
  'wasted_billed_cents',
  'claim_number',
  'status',
  'modifier_override_json',
  'estimate_json',
  'estimate_at',
  'contract_id',
  'created_at',
  'updated_at',
  'technique',
  'infusion_start',
  'infusion_stop',
  'infusion_minutes',
  'ordering_provider_name',
  'rendering_provider_name',
  'billed_at',
  'noc_instruction_json',
];

const updateOf = (t: string): string =>
  t === 'administrations' ? `UPDATE OF ${administrationChangeColumns.join(', ')}` : 'UPDATE';

export default versioned
  .map(
    (t) => `
ALTER TABLE ${t} ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER ${t}_row_version AFTER ${updateOf(t)} ON ${t}
  WHEN NEW.row_version = OLD.row_version
BEGIN
  UPDATE ${t} SET row_version = OLD.row_version + 1 WHERE rowid = NEW.rowid;
END;`,
  )
  .join('\n');
