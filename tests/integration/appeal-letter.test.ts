/**
 * The appeal letter (issue 12, item 6): for a claim line paid below its contract or denied, a
 * letter on the practice's letterhead to the payer with the contract terms, the estimate's own
 * computation of the contracted amount, expected against paid, the payer's codes with their
 * meanings, and what is owed. Read back from the PDF as a payer's system would (pdf.js).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { appealLetters } from '../../electron/services/remittances/appeal-letter';
import type { Administration } from '../../shared/domain/administration';
import type { PaperPostingInput } from '../../shared/domain/remittance';
import { remittance835 } from '../fixtures/era/remittance-835';
import { billedAdministration, estimateLine, seedPractice, type Seeded } from '../fixtures/claim-seed';
import { checkPdf, pdfInfo, pdfPages, pdfText, squash, textBoxes } from '../fixtures/pdf-read';
import { serviceHarness } from './service-harness';

const { value, services, clock } = serviceHarness();

let s: Seeded;
let billed: Administration;
beforeEach(async () => {
  s = await seedPractice(value);
  billed = await billedAdministration(value, s, s.patients[0]!, { claimNumber: 'CLM-1', dateOfService: '2025-02-20' });
});

const letters = () => appealLetters(services().ctx);

/**
 * The given line allowed $70.00 instead of the contract's $79.80 (95% of AWP $120.00 for 0.7 of a
 * vial): 20% coinsurance $14.00, sequestration $1.12, paid $54.88 where $62.56 was due.
 */
const underpaid = (a: Administration = billed): PaperPostingInput => ({
  administrationId: a.id,
  lineKind: 'given',
  paymentDate: '2025-03-20',
  allowed: '70.00',
  paid: '54.88',
  patientResponsibility: '14.00',
  adjustments: [
    { group: 'CO', reason: '45', amount: '30.00' },
    { group: 'PR', reason: '2', amount: '14.00' },
    { group: 'CO', reason: '253', amount: '1.12' },
  ],
  checkNumber: 'CHK-1001',
});

/** The whole text with spaces and line breaks removed, so a wrapped sentence is found whole. */
const flat = async (bytes: Uint8Array): Promise<string> => squash(await pdfText(bytes));

describe('the appeal letter of an underpaid line', () => {
  it('names the payer and claim, states the contract and its computation, and sets expected against paid', async () => {
    await value('payments:post', underpaid());
    const { fileName, bytes } = await letters().letterOf(billed.id);
    expect(fileName).toBe('appeal-CLM-1.pdf');
    await checkPdf(bytes);
    const text = await pdfText(bytes);
    const all = squash(text);
    // Letterhead, date (the practice's today), addressee and subject.
    for (const wanted of [
      'Riverside Oncology Associates',
      'NPI 1234567893',
      'TIN 12-3456789',
      'March 1, 2025',
      'To: Medicare Part B',
      'Re: Request for reconsideration of an underpaid claim',
      'Nguyễn Thị Ánh',
      '1EG4-TE5-MK00',
      'CLM-1',
      'not on the remittance',
      'Examplemab (Brandix)',
      '50242-0040-62',
      'J3490 JW, 1 unit (amount discarded)',
    ]) {
      expect(all).toContain(squash(wanted));
    }
    // The contract in force on the date of service, and the estimate's own steps for the line.
    expect(all).toContain(
      squash('95% of the average wholesale price (AWP) of the NDC, or the billed charge when that is lower'),
    );
    expect(all).toContain(squash('AWP on the date of service: $120.00 per package (in effect from 2024-01-01)'));
    expect(text).toContain('AWP $120.00 per 1 UN package × 0.7 UN = $84.00');
    expect(text).toContain('× 95% = $79.80');
    expect(all).toContain(squash('Given line: coinsurance 20% of $79.80 = $15.96'));
    // Expected against processed, with the differences.
    expect(text).toContain('Allowed amount $79.80 $70.00 $9.80');
    expect(text).toContain('Paid by Medicare Part B $62.56 $54.88 $7.68');
    expect(text).toContain('Patient responsibility $15.96 $14.00 $1.96');
    // The payer's codes with their meanings, and what is asked for.
    expect(all).toContain(
      squash('CO-45 $30.00 The charge exceeds the fee schedule or contracted amount (contractual write-off)'),
    );
    expect(all).toContain(squash('PR-2 $14.00 Coinsurance'));
    expect(all).toContain(squash('Paper EOB of 2025-03-20, check or EFT CHK-1001'));
    expect(all).toContain(squash('pay the difference of $7.68'));
    expect(all).toContain(squash('Dana Whitfield'));
    // The JW line, still unpaid, is not appealed; the practice's cost and margin never appear.
    expect(text).not.toContain('JW line: J3490 JW');
    expect(text).not.toMatch(/acquisition cost|margin/i);
  });

  it('is a US Letter PDF dated by the letter, with no patient data in its metadata', async () => {
    await value('payments:post', underpaid());
    const info = await pdfInfo((await letters().letterOf(billed.id)).bytes);
    expect(info).toMatchObject({
      'Page size': '612 x 792 pts',
      CreationDate: '2025-03-01T00:00:00Z',
      ModDate: '2025-03-01T00:00:00Z',
      Author: 'Riverside Oncology Associates',
    });
    expect(JSON.stringify(info)).not.toMatch(/CLM-1|Nguy|1EG4/);
  });

  it('the same record on the same day gives the same bytes; the next day, the next date', async () => {
    await value('payments:post', underpaid());
    const first = await letters().letterOf(billed.id);
    const second = await letters().letterOf(billed.id);
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    clock.set('2025-03-02T12:00:00.000Z');
    const later = await letters().letterOf(billed.id);
    expect(Buffer.from(later.bytes).equals(Buffer.from(first.bytes))).toBe(false);
    expect(await flat(later.bytes)).toContain(squash('March 2, 2025'));
  });
});

describe('the appeal letter of an 835 with an underpaid line and a denied line', () => {
  beforeEach(async () => {
    const text = remittance835([
      {
        administration: billed,
        lines: [
          { kind: 'given', allowed: '70.00' },
          { kind: 'wasted', deny: { group: 'CO', reason: '16', remarks: ['N350'] } },
        ],
      },
    ]);
    await value('remittances:import', {
      fileName: 'medicare.835',
      contentBase64: Buffer.from(text, 'latin1').toString('base64'),
    });
  });

  it('appeals both lines with the payer’s claim number, the denial’s codes and the JW line’s own computation', async () => {
    const { bytes } = await letters().letterOf(billed.id);
    const text = await pdfText(bytes);
    const all = squash(text);
    expect(all).toContain(squash(`Your claim number ICN-${billed.id}`));
    expect(all).toContain(squash('Claim line 1 of 2: J3490, 1 unit (dose given): underpaid'));
    expect(all).toContain(squash('Claim line 2 of 2: J3490 JW, 1 unit (amount discarded): denied'));
    expect(text).toContain('JW line: J3490 JW, 1 unit, N450242004062 UN0.3');
    expect(text).toContain('AWP $120.00 per 1 UN package × 0.3 UN = $36.00');
    const jw = estimateLine(billed, 'wasted');
    expect(text).toContain(`Allowed amount $${jw.allowed} $0.00 $${jw.allowed}`);
    expect(all).toContain(squash('CO-16 $42.86 The claim or line lacks information needed to adjudicate it'));
    expect(all).toContain(
      squash('N350 The description of service for a not-otherwise-classified (NOC) code is missing or invalid'),
    );
    expect(all).toContain(squash('Electronic remittance (835) of 2025-03-28, check or EFT EFT0001'));
    // Owed: the given line's shortfall ($62.56 due, $54.88 paid) and the JW line's whole payer share.
    expect([estimateLine(billed, 'given').payerPays, jw.payerPays]).toEqual(['62.56', '26.81']);
    expect(text).toContain('Paid by Medicare Part B $62.56 $54.88 $7.68');
    expect(all).toContain(squash('pay the difference of $34.49'));
  });

  it('flows onto a second page with every page numbered and no text drawn over other text', async () => {
    const { bytes } = await letters().letterOf(billed.id);
    const pages = await pdfPages(bytes);
    expect(pages.length).toBe(2);
    pages.forEach((p, i) => expect(p).toContain(`Page ${i + 1} of 2`));
    for (const page of await textBoxes(bytes)) {
      expect(page.runs.length).toBeGreaterThan(20);
      for (const r of page.runs) {
        expect(r.xMin).toBeGreaterThanOrEqual(0);
        expect(r.xMax).toBeLessThanOrEqual(page.width);
        expect(r.yMin).toBeGreaterThanOrEqual(0);
        expect(r.yMax).toBeLessThanOrEqual(page.height);
      }
      const overlaps = page.runs.flatMap((a, i) =>
        page.runs
          .slice(i + 1)
          .filter(
            (b) =>
              Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin) > 0.5 &&
              Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) > 0.5,
          )
          .map((b) => `"${a.text}" / "${b.text}"`),
      );
      expect(overlaps, `page ${page.page}`).toEqual([]);
    }
  });

  it('a denial of the JW line alone is a letter about a denied claim line', async () => {
    // Correct the given line by posting the rest of its payment as a paper EOB.
    await value('payments:post', {
      administrationId: billed.id,
      lineKind: 'given',
      paymentDate: '2025-04-02',
      allowed: '9.80',
      paid: '7.68',
      patientResponsibility: '1.96',
      adjustments: [
        { group: 'PR', reason: '2', amount: '1.96' },
        { group: 'CO', reason: '253', amount: '0.16' },
      ],
      checkNumber: 'CHK-2002',
    });
    const all = await flat((await letters().letterOf(billed.id)).bytes);
    expect(all).toContain(squash('Re: Request for reconsideration of a denied claim line'));
    expect(all).not.toContain(squash('dose given): underpaid'));
    expect(all).toContain(squash('pay the difference of $26.81'));
  });
});

describe('what is refused', () => {
  it('an administration paid as the contract says, or not paid yet, has nothing to appeal', async () => {
    const refusal = {
      code: 'APPEAL_NOTHING_TO_APPEAL',
      message: 'This administration has no underpaid or denied line to appeal.',
    };
    await expect(letters().letterOf(billed.id)).rejects.toMatchObject(refusal);
    const g = estimateLine(billed, 'given');
    await value('payments:post', {
      ...underpaid(),
      allowed: g.allowed,
      paid: g.payerPays!,
      patientResponsibility: g.patientPays!,
      adjustments: [
        { group: 'PR', reason: '2', amount: g.coinsurance! },
        { group: 'CO', reason: '253', amount: g.sequestration! },
      ],
    });
    await expect(letters().letterOf(billed.id)).rejects.toMatchObject(refusal);
  });

  it('an unknown administration is refused as not found', async () => {
    await expect(letters().letterOf(999_999)).rejects.toMatchObject({ code: 'ADMINISTRATION_NOT_FOUND' });
  });
});
