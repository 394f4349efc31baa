/**
 * The catalog and duplicate checks of a price import. At 50,000 rows, hashing one
 * "ndc|type|date" string per row into a Set, and the string-keyed Map of the catalog, cost more
 * than all the cell checks together (each lookup chases several of V8's hash-table entries and
 * key strings through memory), so both are done with numbers and typed arrays instead:
 * - an NDC's 11 digits are a number below 10^11, exact in a double; the catalog is an
 *   open-addressing table of those numbers that gives each drug an index 0…n-1 (NdcTable);
 * - a price's (type, effective date) is a small code, dates numbered as they are first met;
 * - what each drug already has, stored or taken earlier in the file, is kept per drug (Claims).
 * One instance serves one preview.
 */
export type StoredPrice = readonly [ndc: number, priceType: string, effectiveFrom: string];

export class PriceKeys {
  private readonly catalog: NdcTable;
  private readonly dates = new Map<string, number>();
  private readonly stored: Claims;
  private readonly seen: Claims;

  /** `catalog`: every drug's NDC as a number; `storedPrices`: every stored price. */
  constructor(catalog: ArrayLike<number>, storedPrices: readonly StoredPrice[]) {
    this.catalog = new NdcTable(catalog);
    this.stored = new Claims(catalog.length);
    this.seen = new Claims(catalog.length);
    // A stored price always names a catalog drug (foreign key), so none is skipped here.
    for (const [ndc, type, date] of storedPrices) {
      const drug = this.catalog.get(ndc);
      if (drug >= 0) this.stored.add(drug, this.code(type, date));
    }
  }

  /** The drug's index, or -1 when the NDC (11 digits, as readNdc returns it) is not in the catalog. */
  drug(ndc11: string): number {
    let ndc = 0;
    for (let i = 0; i < ndc11.length; i++) ndc = ndc * 10 + (ndc11.charCodeAt(i) - 48);
    return this.catalog.get(ndc);
  }

  /** A number for (AWP or WAC, effective date). */
  code(type: string, date: string): number {
    let d = this.dates.get(date);
    if (d === undefined) {
      d = this.dates.size;
      this.dates.set(date, d);
    }
    return d * 2 + (type === 'AWP' ? 0 : 1);
  }

  isStored(drug: number, code: number): boolean {
    return this.stored.has(drug, code);
  }

  /** Stored already, or taken by an earlier row of this file. */
  isTaken(drug: number, code: number): boolean {
    return this.stored.has(drug, code) || this.seen.has(drug, code);
  }

  take(drug: number, code: number): void {
    this.seen.add(drug, code);
  }
}

/** NDC number → drug index: open addressing, linear probing, at most half full. */
class NdcTable {
  private readonly ndcs: Float64Array;
  private readonly drugs: Int32Array;
  private readonly shift: number;

  constructor(catalog: ArrayLike<number>) {
    let bits = 4;
    while (1 << bits < catalog.length * 2) bits++;
    this.shift = 32 - bits;
    this.ndcs = new Float64Array(1 << bits).fill(-1);
    this.drugs = new Int32Array(1 << bits);
    for (let drug = 0; drug < catalog.length; drug++) {
      const ndc = catalog[drug] as number;
      const slot = this.find(ndc);
      this.ndcs[slot] = ndc;
      this.drugs[slot] = drug;
    }
  }

  get(ndc: number): number {
    const slot = this.find(ndc);
    return this.ndcs[slot] === ndc ? (this.drugs[slot] as number) : -1;
  }

  /** The slot holding `ndc`, or the empty one where it would go. */
  private find(ndc: number): number {
    const mask = this.ndcs.length - 1;
    // Fibonacci hashing of the number's low and high 32 bits.
    const mixed = ((ndc % 0x100000000) | 0) ^ Math.imul((ndc / 0x100000000) | 0, 0x85ebca6b);
    let slot = Math.imul(mixed, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const there = this.ndcs[slot];
      if (there === ndc || there === -1) return slot;
      slot = (slot + 1) & mask;
    }
  }
}

/**
 * Which price codes each drug has. Nearly every file gives a drug at most two (AWP and WAC from
 * one date), so two per drug sit in typed arrays; any further ones go to a Set.
 */
class Claims {
  private readonly first: Int32Array;
  private readonly second: Int32Array;
  private readonly more = new Set<number>();

  constructor(private readonly drugs: number) {
    this.first = new Int32Array(drugs);
    this.second = new Int32Array(drugs);
  }

  has(drug: number, code: number): boolean {
    // Codes are stored plus one, so that 0 means "none".
    const c = code + 1;
    if (this.first[drug] === c || this.second[drug] === c) return true;
    return this.more.size > 0 && this.more.has(code * this.drugs + drug);
  }

  /** Adds a code the drug does not have yet. */
  add(drug: number, code: number): void {
    const c = code + 1;
    if (this.first[drug] === 0) this.first[drug] = c;
    else if (this.second[drug] === 0) this.second[drug] = c;
    else this.more.add(code * this.drugs + drug);
  }
}
