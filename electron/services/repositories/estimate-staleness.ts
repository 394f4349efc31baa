/**
 * Which open estimates a change makes out of date. An administration's estimate is computed from
 * the prices, contract and payer terms on file when it was saved; when those change, the open
 * ones (draft, ready) it may touch are flagged `estimate_stale` in the same transaction as the
 * change, and stay as they were until someone recomputes them (one action does them all). Billed
 * ones are never flagged: they keep what was expected when the claim went out.
 *
 * The scope is what the resolver reads: AWP/WAC by NDC, a lot's invoice cost by the lot, contracts and fee schedules and terms by
 * payer, CMS payment limits (keyed by HCPCS, or by drug name for NOC drugs) for every open one.
 * A flag says "look again", not "it changed": recomputing may give the same figures.
 */
import type { Db } from '../db/open';

const OPEN = `status IN ('draft', 'ready') AND estimate_stale = 0`;

export function estimateStaleness(db: Db) {
  const byNdcs = db.prepare(
    `UPDATE administrations SET estimate_stale = 1 WHERE ${OPEN} AND ndc11 IN (SELECT value FROM json_each(?))`,
  );
  const byPayer = db.prepare(`UPDATE administrations SET estimate_stale = 1 WHERE ${OPEN} AND payer_id = ?`);
  const byPriceImport = db.prepare(
    `UPDATE administrations SET estimate_stale = 1
      WHERE ${OPEN} AND ndc11 IN (SELECT ndc11 FROM drug_prices WHERE import_id = ?)`,
  );
  const byLots = db.prepare(
    `UPDATE administrations SET estimate_stale = 1 WHERE ${OPEN} AND invoice_line_id IN (SELECT value FROM json_each(?))`,
  );
  const all = db.prepare(`UPDATE administrations SET estimate_stale = 1 WHERE ${OPEN}`);
  return {
    /** AWP or WAC of these NDCs changed. */
    ndcs: (ndc11s: readonly string[]): number => byNdcs.run(JSON.stringify(ndc11s)).changes,
    /** A contract, fee schedule or term of this payer changed. */
    payer: (payerId: number): number => byPayer.run(payerId).changes,
    /** The AWP/WAC rows of a price import were written. */
    priceImport: (importId: number): number => byPriceImport.run(importId).changes,
    /** The cost of these lots (invoice lines) was corrected: the estimates drawn from them used it. */
    lots: (invoiceLineIds: readonly number[]): number => byLots.run(JSON.stringify(invoiceLineIds)).changes,
    /** CMS payment limits changed: any open estimate on an ASP basis may read them. */
    all: (): number => all.run().changes,
  };
}
