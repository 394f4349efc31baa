/**
 * Paper EOBs posted by hand, and expected versus paid per claim line (issue 12, items 4 and 5):
 * a billed claim's lines are unpaid until a payment reaches them; a posting paid as the estimate
 * expected is "paid", one allowed below it by more than the tolerance is "underpaid"; corrections
 * and deletions are audited and the variance follows; the administration becomes paid or denied.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Administration } from '../../shared/domain/administration';
import type { LineVarianceView, PaperPostingInput, RemittanceView } from '../../shared/domain/remittance';
import { billedAdministration, estimateLine, seedPractice, type Seeded } from '../fixtures/claim-seed';
import { serviceHarness } from './service-harness';
import { fieldCodes } from './service-calls';

const { value, refusal, auditRows } = serviceHarness();

let s: Seeded;
let billed: Administration;
beforeEach(async () => {
  s = await seedPractice(value);
  billed = await billedAdministration(value, s, s.patients[0]!, { claimNumber: 'CLM-1', dateOfService: '2025-02-20' });
});

type OfAdministration = { lines: LineVarianceView[]; remittances: RemittanceView[] };
const ofAdministration = (id = billed.id) =>
  value<OfAdministration>('payments:ofAdministration', { administrationId: id });
const line = (kind: 'given' | 'wasted') => estimateLine(billed, kind);

/** A paper EOB for the given line, paid exactly as expected unless changed. */
const eob = (changes: Partial<PaperPostingInput> = {}): PaperPostingInput => {
  const l = line('given');
  return {
    administrationId: billed.id,
    lineKind: 'given',
    paymentDate: '2025-03-20',
    allowed: l.allowed,
    paid: l.payerPays!,
    patientResponsibility: l.patientPays!,
    adjustments: [
      { group: 'PR', reason: '2', amount: l.coinsurance! },
      { group: 'CO', reason: '253', amount: l.sequestration! },
    ],
    checkNumber: 'CHK-1001',
    ...changes,
  };
};

describe('expected versus paid on a billed claim', () => {
  it('a billed claim’s lines start unpaid, with what the estimate expected', async () => {
    const { lines } = await ofAdministration();
    expect(lines.map((l) => [l.lineKind, l.status, l.expected.allowed, l.actual.paid])).toEqual([
      ['given', 'unpaid', line('given').allowed, '0.00'],
      ['wasted', 'unpaid', line('wasted').allowed, '0.00'],
    ]);
    expect(lines[0]?.billedAt).toBe('2025-03-01T12:00:00.000Z');
  });

  it('a paper EOB paid as expected makes the line "paid"; both lines paid make the administration paid', async () => {
    await value('payments:post', eob());
    let { lines } = await ofAdministration();
    expect(lines.map((l) => [l.lineKind, l.status])).toEqual([
      ['given', 'paid'],
      ['wasted', 'unpaid'],
    ]);
    expect(lines[0]?.actual).toEqual({
      allowed: line('given').allowed,
      paid: line('given').payerPays,
      patient: line('given').patientPays,
      sequestration: line('given').sequestration,
    });
    const w = line('wasted');
    await value('payments:post', {
      ...eob(),
      lineKind: 'wasted',
      allowed: w.allowed,
      paid: w.payerPays!,
      patientResponsibility: w.patientPays!,
      adjustments: [
        { group: 'PR', reason: '2', amount: w.coinsurance! },
        { group: 'CO', reason: '253', amount: w.sequestration! },
      ],
    });
    ({ lines } = await ofAdministration());
    expect(lines.every((l) => l.status === 'paid')).toBe(true);
    expect((await value<Administration>('administrations:get', { id: billed.id })).status).toBe('paid');
  });

  it('allowed below the contract by more than the tolerance is underpaid by expected − allowed (E7), and a denial is denied', async () => {
    await value(
      'payments:post',
      eob({ allowed: '70.00', paid: '54.88', patientResponsibility: '14.00', adjustments: [] }),
    );
    const [given] = (await ofAdministration()).lines;
    expect(given?.status).toBe('underpaid');
    // Expected allowed: 95% of AWP for 70 mg of a $120.00 / 100 mg vial = $79.80.
    expect([given?.expected.allowed, given?.variance]).toEqual(['79.80', '9.80']);
    await value('payments:post', {
      ...eob(),
      lineKind: 'wasted',
      allowed: '0.00',
      paid: '0.00',
      patientResponsibility: '',
      adjustments: [{ group: 'CO', reason: '16', amount: line('wasted').billedCharge }],
      remarks: ['N350'],
    });
    const { lines } = await ofAdministration();
    expect(lines[1]).toMatchObject({ status: 'denied', reasons: ['Claim denied', 'CO-16', 'N350'] });
    const listed = await value<{ rows: LineVarianceView[] }>('variance:list', { status: 'underpaid' });
    expect(listed.rows.map((r) => [r.administrationId, r.lineKind, r.claimNumber])).toEqual([
      [billed.id, 'given', 'CLM-1'],
    ]);
  });

  it('a correction is audited and the variance follows; a deletion puts the line back to unpaid', async () => {
    const posted = await value<RemittanceView>(
      'payments:post',
      eob({ allowed: '10.00', paid: '10.00', patientResponsibility: '', adjustments: [] }),
    );
    expect((await ofAdministration()).lines[0]?.status).toBe('underpaid');
    await value('payments:correct', { remittanceId: posted.id, posting: eob() });
    expect((await ofAdministration()).lines[0]?.status).toBe('paid');
    expect(auditRows('payment').map((r) => r.action)).toEqual(['create', 'update']);
    await value('payments:delete', { remittanceId: posted.id });
    expect((await ofAdministration()).lines[0]?.status).toBe('unpaid');
  });

  it('refuses PR adjustments that do not add up to the patient responsibility, writing nothing', async () => {
    const error = await refusal('payments:post', eob({ patientResponsibility: '1.00' }));
    expect(fieldCodes(error)).toEqual([{ field: 'patientResponsibility', code: 'PATIENT_RESPONSIBILITY_MISMATCH' }]);
    expect((await ofAdministration()).remittances).toEqual([]);
  });

  it('a new tolerance re-rates every line', async () => {
    await value(
      'payments:post',
      eob({ allowed: '70.00', paid: '56.00', patientResponsibility: '14.00', adjustments: [] }),
    );
    expect((await ofAdministration()).lines[0]?.status).toBe('underpaid');
    expect(await value('settings:setVarianceTolerance', { value: '20' })).toEqual({ varianceTolerance: '20.00' });
    expect((await ofAdministration()).lines[0]?.status).toBe('paid');
    expect((await refusal('settings:setVarianceTolerance', { value: '-1' })).code).toBe('AMOUNT_INVALID');
  });
});
