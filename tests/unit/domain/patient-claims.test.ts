/** A patient's claims from their administrations (claimsOf): grouping, totals to the cent, unknowns. */
import { describe, expect, it } from 'vitest';
import { claimsOf, type PatientAdministration } from '../../../shared/domain/patient-record';

let nextId = 1;
const administration = (changes: Partial<PatientAdministration>): PatientAdministration => ({
  id: nextId++,
  dateOfService: '2025-02-10',
  payerId: 1,
  payerName: 'Medicare Part B',
  drugName: 'Examplemab',
  ndc11: '50242004062',
  lotNumber: 'EX-1',
  hcpcs: 'J3490',
  claimNumber: 'CLM-1',
  billedCharge: '100.00',
  expected: '90.00',
  expectedPayer: '72.00',
  expectedPatient: '18.00',
  paid: null,
  status: 'billed',
  estimateStale: false,
  ready: true,
  missing: [],
  ...changes,
});

describe('claimsOf', () => {
  it('one claim per claim number and payer; administrations without a claim number are no claim', () => {
    const claims = claimsOf([
      administration({ claimNumber: 'CLM-1', payerId: 1 }),
      administration({ claimNumber: 'CLM-1', payerId: 2, payerName: 'Aetna' }),
      administration({ claimNumber: '' }),
      administration({ claimNumber: 'CLM-1', payerId: 1 }),
    ]);
    expect(claims.map((c) => [c.claimNumber, c.payerName, c.administrationIds.length])).toEqual([
      ['CLM-1', 'Medicare Part B', 2],
      ['CLM-1', 'Aetna', 1],
    ]);
  });

  it('adds billed, expected and its parts and paid exactly, across float traps', () => {
    const [claim] = claimsOf([
      administration({ billedCharge: '0.10', expected: '0.10', expectedPayer: '0.07', expectedPatient: '0.03' }),
      administration({ billedCharge: '0.20', expected: '0.20', expectedPayer: '0.16', expectedPatient: '0.04' }),
      administration({ paid: '0.07' }),
      administration({ paid: '0.01' }),
    ]);
    expect(claim).toMatchObject({
      billed: '200.30',
      expected: '180.30',
      expectedPayer: '144.23',
      expectedPatient: '36.07',
      paid: '0.08',
    });
  });

  it('leaves expected unknown when one administration has no estimate, and paid unknown before any payment', () => {
    const [claim] = claimsOf([
      administration({}),
      administration({ expected: null, expectedPayer: null, expectedPatient: null }),
    ]);
    expect(claim).toMatchObject({ expected: null, expectedPayer: null, expectedPatient: null, paid: null });
  });

  it('spans the claim’s dates of service, lists its statuses in the order a claim moves, newest claim first', () => {
    const claims = claimsOf([
      administration({ claimNumber: 'A', dateOfService: '2025-03-05', status: 'denied' }),
      administration({ claimNumber: 'A', dateOfService: '2025-03-01', status: 'paid' }),
      administration({ claimNumber: 'A', dateOfService: '2025-03-03', status: 'billed' }),
      administration({ claimNumber: 'B', dateOfService: '2025-04-01', status: 'ready' }),
    ]);
    expect(claims.map((c) => [c.claimNumber, c.firstDateOfService, c.lastDateOfService, c.statuses])).toEqual([
      ['B', '2025-04-01', '2025-04-01', ['ready']],
      ['A', '2025-03-01', '2025-03-05', ['billed', 'paid', 'denied']],
    ]);
  });
});
