/**
 * Estimates follow their inputs (issue 11, item 8): a change to prices, contracts or payer terms
 * flags the open administrations it may touch as out of date; one action recomputes them all; a
 * claim is recomputed before it becomes ready or billed; a billed one keeps its snapshot.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Administration, AdministrationSummary } from '../../shared/domain/administration';
import { payerInputSchema, type Payer } from '../../shared/domain/payer';
import { administrationInput, EXAMPLEMAB, seedPractice, type Seeded } from '../fixtures/claim-seed';
import { serviceHarness } from './service-harness';

const { value, version: storedVersion } = serviceHarness();

let s: Seeded;
beforeEach(async () => {
  s = await seedPractice(value);
});

const create = (patient = 0, changes = {}) =>
  value<Administration>(
    'administrations:create',
    administrationInput(s, s.patients[patient] ?? s.patients[0]!, changes),
  );
const get = (id: number) => value<Administration>('administrations:get', { id });
const outOfDate = () =>
  value<{ rows: AdministrationSummary[]; total: number }>('administrations:list', { outOfDate: true });
const newAwp = (pricePerPackage: string) =>
  value('prices:create', { ndc: EXAMPLEMAB.ndc, priceType: 'AWP', pricePerPackage, effectiveFrom: '2025-02-01' });

describe('out-of-date estimates', () => {
  it('a new AWP flags the open administrations of that NDC, not a billed one; recompute all brings them up to date', async () => {
    const open = await create(0);
    const billed = await create(1, { claimNumber: 'CLM-1' });
    await value('administrations:setStatus', { id: billed.id, status: 'ready' });
    await value('administrations:setStatus', { id: billed.id, status: 'billed' });
    const billedEstimate = (await get(billed.id)).estimate;
    const multi = await create(2, { invoiceLineId: s.multiLot, dose: { amount: '40', unit: 'mg' }, wastedAmount: '0' });
    const allowedBefore = open.estimate?.totals.allowed;

    await newAwp('240.00');

    expect((await get(open.id)).estimateStale).toBe(true);
    expect((await get(billed.id)).estimateStale).toBe(false);
    expect((await get(multi.id)).estimateStale).toBe(false);
    // The snapshot stays as it was until someone recomputes it.
    expect((await get(open.id)).estimate?.totals.allowed).toBe(allowedBefore);
    const listed = await outOfDate();
    expect([listed.total, listed.rows.map((r) => [r.id, r.estimateStale])]).toEqual([1, [[open.id, true]]]);

    expect(await value('administrations:recomputeStale', {})).toEqual({ recomputed: 1, changed: 1 });
    const after = await get(open.id);
    expect(after.estimateStale).toBe(false);
    expect(after.estimate?.totals.allowed).not.toBe(allowedBefore);
    expect((await outOfDate()).total).toBe(0);
    expect((await get(billed.id)).estimate).toEqual(billedEstimate);
  });

  it('a change to the payer’s terms flags that payer’s open administrations; recomputing may change nothing', async () => {
    const a = await create(0);
    const { payer } = await value<{ payer: Payer }>('payers:get', { id: s.medicare.id });
    await value('payers:update', {
      ...payerInputSchema.parse(payer),
      payerCode: 'MAC-J15',
      id: payer.id,
      version: storedVersion('payers', payer.id),
    });
    expect((await get(a.id)).estimateStale).toBe(true);
    expect(await value('administrations:recomputeStale', {})).toEqual({ recomputed: 1, changed: 0 });
    expect((await get(a.id)).estimateStale).toBe(false);
  });

  it('becoming ready recomputes an out-of-date estimate first, so the claim goes out with today’s figures', async () => {
    const a = await create(0);
    await newAwp('240.00');
    const ready = await value<Administration>('administrations:setStatus', { id: a.id, status: 'ready' });
    expect(ready.estimateStale).toBe(false);
    expect(ready.estimate?.trace.join('\n')).toContain('AWP $240.00');
  });
});
