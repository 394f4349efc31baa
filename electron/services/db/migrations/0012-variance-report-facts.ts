/**
 * What the reports need of each claim line beside what was expected and paid (issue 12): the
 * drug (NDC), the billing units, the billed charge and the line's acquisition cost, copied from
 * the frozen estimate into `line_variance` so margin, volume and revenue are sums over one narrow
 * table instead of a parse of every estimate. The variance service writes them with every row;
 * here existing rows take them from their estimate. Estimate amounts are always written with
 * exactly two decimals (`moneyOut` in scenario.ts), so dropping the point gives exact cents.
 * An estimate made before acquisition costs were kept leaves the cost NULL (unknown, not zero).
 *
 * The claim number and the patient are copied too, and kept equal to the administration's by a
 * trigger: the variance report and its export list a million lines, and reading each line's
 * administration row (≈ 3 KB with its estimate) for two short fields made the export read 4 GB.
 */
export default `
ALTER TABLE line_variance ADD COLUMN ndc11 TEXT NOT NULL DEFAULT '';
ALTER TABLE line_variance ADD COLUMN units INTEGER NOT NULL DEFAULT 0;
ALTER TABLE line_variance ADD COLUMN billed_cents INTEGER NOT NULL DEFAULT 0;
ALTER TABLE line_variance ADD COLUMN acquisition_cost_cents INTEGER;
ALTER TABLE line_variance ADD COLUMN claim_number TEXT NOT NULL DEFAULT '';
ALTER TABLE line_variance ADD COLUMN patient_id INTEGER NOT NULL DEFAULT 0;

UPDATE line_variance AS v SET
  ndc11 = (SELECT a.ndc11 FROM administrations a WHERE a.id = v.administration_id),
  claim_number = (SELECT a.claim_number FROM administrations a WHERE a.id = v.administration_id),
  patient_id = (SELECT a.patient_id FROM administrations a WHERE a.id = v.administration_id),
  units = coalesce((SELECT CAST(l.value ->> '$.units' AS INTEGER)
             FROM administrations a, json_each(a.estimate_json, '$.estimate.lines') l
            WHERE a.id = v.administration_id AND l.value ->> '$.kind' = v.line_kind), 0),
  billed_cents = coalesce((SELECT CAST(replace(l.value ->> '$.billedCharge', '.', '') AS INTEGER)
             FROM administrations a, json_each(a.estimate_json, '$.estimate.lines') l
            WHERE a.id = v.administration_id AND l.value ->> '$.kind' = v.line_kind), 0),
  acquisition_cost_cents = (SELECT CAST(replace(l.value ->> '$.acquisitionCost', '.', '') AS INTEGER)
             FROM administrations a, json_each(a.estimate_json, '$.estimate.lines') l
            WHERE a.id = v.administration_id AND l.value ->> '$.kind' = v.line_kind);

CREATE TRIGGER line_variance_follows_administration AFTER UPDATE OF claim_number, patient_id ON administrations
BEGIN
  UPDATE line_variance SET claim_number = NEW.claim_number, patient_id = NEW.patient_id
   WHERE administration_id = NEW.id;
END;

-- Aging walks the unpaid lines oldest billing first.
CREATE INDEX line_variance_by_status_billed ON line_variance (status, billed_at, administration_id);
-- The report's own order, line kind last, so listing or exporting it needs no sort of its own.
DROP INDEX line_variance_by_date;
CREATE INDEX line_variance_by_date ON line_variance (date_of_service DESC, administration_id DESC, line_kind);
-- One payer's underpaid (or denied…) lines: without it the payer's index reads all its lines.
CREATE INDEX line_variance_by_payer_status ON line_variance (payer_id, status, date_of_service DESC, administration_id DESC);
`;
