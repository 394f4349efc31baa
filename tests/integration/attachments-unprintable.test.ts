/**
 * Text a PDF cannot print, through the attachments service on a real data folder: the
 * generation is refused (TEXT_UNPRINTABLE) naming the field and the character, and nothing is
 * stored: no document row, no file, and no attachment left behind when only the worksheet
 * refuses. The actor of this file's services has an emoji in its name, which only the worksheet
 * prints ("Prepared by"). CJK names print.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { GeneratedDocument } from '../../shared/api/document-schemas';
import type { Patient } from '../../shared/domain/patient';
import { readyAdministration, seedPractice, type Seeded } from '../fixtures/claim-seed';
import { pdfText } from '../fixtures/pdf-read';
import { serviceHarness } from './service-harness';

const { services, dir, value, refusal } = serviceHarness({ actor: 'Dana 😀' });
let seeded: Seeded;

type Made = { attachment: GeneratedDocument; worksheet: GeneratedDocument | null };
const documentRows = (): number =>
  (services().ctx.db.prepare('SELECT count(*) AS n FROM generated_documents').get() as { n: number }).n;
const storedFiles = (): string[] => {
  const folder = join(dir(), 'documents');
  return existsSync(folder) ? readdirSync(folder) : [];
};

beforeEach(async () => {
  seeded = await seedPractice(value);
});

describe('attachments:generate with text the PDF cannot print', () => {
  it('refuses an emoji in the medical necessity, naming the field and the character, and stores nothing', async () => {
    const a = await readyAdministration(value, seeded, seeded.patients[0]!, {
      medicalNecessity: 'Severe pain 😀 despite NSAIDs.',
    });
    const error = await refusal('attachments:generate', { administrationId: a.id });
    expect(error.code).toBe('TEXT_UNPRINTABLE');
    expect(error.message).toContain('Line 1 medical necessity');
    expect(error.message).toContain('"😀" (U+1F600)');
    expect(documentRows()).toBe(0);
    expect(storedFiles()).toEqual([]);
  });

  it('refuses the worksheet for its own text without leaving the attachment behind, and makes the attachment alone', async () => {
    const a = await readyAdministration(value, seeded, seeded.patients[0]!);
    const error = await refusal('attachments:generate', { administrationId: a.id, withWorksheet: true });
    expect(error.code).toBe('TEXT_UNPRINTABLE');
    expect(error.message).toMatch(/^Prepared by contains the emoji "😀"/);
    expect(documentRows()).toBe(0);
    expect(storedFiles()).toEqual([]);
    const made = await value<Made>('attachments:generate', { administrationId: a.id });
    expect(made.worksheet).toBeNull();
    expect(documentRows()).toBe(1);
  });

  it('prints a patient named in Chinese, Korean and Hebrew', async () => {
    const patient = await value<Patient>('patients:create', {
      firstName: '王小明 김민준',
      lastName: 'כהן',
      dateOfBirth: '1980-01-02',
      accountNumber: 'MRN-9',
      payerId: seeded.medicare.id,
      memberId: '1EG4-TE5-MK99',
    });
    const a = await readyAdministration(value, seeded, patient);
    const { attachment } = await value<Made>('attachments:generate', { administrationId: a.id });
    const bytes = Buffer.from(
      (await value<{ contentBase64: string }>('documents:read', { id: attachment.id })).contentBase64,
      'base64',
    );
    const text = await pdfText(bytes);
    expect(text).toContain('王小明 김민준');
    expect(text).toContain('כהן');
  });
});
