// A large import is written in chunks of several hundred rows inside one transaction. A conflict
// that appears between preview and commit (a price stored meanwhile, a drug deleted) must still
// name the exact file line, and leave nothing written.
import { afterEach, describe, expect, it } from 'vitest';
import { b64 } from '../fixtures/imports/build';
import { openHarness, type Harness } from '../fixtures/imports/harness';

const ROWS = 1500;
const ndcOf = (i: number): string => `${String(20000 + Math.floor(i / 1000))}${String(i % 1000).padStart(4, '0')}01`;
const priceFile = () => {
  const lines = ['NDC,Price Type,Price,Effective Date'];
  for (let i = 0; i < ROWS; i++) lines.push(`${ndcOf(i)},AWP,${i + 1}.50,2025-01-01`);
  return { kind: 'prices' as const, fileName: 'big.csv', contentBase64: b64(lines.join('\n')) };
};

let h: Harness | undefined;
afterEach(() => h?.close());

async function previewed(): Promise<{ h: Harness; stagedId: string }> {
  h = openHarness();
  h.addDrugs(Array.from({ length: ROWS }, (_, i) => ndcOf(i)));
  const p = await h.preview(priceFile());
  expect(p.validRows).toBe(ROWS);
  return { h, stagedId: p.stagedId };
}

describe('chunked commit', () => {
  it('a price stored after the preview: IMPORT_CONFLICT naming line 702, nothing written', async () => {
    const { h, stagedId } = await previewed();
    h.db
      .prepare(
        `INSERT INTO drug_prices (ndc11, price_type, price_per_package, effective_from, created_at) VALUES (?, 'AWP', '9.99', '2025-01-01', 'now')`,
      )
      .run(ndcOf(700));
    const err = await h.refusal('imports:commit', { stagedId });
    expect(err.code).toBe('IMPORT_CONFLICT');
    expect(err.message).toMatch(/^Line 702: /);
    expect(h.count('drug_prices')).toBe(1);
    expect(h.count('imports')).toBe(0);
  });

  it.each([3, 1200, 1499])(
    'a drug deleted after the preview (record %i): the line is named, nothing written',
    async (victim) => {
      const { h, stagedId } = await previewed();
      h.db.prepare(`DELETE FROM drugs WHERE ndc11 = ?`).run(ndcOf(victim));
      const err = await h.refusal('imports:commit', { stagedId });
      expect(err.code).toBe('IMPORT_CONFLICT');
      expect(err.message.startsWith(`Line ${victim + 2}: `)).toBe(true);
      expect(h.count('drug_prices')).toBe(0);
      expect(h.count('imports')).toBe(0);
    },
  );

  it('without conflicts all 1,500 rows are stored in file order with their import id', async () => {
    const { h, stagedId } = await previewed();
    const report = await h.commit(stagedId);
    const rows = h.db
      .prepare('SELECT ndc11, price_per_package AS price, import_id AS importId FROM drug_prices ORDER BY id')
      .all() as { ndc11: string; price: string; importId: number }[];
    expect(rows).toHaveLength(ROWS);
    rows.forEach((r, i) => expect(r).toEqual({ ndc11: ndcOf(i), price: `${i + 1}.50`, importId: report.importId }));
  });
});
