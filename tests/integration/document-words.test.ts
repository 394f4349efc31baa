/**
 * What a worksheet says in words (issue 14, items 10 and 11), made by a desk whose computer login
 * is "root": the maker is the practice's billing contact, the contract version is named by its
 * terms and dates, the estimate's time is local time (never an ISO string), no warning leads with
 * a code, and the expected total is the payer's part plus the patient's.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { GeneratedDocument } from '../../shared/api/document-schemas';
import type { Administration } from '../../shared/domain/administration';
import type { Contract } from '../../shared/domain/contract-terms';
import { contractInWords } from '../../shared/domain/contract-words';
import { Dec, moneyString } from '../../shared/domain/money';
import type { Payer } from '../../shared/domain/payer';
import { readyAdministration, seedPractice, type Seeded } from '../fixtures/claim-seed';
import { pdfText as layoutText } from '../fixtures/pdf-read';
import { serviceHarness } from './service-harness';

process.env.TZ = 'America/Chicago';

const { value } = serviceHarness({ actor: 'root' });
let seeded: Seeded;
const pdfText = async (bytes: Uint8Array): Promise<string> => (await layoutText(bytes)).replace(/\s+/g, ' ');
const bytesOf = async (id: number): Promise<Buffer> =>
  Buffer.from((await value<{ contentBase64: string }>('documents:read', { id })).contentBase64, 'base64');

beforeEach(async () => {
  seeded = await seedPractice(value);
});

describe('the worksheet in words', () => {
  it('names its maker, the contract and the time as a biller reads them', async () => {
    const a = await readyAdministration(value, seeded, seeded.patients[0]!);
    const made = await value<{ attachment: GeneratedDocument; worksheet: GeneratedDocument | null }>(
      'attachments:generate',
      { administrationId: a.id, withWorksheet: true },
    );
    // The login "root" names nobody: the practice's billing contact made it.
    expect(made.attachment.generatedBy).toBe('Dana Whitfield');
    expect(made.worksheet?.generatedBy).toBe('Dana Whitfield');

    const text = await pdfText(await bytesOf(made.worksheet!.id));
    expect(text).toContain('Prepared by Dana Whitfield');
    expect(text).not.toContain('root');

    const { contracts } = await value<{ payer: Payer; contracts: Contract[] }>('payers:get', {
      id: seeded.medicare.id,
    });
    const used = (await stored(a.id)).contractId;
    const contract = contracts.find((c) => c.id === used);
    if (!contract) throw new Error('the estimate used a contract version of the payer');
    expect(text).not.toMatch(/Contract version \d/);
    expect(text).toContain(`Contract ${contractInWords(contract)}`);
    expect(text).toMatch(/Contract \S.*, from [A-Z][a-z]{2} \d{1,2}, \d{4}/);

    // Local time in the practice's zone (Chicago: 6:00 AM for the harness's 12:00 UTC clock).
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(text).toContain('Mar 1, 2025, 6:00 AM');
    expect(text).not.toMatch(/[A-Z][A-Z0-9]*_[A-Z0-9_]+:/);

    const t = (await stored(a.id)).estimate!.totals;
    const total = moneyString(new Dec(t.payerPays).plus(new Dec(t.patientPays)));
    expect(text).toMatch(new RegExp(`Expected total \\(payer \\+ patient\\) \\$${total.replace('.', '\\.')}`));
    expect(text).toContain(`Expected from payer $${t.payerPays}`);
    expect(text).toContain(`Expected from patient $${t.patientPays}`);
  });
});

const stored = (id: number) => value<Administration>('administrations:get', { id });
