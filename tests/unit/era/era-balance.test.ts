/**
 * The three balancing rules (domain.md §7): line SVC02 − SVC03 = Σ line CAS; claim CLP03 − CLP04
 * = Σ claim CAS + Σ line CAS; transaction BPR02 = Σ CLP04 − Σ PLB. Out-of-balance items are
 * flagged, listed and reported, never corrected.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codes, firstClaim, read, readFixture, st835 } from './era-test-helpers';
import { generate835 } from '../../fixtures/era/generate-835';

describe('out-of-balance lines, claims and transactions are flagged and listed, not fixed', () => {
  it('flags the line, the claims and the transaction of the out-of-balance fixture, with the differences', () => {
    const reading = readFixture('out-of-balance.835');
    const txn = reading.transactions[0];
    const [lineOff, claimOff] = txn?.claims ?? [];
    expect(lineOff).toMatchObject({
      balanced: false,
      charge: '300.00',
      paid: '200.00',
      balance: { chargeMinusPaid: '100.00', claimAdjustments: '0.00', lineAdjustments: '90.00', difference: '10.00' },
      lines: [{ balanced: false, balance: { chargeMinusPaid: '100.00', adjustments: '90.00', difference: '10.00' } }],
    });
    expect(claimOff).toMatchObject({
      balanced: false,
      balance: { claimAdjustments: '50.00', lineAdjustments: '40.00', difference: '10.00' },
      lines: [{ balanced: false, balance: { difference: '60.00' } }],
    });
    expect(txn).toMatchObject({
      balanced: false,
      balance: { payment: '490.00', claimsPaid: '500.00', providerAdjustments: '0.00', difference: '10.00' },
    });
    expect(reading.outOfBalance).toEqual([
      { level: 'line', segment: 19, transactionIndex: 0, patientControlNumber: 'PCN-LINE', difference: '10.00' },
      { level: 'claim', segment: 17, transactionIndex: 0, patientControlNumber: 'PCN-LINE', difference: '10.00' },
      { level: 'line', segment: 25, transactionIndex: 0, patientControlNumber: 'PCN-CLAIM', difference: '60.00' },
      { level: 'claim', segment: 22, transactionIndex: 0, patientControlNumber: 'PCN-CLAIM', difference: '10.00' },
      { level: 'transaction', segment: 3, transactionIndex: 0, patientControlNumber: null, difference: '10.00' },
    ]);
    expect(reading.summary).toEqual({ claims: 2, lines: 2, outOfBalance: 5, totalPaid: '500.00' });
    expect(reading.warnings.map((w) => [w.code, w.segment])).toEqual([
      ['TRANSACTION_OUT_OF_BALANCE', 3],
      ['CLAIM_OUT_OF_BALANCE', 17],
      ['LINE_OUT_OF_BALANCE', 19],
      ['CLAIM_OUT_OF_BALANCE', 22],
      ['LINE_OUT_OF_BALANCE', 25],
    ]);
    expect(reading.warnings.map((w) => w.message)).toEqual([
      'Payment EFT0000999 does not balance: it is 490.00, but its claims paid 500.00 minus provider adjustments of 0.00 is 500.00 (a difference of 10.00).',
      'Claim PCN-LINE does not balance: charge 300.00 minus paid 200.00 is 100.00, but its adjustments (claim 0.00, lines 90.00) add up to 90.00 (a difference of 10.00).',
      "Claim PCN-LINE, line 1 (J3490) does not balance: charge 300.00 minus paid 200.00 is 100.00, but the line's adjustments add up to 90.00 (a difference of 10.00).",
      'Claim PCN-CLAIM does not balance: charge 400.00 minus paid 300.00 is 100.00, but its adjustments (claim 50.00, lines 40.00) add up to 90.00 (a difference of 10.00).',
      "Claim PCN-CLAIM, line 1 (J3490) does not balance: charge 400.00 minus paid 300.00 is 100.00, but the line's adjustments add up to 40.00 (a difference of 60.00).",
    ]);
  });

  it('a negative difference is reported as its size, and the amounts stay as the payer wrote them', () => {
    const reading = read(st835(['BPR*I*10*C*ACH', 'CLP*PCN1*1*10*10*0*MB', 'CAS*CO*45*3']));
    const claim = firstClaim(reading);
    expect(claim).toMatchObject({ charge: '10.00', paid: '10.00', balance: { difference: '-3.00' } });
    expect(reading.warnings[0]?.message).toContain('(a difference of 3.00)');
  });

  it('mentions interest (AMT*I) when a claim that carries it does not balance', () => {
    const reading = read(st835(['BPR*I*102*C*ACH', 'CLP*PCN1*1*100*102*0*MB', 'AMT*I*2']));
    expect(codes(reading.warnings)).toEqual(['CLAIM_OUT_OF_BALANCE']);
    expect(reading.warnings[0]?.message).toContain(
      'The payer reports interest of 2.00 on it (AMT*I), which may explain part of it.',
    );
  });
});

/** An amount in cents written as payers do: "1500", "22.2", "997.25", "-5". */
function x12(cents: number, style: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const dollars = (abs - (abs % 100)) / 100;
  const two = String(abs % 100).padStart(2, '0');
  if (style === 0) return `${sign}${dollars}.${two}`;
  if (abs % 100 === 0) return `${sign}${dollars}`;
  return `${sign}${dollars}.${two.endsWith('0') ? two[0] : two}`;
}

const money = fc.integer({ min: -5_000_000, max: 5_000_000 });
const claimArb = fc.record({
  claimCas: fc.array(money, { maxLength: 3 }),
  lines: fc.array(fc.record({ charge: money, cas: fc.array(money, { maxLength: 4 }) }), { maxLength: 3 }),
  extraCharge: money,
});
const fileArb = fc.record({
  claims: fc.array(claimArb, { minLength: 1, maxLength: 5 }),
  plb: fc.array(money, { maxLength: 3 }),
  style: fc.integer({ min: 0, max: 1 }),
});
type FileSpec = typeof fileArb extends fc.Arbitrary<infer T> ? T : never;

/** A balanced 835 built from the spec, with `nudge` added to one amount ("line", "claim" or "payment"). */
function build(spec: FileSpec, nudge: 'none' | 'line' | 'claim' | 'payment' = 'none'): string {
  const body: string[] = [];
  let totalPaid = 0;
  let nudged = false;
  spec.claims.forEach((c, i) => {
    const lines: string[] = [];
    let lineCas = 0;
    let lineCharges = 0;
    for (const l of c.lines) {
      const cas = l.cas.reduce((a, b) => a + b, 0);
      let paid = l.charge - cas;
      if (nudge === 'line' && !nudged) {
        paid += 1;
        nudged = true;
      }
      lineCas += cas;
      lineCharges += l.charge;
      lines.push(`SVC*HC:J3490*${x12(l.charge, spec.style)}*${x12(paid, spec.style)}**1`);
      for (const a of l.cas) lines.push(`CAS*CO*45*${x12(a, spec.style)}`);
    }
    const charge = lineCharges + c.extraCharge;
    const claimCas = c.claimCas.reduce((a, b) => a + b, 0);
    let paid = charge - claimCas - lineCas;
    totalPaid += paid;
    if (nudge === 'claim' && i === 0) paid += 1;
    body.push(`CLP*PCN${i}*1*${x12(charge, spec.style)}*${x12(paid, spec.style)}**MB`);
    for (const a of c.claimCas) body.push(`CAS*OA*23*${x12(a, spec.style)}`);
    body.push(...lines);
  });
  if (spec.plb.length > 0)
    body.push(`PLB*1234567893*20251231${spec.plb.map((a, i) => `*WO:R${i}*${x12(a, spec.style)}`).join('')}`);
  const payment = totalPaid - spec.plb.reduce((a, b) => a + b, 0) + (nudge === 'payment' ? 1 : 0);
  const negative = payment < 0;
  return st835([`BPR*I*${x12(Math.abs(payment), spec.style)}*${negative ? 'D' : 'C'}*ACH`, ...body]);
}

describe('balancing, property-tested', () => {
  it('files built to balance are read as balanced throughout, with no warning about balance', () => {
    fc.assert(
      fc.property(fileArb, (spec) => {
        const reading = read(build(spec));
        expect(reading.outOfBalance).toEqual([]);
        expect(reading.transactions[0]?.balanced).toBe(true);
        for (const claim of reading.transactions[0]?.claims ?? []) {
          expect(claim.balanced).toBe(true);
          for (const line of claim.lines) expect(line.balanced).toBe(true);
        }
        expect(codes(reading.warnings).filter((c) => c.endsWith('OUT_OF_BALANCE'))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('one cent off on a line paid flags that line only; on CLP04 the claim and the transaction; on BPR02 the transaction', () => {
    fc.assert(
      fc.property(fileArb, (spec) => {
        const levels = (nudge: 'line' | 'claim' | 'payment') =>
          read(build(spec, nudge)).outOfBalance.map((i) => [i.level, i.difference]);
        const hasLine = spec.claims.some((c) => c.lines.length > 0);
        expect(levels('line')).toEqual(hasLine ? [['line', '-0.01']] : []);
        expect(levels('claim')).toEqual([
          ['claim', '-0.01'],
          ['transaction', '0.01'],
        ]);
        const paymentOff = read(build(spec, 'payment')).outOfBalance;
        expect(paymentOff.map((i) => i.level)).toEqual(['transaction']);
        expect(['0.01', '-0.01']).toContain(paymentOff[0]?.difference);
      }),
      { numRuns: 300 },
    );
  });

  it('the generated bench file balances and totals what the generator paid', () => {
    const file = generate835({ claims: 300, providerAdjustmentCents: 2_500 });
    const reading = read(file.text);
    expect(reading.summary).toEqual({ claims: 300, lines: file.lines, outOfBalance: 0, totalPaid: file.totalPaid });
    expect(reading.warnings).toEqual([]);
    expect(reading.transactions[0]?.payment.amount).toBe(file.payment);
    expect(reading.transactions[0]?.claims.map((c) => c.patientControlNumber)).toEqual(file.claimNumbers);
    expect(reading.segments).toBe(file.segments);
  });
});
