/**
 * The catalog and duplicate checks of a price import, by number rather than by string: each
 * (NDC, price type, effective date) a row claims becomes one integer, so a 50,000-row file is
 * checked without building and hashing an "ndc|type|date" string per row. Drugs are numbered by
 * their place in the catalog, dates in the order they are first met (stored prices, then the
 * file). One instance serves one preview.
 */
export type StoredPrice = readonly [ndc11: string, priceType: string, effectiveFrom: string];

export class PriceKeys {
  private readonly drugs = new Map<string, number>();
  private readonly dates = new Map<string, number>();
  private readonly stored = new Set<number>();
  private readonly seen = new Set<number>();

  constructor(catalog: readonly string[], storedPrices: readonly StoredPrice[]) {
    for (const ndc11 of catalog) this.drugs.set(ndc11, this.drugs.size);
    // A stored price always names a catalog drug (foreign key), so none is skipped here.
    for (const [ndc11, type, date] of storedPrices) {
      const drug = this.drugs.get(ndc11);
      if (drug !== undefined) this.stored.add(this.key(drug, type, date));
    }
  }

  /** The drug's number, or -1 when the NDC is not in the catalog. */
  drug(ndc11: string): number {
    return this.drugs.get(ndc11) ?? -1;
  }

  /** Distinct for every (drug, AWP or WAC, date); exact while below 2^53, i.e. always. */
  key(drug: number, type: string, date: string): number {
    let d = this.dates.get(date);
    if (d === undefined) {
      d = this.dates.size;
      this.dates.set(date, d);
    }
    return (d * 2 + (type === 'AWP' ? 0 : 1)) * this.drugs.size + drug;
  }

  isStored(key: number): boolean {
    return this.stored.has(key);
  }

  /** Stored already, or taken by an earlier row of this file. */
  isTaken(key: number): boolean {
    return this.stored.has(key) || this.seen.has(key);
  }

  take(key: number): void {
    this.seen.add(key);
  }
}
