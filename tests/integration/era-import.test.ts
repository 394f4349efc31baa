/**
 * Importing 835 files through the services (issue 12, item 3): a preview writes nothing; an
 * import posts every matched line and the variance follows; the same file twice posts nothing
 * twice; a line still matches when the payer dropped the JW modifier; what does not match waits
 * in the unmatched list for a person; a reversal undoes the payment it reverses and the corrected
 * claim after it posts as the new payment.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EraReadingResult } from '../../shared/api/remittance-channels';
import type { Administration } from '../../shared/domain/administration';
import type { LineVarianceView, UnmatchedLine } from '../../shared/domain/remittance';
import { remittance835 } from '../fixtures/era/remittance-835';
import { billedAdministration, seedPractice, type Seeded } from '../fixtures/claim-seed';
import { runCliIn } from './cli-run';
import { serviceHarness } from './service-harness';

const { services, dir, value, refusal } = serviceHarness();

let s: Seeded;
let a: Administration;
beforeEach(async () => {
  s = await seedPractice(value);
  a = await billedAdministration(value, s, s.patients[0]!, { claimNumber: 'CLM-1', dateOfService: '2025-02-20' });
});

const file = (text: string, fileName = 'medicare-2025-03-28.835') => ({
  fileName,
  contentBase64: Buffer.from(text, 'latin1').toString('base64'),
});
const lines = async (id = a.id) =>
  (await value<{ lines: LineVarianceView[] }>('payments:ofAdministration', { administrationId: id })).lines;
const count = (table: string): number =>
  (services().ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('importing an 835', () => {
  it('previews without writing, with each line matched by claim, code, date and modifier', async () => {
    const text = remittance835([{ administration: a, lines: [{ kind: 'wasted' }, { kind: 'given' }] }]);
    const preview = await value<EraReadingResult>('remittances:preview', file(text));
    expect(preview.alreadyImported).toBe(false);
    expect(preview.summary).toMatchObject({ claims: 1, lines: 2, matched: 2, unmatched: 0, outOfBalance: 0 });
    expect(preview.transactions[0]?.claims[0]?.lines.map((l) => [l.modifiers, l.match])).toEqual([
      [['JW'], { administrationId: a.id, how: 'claim+code+date+modifier' }],
      [[], { administrationId: a.id, how: 'claim+code+date' }],
    ]);
    expect(count('remittances')).toBe(0);
  });

  it('posts what it pays: both lines paid as expected, the administration paid; the same file twice is refused', async () => {
    const text = remittance835([{ administration: a, lines: [{ kind: 'given' }, { kind: 'wasted' }] }]);
    const imported = await value<EraReadingResult>('remittances:import', file(text));
    expect(imported.importId).toBeGreaterThan(0);
    expect((await lines()).map((l) => [l.lineKind, l.status, l.actual.allowed])).toEqual([
      ['given', 'paid', '79.80'],
      ['wasted', 'paid', '34.20'],
    ]);
    expect((await value<Administration>('administrations:get', { id: a.id })).status).toBe('paid');
    const again = await refusal('remittances:import', file(text, 'renamed.835'));
    expect(again.code).toBe('ERA_DUPLICATE');
    expect((await value<EraReadingResult>('remittances:preview', file(text))).alreadyImported).toBe(true);
    expect(count('remittances')).toBe(1);
  });

  it('an underpaid line is underpaid (sequestration is not), and a denied line is denied with its reasons', async () => {
    const text = remittance835([
      {
        administration: a,
        lines: [
          { kind: 'given', allowed: '70.00' },
          { kind: 'wasted', deny: { group: 'CO', reason: '16', remarks: ['N350'] } },
        ],
      },
    ]);
    await value('remittances:import', file(text));
    const [given, wasted] = await lines();
    expect([given?.status, given?.variance]).toEqual(['underpaid', '9.80']);
    expect(wasted).toMatchObject({ status: 'denied', reasons: ['CO-16', 'N350'] });
  });

  it('still matches when the payer dropped the JW modifier (by the charge billed)', async () => {
    const text = remittance835([{ administration: a, lines: [{ kind: 'wasted', modifiers: [] }, { kind: 'given' }] }]);
    const imported = await value<EraReadingResult>('remittances:import', file(text));
    expect(imported.transactions[0]?.claims[0]?.lines.map((l) => l.match?.how)).toEqual([
      'claim+code+date+charge',
      'claim+code+date',
    ]);
    expect((await lines()).every((l) => l.status === 'paid')).toBe(true);
  });

  it('keeps an unmatched line for a person to match by hand, and the variance follows the match', async () => {
    const text = remittance835([{ administration: a, claimNumber: 'CLM-TYPO', lines: [{ kind: 'given' }] }]);
    await value('remittances:import', file(text));
    const { rows } = await value<{ rows: UnmatchedLine[] }>('remittances:unmatched', {});
    expect(rows.map((r) => [r.patientControlNumber, r.reason])).toEqual([
      ['CLM-TYPO', 'No administration of this payer has claim number CLM-TYPO.'],
    ]);
    expect((await lines())[0]?.status).toBe('unpaid');
    await value('remittances:match', { lineId: rows[0]!.lineId, administrationId: a.id, lineKind: 'given' });
    expect((await lines())[0]?.status).toBe('paid');
    expect((await value<{ total: number }>('remittances:unmatched', {})).total).toBe(0);
    await value('remittances:unmatch', { lineId: rows[0]!.lineId });
    expect((await lines())[0]?.status).toBe('unpaid');
  });

  it('a reversal undoes the payment it reverses, and the corrected claim after it is the new payment', async () => {
    const first = remittance835([{ administration: a, lines: [{ kind: 'given', allowed: '70.00' }] }], {
      trace: 'EFT1',
    });
    await value('remittances:import', file(first, 'first.835'));
    expect((await lines())[0]?.status).toBe('underpaid');
    const second = remittance835(
      [
        { administration: a, negate: true, lines: [{ kind: 'given', allowed: '70.00' }] },
        { administration: a, lines: [{ kind: 'given' }] },
      ],
      { trace: 'EFT2', date: '2025-04-15' },
    );
    const imported = await value<EraReadingResult>('remittances:import', file(second, 'second.835'));
    expect(imported.warnings.map((w) => w.code)).toContain('CLAIM_REVERSAL');
    const [given] = await lines();
    expect([given?.status, given?.actual.allowed, given?.lastPaymentDate]).toEqual(['paid', '79.80', '2025-04-15']);
  });
});

describe('j3490 import era', () => {
  it('--preview prints the reading and writes nothing; the import prints it with its id; a second import exits 2', async () => {
    const path = join(dir(), 'medicare.835');
    writeFileSync(path, remittance835([{ administration: a, lines: [{ kind: 'given' }, { kind: 'wasted' }] }]));
    const preview = await runCliIn(dir(), ['import', 'era', path, '--preview']);
    expect(preview.code).toBe(0);
    expect(preview.json).toMatchObject({
      fileName: 'medicare.835',
      alreadyImported: false,
      summary: { claims: 1, lines: 2, matched: 2, unmatched: 0, outOfBalance: 0, totalPaid: '89.37' },
    });
    expect(preview.json.importId).toBeUndefined();
    expect(count('remittances')).toBe(0);
    const imported = await runCliIn(dir(), ['import', 'era', path]);
    expect([imported.code, typeof imported.json.importId]).toEqual([0, 'number']);
    const again = await runCliIn(dir(), ['import', 'era', path]);
    expect([again.code, (again.json as { error: { code: string } }).error.code]).toEqual([2, 'ERA_DUPLICATE']);
  });
});
