/**
 * Cost attachments through dispatch on a real data folder with a fixed clock: seeded through the
 * services (claim-seed.ts), every generated PDF read back with pdf.js and checked (tests/fixtures/pdf-read.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BatchStatus, GeneratedDocument } from '../../shared/api/document-schemas';
import { administrationInputOf, type Administration } from '../../shared/domain/administration';
import type { Invoice } from '../../shared/domain/invoice';
import { runCliIn } from './cli-run';
import { administrationInput, readyAdministration, seedPractice, type Seeded } from '../fixtures/claim-seed';
import { checkPdf, pdfPageTotal as pdfPages, pdfText as layoutText } from '../fixtures/pdf-read';
import { encryptedScanPdf } from '../fixtures/scan-files';
import { serviceHarness } from './service-harness';
import { makeTempDir, removeTempDir } from './temp-dir';

const { services, dir, open, value, refusal, version: storedVersion } = serviceHarness({ actor: 'biller' });
let seeded: Seeded;
/** The text with its layout columns folded to single spaces. */
const pdfText = async (bytes: Uint8Array): Promise<string> => (await layoutText(bytes)).replace(/[ \t]+/g, ' ');

type Made = { attachment: GeneratedDocument; worksheet: GeneratedDocument | null };
const generate = (administrationId: number, opts: Record<string, unknown> = {}) =>
  value<Made>('attachments:generate', { administrationId, ...opts });
const bytesOf = async (id: number): Promise<Buffer> =>
  Buffer.from((await value<{ contentBase64: string }>('documents:read', { id })).contentBase64, 'base64');
const documentRows = (): number =>
  (services().ctx.db.prepare('SELECT count(*) AS n FROM generated_documents').get() as { n: number }).n;
const storedFiles = (): string[] => {
  const folder = join(dir(), 'documents');
  return existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.pdf')) : [];
};

beforeEach(async () => {
  seeded = await seedPractice(value);
});

describe('attachments:generate', () => {
  it('prints the claim, drug, lot, dose, JW line, cost and necessity, appends the invoice scan, and never the expected payment', async () => {
    const a = await readyAdministration(value, seeded, seeded.patients[0]!, { claimNumber: 'CLM-2025-0042' });
    const { attachment, worksheet } = await generate(a.id);
    expect(worksheet).toBeNull();
    expect(attachment).toMatchObject({
      kind: 'attachment',
      version: 1,
      documentKey: `ATT-${String(a.id).padStart(6, '0')}-v1`,
      fileName: 'CLM-2025-0042.pdf',
      generatedAt: '2025-03-01T12:00:00.000Z',
      generatedBy: 'biller',
      claimNumber: 'CLM-2025-0042',
      payerName: 'Medicare Part B',
      administrationIds: [a.id],
    });
    const bytes = await bytesOf(attachment.id);
    expect(attachment.byteSize).toBe(bytes.length);
    await expect(checkPdf(bytes)).resolves.toBeUndefined();
    const text = await pdfText(bytes);
    for (const expected of [
      'Riverside Oncology Associates',
      '1234567893',
      '12-3456789',
      'J3490',
      'Nguyễn Thị Ánh',
      '1950-04-02',
      '1EG4-TE5-MK00',
      'CLM-2025-0042',
      'Medicare Part B',
      '2025-02-20',
      'Examplemab',
      'Brandix',
      '50242-0040-62',
      '50242004062',
      'EX-1',
      '2026-06-30',
      'Left forearm',
      'JW',
      'N450242004062 UN0.7',
      'McKesson',
      'INV-500',
      '$110.00',
      'C50.911',
      'HER2-positive breast cancer',
      'Infused over 30 minutes',
      'McKesson invoice INV-500', // the appended scan's own text
      attachment.documentKey,
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/Page 1 of \d/);
    // The attachment pages, then the one-page scan.
    expect(await pdfPages(bytes)).toBe(attachment.pageCount);
    // What the practice expects to be paid is internal: not in the payer's document.
    const stored = await value<Administration>('administrations:get', { id: a.id });
    const expected = stored.estimate!.totals;
    expect(text).not.toContain(`$${expected.payerPays}`);
    expect(text).not.toContain(`$${expected.allowed}`);
    expect(text.toLowerCase()).not.toContain('margin');
    expect(text.toLowerCase()).not.toContain('contract');
  });

  it('leaves out the physician notes when the biller says so', async () => {
    const a = await readyAdministration(value, seeded, seeded.patients[0]!);
    const { attachment } = await generate(a.id, { includePhysicianNotes: false });
    expect(await pdfText(await bytesOf(attachment.id))).not.toContain('Infused over 30 minutes');
  });

  it('keeps every version: regenerating after an edit adds version 2 and version 1 stays readable', async () => {
    const a = await readyAdministration(value, seeded, seeded.patients[1]!);
    const first = (await generate(a.id)).attachment;
    await value('administrations:update', {
      id: a.id,
      version: storedVersion('administrations', a.id),
      administration: administrationInput(seeded, seeded.patients[1]!, { site: 'Right deltoid' }),
    });
    const second = (await generate(a.id)).attachment;
    expect(second.version).toBe(2);
    expect(second.fileName).toMatch(/_v2\.pdf$/);
    expect(second.sha256).not.toBe(first.sha256);
    const listed = await value<{ rows: GeneratedDocument[]; total: number }>('documents:list', {
      administrationId: a.id,
    });
    expect(listed.rows.map((d) => d.version)).toEqual([2, 1]);
    expect(await pdfText(await bytesOf(first.id))).toContain('Left forearm');
    expect(await pdfText(await bytesOf(second.id))).toContain('Right deltoid');
    expect(await pdfText(await bytesOf(second.id))).toContain('Zoë Łukasiewicz-O’Brien');
  });

  it('gives the same bytes for the same record and generation time', async () => {
    const a = await readyAdministration(value, seeded, seeded.patients[2]!);
    const one = (await generate(a.id)).attachment;
    services().close();
    const other = makeTempDir();
    try {
      open(other);
      seeded = await seedPractice(value);
      const b = await readyAdministration(value, seeded, seeded.patients[2]!);
      const two = (await generate(b.id)).attachment;
      expect(two.sha256).toBe(one.sha256);
      expect(await pdfText(await bytesOf(two.id))).toContain('Minh Đặng');
    } finally {
      services().close();
      removeTempDir(other);
      open();
    }
  });

  it('covers every line of a claim in one attachment', async () => {
    const p = seeded.patients[0]!;
    const a = await readyAdministration(value, seeded, p, { claimNumber: 'CLM-7' });
    const b = await readyAdministration(value, seeded, p, {
      claimNumber: 'CLM-7',
      invoiceLineId: seeded.multiLot,
      dateOfService: '2025-02-21',
      dose: { amount: '40', unit: 'mg' },
      wastedAmount: '0',
      route: 'IM',
    });
    const { attachment } = await generate(b.id);
    expect(attachment.administrationIds).toEqual([a.id, b.id]);
    const text = await pdfText(await bytesOf(attachment.id));
    expect(text).toContain('Examplemab');
    expect(text).toContain('Multicaine');
    expect(text).toContain('12345-0678-90');
    // One invoice, one appended scan however many lines share it.
    expect(text.split('McKesson invoice INV-500').length - 1).toBe(1);
  });

  it('makes the internal worksheet as a separate document with the expected payment', async () => {
    const a = await readyAdministration(value, seeded, seeded.patients[0]!);
    const { attachment, worksheet } = await generate(a.id, { withWorksheet: true });
    expect(worksheet).toMatchObject({
      kind: 'worksheet',
      version: 1,
      fileName: `administration-${a.id}_worksheet-internal.pdf`,
    });
    const wBytes = await bytesOf(worksheet!.id);
    await expect(checkPdf(wBytes)).resolves.toBeUndefined();
    const stored = await value<Administration>('administrations:get', { id: a.id });
    const wText = await pdfText(wBytes);
    expect(wText).toContain(`$${stored.estimate!.totals.payerPays}`);
    expect(wText.toLowerCase()).toContain('internal');
    expect(await pdfText(await bytesOf(attachment.id))).not.toContain(`$${stored.estimate!.totals.payerPays}`);
  });

  it('refuses an administration that is not ready, naming what is missing, and writes nothing', async () => {
    const a = await value<Administration>(
      'administrations:create',
      administrationInput(seeded, seeded.patients[0]!, { physicianNotes: '' }),
    );
    const error = await refusal('attachments:generate', { administrationId: a.id });
    expect(error.code).toBe('ATTACHMENT_NOT_READY');
    expect(error.message).toContain('Physician notes');
    expect(documentRows()).toBe(0);
    expect(storedFiles()).toEqual([]);
  });

  it('refuses when the practice header is missing', async () => {
    services().ctx.db.prepare('DELETE FROM practice_settings').run();
    const a = await readyAdministration(value, seeded, seeded.patients[0]!);
    expect((await refusal('attachments:generate', { administrationId: a.id })).code).toBe('PRACTICE_SETTINGS_MISSING');
  });

  it('says so when the invoice scan is gone from the data folder', async () => {
    const a = await readyAdministration(value, seeded, seeded.patients[0]!);
    rmSync(join(dir(), 'scans'), { recursive: true, force: true });
    expect((await refusal('attachments:generate', { administrationId: a.id })).code).toBe('SCAN_NOT_FOUND');
    expect(documentRows()).toBe(0);
  });

  it('refuses a scan that cannot be appended (password-protected), naming it', async () => {
    const locked = encryptedScanPdf(1, 'secret');
    await value('invoices:attachScan', {
      invoiceId: seeded.invoice.id,
      fileName: 'locked.pdf',
      contentBase64: Buffer.from(locked).toString('base64'),
    });
    const a = await readyAdministration(value, seeded, seeded.patients[0]!);
    const error = await refusal('attachments:generate', { administrationId: a.id });
    expect(error.code).toBe('SCAN_ENCRYPTED');
    expect(error.message).toContain('INV-500');
    expect(documentRows()).toBe(0);
  });

  it('keeps an administration with documents from being deleted', async () => {
    const a = await readyAdministration(value, seeded, seeded.patients[0]!);
    await generate(a.id);
    await value('administrations:setStatus', { id: a.id, status: 'draft' });
    expect((await refusal('administrations:delete', { id: a.id })).code).toBe('ADMINISTRATION_HAS_DOCUMENTS');
  });
});

describe('documents:save', () => {
  it('writes into a folder and never over an existing file', async () => {
    const a = await readyAdministration(value, seeded, seeded.patients[0]!, { claimNumber: 'CLM/9 A' });
    const { attachment } = await generate(a.id);
    const out = join(dir(), 'out');
    const first = await value<{ written: { path: string }[] }>('documents:save', { ids: [attachment.id], folder: out });
    const second = await value<{ written: { path: string }[] }>('documents:save', {
      ids: [attachment.id],
      folder: out,
    });
    expect(first.written[0]!.path).toBe(join(out, 'CLM-9-A.pdf'));
    expect(second.written[0]!.path).toBe(join(out, 'CLM-9-A (2).pdf'));
    expect(readFileSync(second.written[0]!.path)).toEqual(await bytesOf(attachment.id));
    expect((await refusal('documents:save', { ids: [attachment.id], folder: 'relative/dir' })).code).toBe(
      'FOLDER_INVALID',
    );
  });
});

describe('attachment batches', () => {
  const waitFor = async (jobId: string): Promise<BatchStatus> => {
    for (;;) {
      const s = await value<BatchStatus>('attachments:batchStatus', { jobId });
      if (s.state !== 'running') return s;
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  it('makes one attachment per ready claim, skips the others with their reason, and merges', async () => {
    const [p0, p1, p2] = seeded.patients as [
      (typeof seeded.patients)[0],
      (typeof seeded.patients)[0],
      (typeof seeded.patients)[0],
    ];
    await readyAdministration(value, seeded, p0, { claimNumber: 'CLM-1', dateOfService: '2025-02-03' });
    await readyAdministration(value, seeded, p1, { claimNumber: 'CLM-2', dateOfService: '2025-02-04' });
    // A second invoice without its scan: Medicare requires it, so this one cannot go.
    const bare = await value<Invoice>('invoices:create', {
      supplierId: seeded.supplier.id,
      invoiceNumber: 'INV-501',
      invoiceDate: '2025-02-02',
      lines: [
        {
          ndc: '50242-040-62',
          lotNumber: 'EX-2',
          expiryDate: '2026-06-30',
          packageQuantity: '5',
          costPerPackage: '110.00',
        },
      ],
    });
    const unscanned = await value<Administration>(
      'administrations:create',
      administrationInput(seeded, p2, {
        invoiceLineId: bare.lines[0]!.id,
        claimNumber: 'CLM-3',
        dateOfService: '2025-02-05',
      }),
    );
    // Outside the dates: not taken at all.
    await readyAdministration(value, seeded, p2, { claimNumber: 'CLM-4', dateOfService: '2025-03-15' });
    const started = await value<BatchStatus>('attachments:batchStart', {
      payerId: seeded.medicare.id,
      from: '2025-02-01',
      to: '2025-02-28',
      status: 'ready',
      merged: true,
    });
    expect(started.state).toBe('running');
    const done = await waitFor(started.jobId);
    expect(done.state).toBe('done');
    expect(done.made.map((m) => m.fileName)).toEqual(['CLM-1.pdf', 'CLM-2.pdf']);
    expect(done.total).toBe(3);
    expect(done.skipped).toEqual([
      {
        administrationId: unscanned.id,
        label: 'Đặng, Minh — 2025-02-05 — Examplemab (Brandix)',
        code: 'INVOICE_SCAN_MISSING',
        reason: "Medicare Part B requires the supplier's invoice and its scan is not attached (Invoices).",
      },
    ]);
    const merged = await bytesOf(done.mergedDocumentId!);
    await expect(checkPdf(merged)).resolves.toBeUndefined();
    const text = await pdfText(merged);
    expect(text).toContain('Nguyễn Thị Ánh');
    expect(text).toContain('Zoë Łukasiewicz-O’Brien');
    const parts = await Promise.all(done.made.map(async (m) => pdfPages(await bytesOf(m.documentId))));
    expect(await pdfPages(merged)).toBe(parts[0]! + parts[1]!);
  });

  it('a second batch makes no new version of a claim that did not change, and a new one for a claim that did', async () => {
    const [p0, p1] = seeded.patients as [(typeof seeded.patients)[0], (typeof seeded.patients)[0]];
    await readyAdministration(value, seeded, p0, { claimNumber: 'CLM-1', dateOfService: '2025-02-03' });
    const edited = await readyAdministration(value, seeded, p1, { claimNumber: 'CLM-2', dateOfService: '2025-02-04' });
    const run = async () =>
      waitFor(
        (
          await value<BatchStatus>('attachments:batchStart', {
            payerId: seeded.medicare.id,
            from: '2025-02-01',
            to: '2025-02-28',
            status: 'ready',
          })
        ).jobId,
      );
    const first = await run();
    expect(first.made.map((m) => [m.fileName, m.unchanged])).toEqual([
      ['CLM-1.pdf', false],
      ['CLM-2.pdf', false],
    ]);
    await value('administrations:update', {
      id: edited.id,
      version: storedVersion('administrations', edited.id),
      administration: { ...administrationInputOf(edited), site: 'Right forearm' },
    });
    const second = await run();
    expect(second.made.map((m) => [m.fileName, m.unchanged])).toEqual([
      ['CLM-1.pdf', true],
      ['CLM-2_v2.pdf', false],
    ]);
    expect(second.made[0]?.documentId).toBe(first.made[0]?.documentId);
    const listed = await value<{ total: number }>('documents:list', { limit: 50, offset: 0 });
    expect(listed.total).toBe(3);
  });

  it('skips a ready administration whose invoice scan the payer requires is no longer attached', async () => {
    const p = seeded.patients[0]!;
    const bare = await value<Invoice>('invoices:create', {
      supplierId: seeded.supplier.id,
      invoiceNumber: 'INV-502',
      invoiceDate: '2025-02-02',
      lines: [
        {
          ndc: '50242-040-62',
          lotNumber: 'EX-3',
          expiryDate: '2026-06-30',
          packageQuantity: '5',
          costPerPackage: '110.00',
        },
      ],
    });
    await value('invoices:attachScan', {
      invoiceId: bare.id,
      fileName: 'x.pdf',
      contentBase64: readFileSync(join(dir(), 'scans', readdirSync(join(dir(), 'scans'))[0]!)).toString('base64'),
    });
    const ready = await readyAdministration(value, seeded, p, {
      invoiceLineId: bare.lines[0]!.id,
      claimNumber: 'CLM-5',
    });
    // The scan link is dropped behind the app's back (as a restore from an older backup would).
    services()
      .ctx.db.prepare(
        'UPDATE invoices SET scan_sha256 = NULL, scan_file_name = NULL, scan_media_type = NULL WHERE id = ?',
      )
      .run(bare.id);
    const good = await readyAdministration(value, seeded, seeded.patients[1]!, { claimNumber: 'CLM-6' });
    const started = await value<BatchStatus>('attachments:batchStart', {
      payerId: seeded.medicare.id,
      from: '2025-02-01',
      to: '2025-02-28',
    });
    const done = await waitFor(started.jobId);
    expect(done.made.map((m) => m.administrationIds)).toEqual([[good.id]]);
    expect(done.skipped).toEqual([
      expect.objectContaining({
        administrationId: ready.id,
        code: 'INVOICE_SCAN_MISSING',
        label: expect.stringContaining('2025-02-20'),
      }),
    ]);
    expect(done.mergedDocumentId).toBeNull();
  });

  it('stops on cancel and keeps what was made', async () => {
    for (let i = 0; i < 12; i++) {
      await readyAdministration(value, seeded, seeded.patients[i % 3]!, { claimNumber: `CLM-C${i}` });
    }
    const started = await value<BatchStatus>('attachments:batchStart', {
      payerId: seeded.medicare.id,
      from: '2025-02-01',
      to: '2025-02-28',
    });
    expect(started.total).toBe(12);
    const cancelled = await value<BatchStatus>('attachments:batchCancel', { jobId: started.jobId });
    expect(cancelled.state).toBe('running');
    const done = await waitFor(started.jobId);
    expect(done.state).toBe('cancelled');
    expect(done.done).toBeLessThan(12);
    expect(documentRows()).toBe(done.made.length);
  });

  it('refuses an unknown batch, a backwards range and an impossible date', async () => {
    expect((await refusal('attachments:batchStatus', { jobId: 'nope' })).code).toBe('BATCH_NOT_FOUND');
    expect(
      (await refusal('attachments:batchStart', { payerId: seeded.medicare.id, from: '2025-03-01', to: '2025-02-01' }))
        .code,
    ).toBe('DATE_RANGE_INVALID');
    expect(
      (await refusal('attachments:batchStart', { payerId: seeded.medicare.id, from: '2025-02-30', to: '2025-03-01' }))
        .code,
    ).toBe('DATE_INVALID');
  });
});

describe('j3490 attachment / attachments', () => {
  const cli = async (...argv: string[]) => {
    const r = await runCliIn(dir(), argv);
    return { ...r, err: r.err.join('\n') };
  };

  it('writes one attachment to --out and refuses to overwrite it', async () => {
    const a = await readyAdministration(value, seeded, seeded.patients[0]!, { claimNumber: 'CLM-CLI' });
    services().close();
    const file = join(dir(), 'one.pdf');
    const first = await cli('attachment', String(a.id), '--out', file, '--worksheet', join(dir(), 'ws.pdf'));
    expect(first.code).toBe(0);
    expect(await pdfText(readFileSync(file))).toContain('CLM-CLI');
    expect(await pdfText(readFileSync(join(dir(), 'ws.pdf')))).toContain('internal');
    const again = await cli('attachment', String(a.id), '--out', file);
    expect(again.code).toBe(2);
    expect(again.json).toMatchObject({ ok: false, error: { code: 'FILE_EXISTS' } });
    open();
  });

  it('makes a batch into a folder with progress on stderr', async () => {
    await readyAdministration(value, seeded, seeded.patients[0]!, { claimNumber: 'CLM-B1' });
    await readyAdministration(value, seeded, seeded.patients[1]!, { claimNumber: 'CLM-B2' });
    services().close();
    const out = join(dir(), 'batch');
    mkdirSync(out);
    const r = await cli(
      'attachments',
      '--payer',
      'Medicare Part B',
      '--from',
      '2025-02-01',
      '--to',
      '2025-02-28',
      '--out',
      out,
      '--merged',
    );
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ state: 'done', skipped: [] });
    expect(readdirSync(out).sort()).toEqual([
      'CLM-B1.pdf',
      'CLM-B2.pdf',
      'attachments_Medicare-Part-B_2025-02-01_2025-02-28.pdf',
    ]);
    expect(r.err).toContain('of 2 claims');
    open();
  });
});
