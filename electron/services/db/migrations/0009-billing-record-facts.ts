/**
 * What a billing review found missing from the records (issue 11):
 * - `administrations.estimate_stale`: prices, contracts or payer terms changed after an open
 *   administration's estimate was computed; it stays as it was until someone recomputes it (one
 *   action recomputes them all), and a billed one keeps its snapshot forever.
 * - `administrations.technique` and its infusion times, and the providers' names beside their NPIs:
 *   what a payer reviewer looks for on the cost attachment.
 * - `drugs.ndc_printed`: the NDC as printed on the package (its 10-digit form); the 11-digit form
 *   alone cannot say which of 4-4-2, 5-3-2 or 5-4-1 it was. Empty for drugs added before.
 * - `generated_documents.content_sha256`: the hash of what a document says (not its ID or time),
 *   so a batch makes no new version of an attachment whose content did not change.
 */
export default `
ALTER TABLE administrations ADD COLUMN estimate_stale INTEGER NOT NULL DEFAULT 0 CHECK (estimate_stale IN (0, 1));
ALTER TABLE administrations ADD COLUMN technique TEXT NOT NULL DEFAULT ''
  CHECK (technique IN ('', 'iv-push', 'iv-infusion', 'injection', 'other'));
ALTER TABLE administrations ADD COLUMN infusion_start TEXT NOT NULL DEFAULT '';
ALTER TABLE administrations ADD COLUMN infusion_stop TEXT NOT NULL DEFAULT '';
ALTER TABLE administrations ADD COLUMN infusion_minutes TEXT NOT NULL DEFAULT '';
ALTER TABLE administrations ADD COLUMN ordering_provider_name TEXT NOT NULL DEFAULT '';
ALTER TABLE administrations ADD COLUMN rendering_provider_name TEXT NOT NULL DEFAULT '';
CREATE INDEX administrations_stale ON administrations (id) WHERE estimate_stale = 1;
ALTER TABLE drugs ADD COLUMN ndc_printed TEXT NOT NULL DEFAULT '';
ALTER TABLE generated_documents ADD COLUMN content_sha256 TEXT;
`;
