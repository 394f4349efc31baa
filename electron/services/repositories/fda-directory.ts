/**
 * The newest FDA NDC directory (issue 13 item 5): products and their packages as the FDA keeps
 * them, replaced whole by each import, and the two look-ups the app makes (by the 11-digit NDC, and
 * by the ten digits a person typed without hyphens).
 *
 * Speed: a directory is ≈ 250,000 packages of ≈ 130,000 products, imported in one transaction. The
 * reader gives packages joined with their product; products are written once each (found again by
 * their fields), packages in NDC order (each lands at the end of the b-tree instead of splitting
 * pages in the middle), 50 rows per statement, and the 10-digit index is built once at the end.
 */
import type { Db } from '../db/open';
import type { FdaPackageRow } from '../reference/reference-rows';

export type FdaPackage = Omit<FdaPackageRow, 'excluded' | 'sample'> & {
  ndc10: string;
  excluded: boolean;
  sample: boolean;
};

const BATCH = 50;
const PRODUCT_FIELDS = 10;
const PACKAGE_FIELDS = 9;

const COLUMNS = `k.ndc11, k.ndc10, k.package_code AS packageCode, p.product_ndc AS productNdc,
  k.package_description AS packageDescription, p.proprietary_name AS proprietaryName,
  p.nonproprietary_name AS nonproprietaryName, p.dosage_form AS dosageForm, p.route, p.labeler_name AS labelerName,
  p.strength, p.pharm_classes AS pharmClasses, p.product_type AS productType, p.marketing_category AS marketingCategory,
  k.start_marketing AS startMarketing, k.end_marketing AS endMarketing, k.excluded, k.sample
  FROM reference_fda_packages k JOIN reference_fda_products p ON p.id = k.product_id`;

const values = (fields: number, rows: number): string =>
  Array.from({ length: rows }, () => `(${Array.from({ length: fields }, () => '?').join(', ')})`).join(', ');

/** The rows' indexes in NDC order: an 11-digit NDC is exact as a double, and numbers sort fast. */
function inNdcOrder(rows: readonly FdaPackageRow[]): Uint32Array {
  const keys = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) keys[i] = Number((rows[i] as FdaPackageRow).ndc11);
  const order = new Uint32Array(rows.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => (keys[a] as number) - (keys[b] as number));
}

const sameProduct = (a: FdaPackageRow, b: FdaPackageRow): boolean =>
  a.proprietaryName === b.proprietaryName &&
  a.nonproprietaryName === b.nonproprietaryName &&
  a.dosageForm === b.dosageForm &&
  a.route === b.route &&
  a.labelerName === b.labelerName &&
  a.strength === b.strength &&
  a.pharmClasses === b.pharmClasses &&
  a.productType === b.productType &&
  a.marketingCategory === b.marketingCategory;

export function fdaDirectory(db: Db) {
  const productSql = (n: number) =>
    `INSERT INTO reference_fda_products (id, product_ndc, proprietary_name, nonproprietary_name, dosage_form, route,
       labeler_name, strength, pharm_classes, product_type, marketing_category) VALUES ${values(PRODUCT_FIELDS + 1, n)}`;
  const packageSql = (n: number) =>
    `INSERT OR REPLACE INTO reference_fda_packages (ndc11, ndc10, package_code, product_id, package_description,
       start_marketing, end_marketing, excluded, sample) VALUES ${values(PACKAGE_FIELDS, n)}`;
  const products = { batch: db.prepare(productSql(BATCH)), one: db.prepare(productSql(1)) };
  const packages = { batch: db.prepare(packageSql(BATCH)), one: db.prepare(packageSql(1)) };
  const clearPackages = db.prepare(`DELETE FROM reference_fda_packages`);
  const clearProducts = db.prepare(`DELETE FROM reference_fda_products`);
  const one = db.prepare(`SELECT ${COLUMNS} WHERE k.ndc11 = ?`);
  const ofTen = db.prepare(`SELECT ${COLUMNS} WHERE k.ndc10 = ? ORDER BY k.ndc11`);

  /** Rows in batches of BATCH through `st.batch`, the rest one by one. */
  function insertAll<T>(st: typeof products, rows: readonly T[], push: (params: unknown[], row: T) => void): void {
    const params: unknown[] = [];
    const whole = rows.length - (rows.length % BATCH);
    for (let i = 0; i < whole; i += BATCH) {
      params.length = 0;
      for (let j = i; j < i + BATCH; j++) push(params, rows[j] as T);
      st.batch.run(params);
    }
    for (let i = whole; i < rows.length; i++) {
      params.length = 0;
      push(params, rows[i] as T);
      st.one.run(params);
    }
  }

  const toPackage = (
    r: (Omit<FdaPackage, 'excluded' | 'sample'> & { excluded: number; sample: number }) | undefined,
  ) => (r ? { ...r, excluded: r.excluded === 1, sample: r.sample === 1 } : null);

  return {
    /** Replaces the directory on file with these packages (call inside the import's transaction). */
    replace(rows: readonly FdaPackageRow[]): void {
      clearPackages.run();
      clearProducts.run();
      // Products found again by their NDC, then by their fields (the packages of one product
      // carry the very same strings, so the comparisons are quick).
      const productIds = new Map<string, { row: FdaPackageRow; id: number }[]>();
      const newProducts: FdaPackageRow[] = [];
      const order = inNdcOrder(rows);
      const productOf = new Uint32Array(rows.length);
      for (let i = 0; i < order.length; i++) {
        const r = rows[order[i] as number] as FdaPackageRow;
        let known = productIds.get(r.productNdc);
        if (known === undefined) productIds.set(r.productNdc, (known = []));
        let id = known.find((k) => sameProduct(k.row, r))?.id;
        if (id === undefined) {
          id = newProducts.length + 1;
          known.push({ row: r, id });
          newProducts.push(r);
        }
        productOf[i] = id;
      }
      let productId = 0;
      insertAll(products, newProducts, (p, r) => {
        p.push(
          ++productId,
          r.productNdc,
          r.proprietaryName,
          r.nonproprietaryName,
          r.dosageForm,
          r.route,
          r.labelerName,
          r.strength,
          r.pharmClasses,
          r.productType,
          r.marketingCategory,
        );
      });
      db.exec(`DROP INDEX IF EXISTS reference_fda_by_ndc10`);
      let at = 0;
      insertAll(
        packages,
        Array.from(order, (i) => rows[i] as FdaPackageRow),
        (p, r) => {
          p.push(
            r.ndc11,
            r.packageCode.replace(/-/g, ''),
            r.packageCode,
            productOf[at++],
            r.packageDescription,
            r.startMarketing,
            r.endMarketing,
            r.excluded ? 1 : 0,
            r.sample ? 1 : 0,
          );
        },
      );
      db.exec(`CREATE INDEX reference_fda_by_ndc10 ON reference_fda_packages (ndc10)`);
    },
    byNdc11: (ndc11: string): FdaPackage | null => toPackage(one.get(ndc11) as never),
    byNdc10: (ndc10: string): FdaPackage[] => (ofTen.all(ndc10) as never[]).map((r) => toPackage(r) as FdaPackage),
  };
}
