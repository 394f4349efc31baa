/**
 * What a payer's reviewer needs on the cost attachment, generated through the services from a
 * seeded practice (claim-seed.ts) and read back: the technique with the infusion's times, the
 * providers by name and NPI, the NDC as printed on the package, the invoice line's list price,
 * discount and net cost, and each claim line's own narrative. Then the documents of a claim in
 * the order a biller reads them, and the worksheet saved under a name that says it is internal.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { GeneratedDocument } from '../../shared/api/document-schemas';
import type { Invoice } from '../../shared/domain/invoice';
import { EXAMPLEMAB, readyAdministration, seedPractice, type Seeded } from '../fixtures/claim-seed';
import { tinyPdf } from '../fixtures/scans/tiny-scans';
import { pdfText as layoutText, squash } from '../fixtures/pdf-read';
import { serviceHarness } from './service-harness';

const { services, dir, clock, value } = serviceHarness({ actor: 'biller' });
let seeded: Seeded;
beforeEach(async () => {
  seeded = await seedPractice(value);
});

type Made = { attachment: GeneratedDocument; worksheet: GeneratedDocument | null };
const generate = (administrationId: number, opts: Record<string, unknown> = {}) =>
  value<Made>('attachments:generate', { administrationId, ...opts });
const textOf = async (id: number): Promise<string> =>
  layoutText(Buffer.from((await value<{ contentBase64: string }>('documents:read', { id })).contentBase64, 'base64'));
const list = (args: Record<string, unknown>) =>
  value<{ rows: GeneratedDocument[]; total: number }>('documents:list', args);

/** A second invoice for Examplemab: 10 vials at a list price of $120.00 less a $60.00 discount ($114 net each). */
async function discountedLot(): Promise<number> {
  const invoice = await value<Invoice>('invoices:create', {
    supplierId: seeded.supplier.id,
    invoiceNumber: 'INV-611',
    invoiceDate: '2025-02-10',
    lines: [
      {
        ndc: EXAMPLEMAB.ndc,
        lotNumber: 'EX-2',
        expiryDate: '2026-09-30',
        packageQuantity: '10',
        costPerPackage: '120.00',
        discount: '60.00',
      },
    ],
  });
  await value('invoices:attachScan', {
    invoiceId: invoice.id,
    fileName: 'inv-611.pdf',
    contentBase64: tinyPdf('McKesson invoice INV-611').toString('base64'),
  });
  return invoice.lines[0]!.id;
}

describe('the attachment shows what a reviewer checks', () => {
  it('prints the technique, providers by name, printed NDC, list price, discount, net cost and both narratives', async () => {
    const a = await readyAdministration(value, seeded, seeded.patients[0]!, { invoiceLineId: await discountedLot() });
    const text = await textOf((await generate(a.id)).attachment.id);
    const flat = squash(text);
    expect(flat).toContain(squash('IV infusion, 14:05–14:35 (30 minutes)'));
    expect(text).toContain('Jane Roe, MD — NPI 1234567893');
    expect(text).toContain('Omar Haddad, NP — NPI 1245319599');
    expect(text).toContain('50242-0040-62 · 11-digit 50242004062 · as printed: 50242-040-62');
    expect(text).toMatch(/Packages bought\s+10/);
    expect(text).toMatch(/List price \/ package\s+\$120\.00/);
    expect(text).toMatch(/Discount \(line total\)\s+\$60\.00/);
    expect(text).toMatch(/Net cost \/ package\s+\$114\.00/);
    expect(flat).toContain(
      squash(
        'Extended cost on the invoice line $1,200.00; net cost per package = ($1,200.00 less discount $60.00) ÷ 10 = $114.00.',
      ),
    );
    // The given line's narrative names the route; the JW line's, what was discarded.
    expect(text).toMatch(/Narrative, J3490\s+Examplemab \(Brandix\) 70 mg IV NDC 50242004062/);
    expect(text).toMatch(/Narrative, J3490 JW\s+Examplemab \(Brandix\) 30 mg discarded NDC 50242004062/);
  });

  it('says "Not recorded" for a drug added before the printed NDC was kept', async () => {
    services().ctx.db.prepare(`UPDATE drugs SET ndc_printed = ''`).run();
    const a = await readyAdministration(value, seeded, seeded.patients[0]!);
    expect(await textOf((await generate(a.id)).attachment.id)).toContain('as printed: not recorded');
  });
});

describe('documents of a claim', () => {
  it('lists an administration’s attachments before its worksheets, and all documents with each worksheet after its attachment', async () => {
    const a = await readyAdministration(value, seeded, seeded.patients[0]!);
    await generate(a.id, { withWorksheet: true });
    clock.advance(60);
    await generate(a.id, { withWorksheet: true });
    const kindVersion = (rows: GeneratedDocument[]) => rows.map((d) => `${d.kind} v${d.version}`);
    expect(kindVersion((await list({ administrationId: a.id })).rows)).toEqual([
      'attachment v2',
      'attachment v1',
      'worksheet v2',
      'worksheet v1',
    ]);
    expect(kindVersion((await list({})).rows)).toEqual([
      'attachment v2',
      'worksheet v2',
      'attachment v1',
      'worksheet v1',
    ]);
    // Paging keeps the same order.
    expect(kindVersion((await list({ limit: 1, offset: 1 })).rows)).toEqual(['worksheet v2']);
  });

  it('saves a worksheet under a name that says it is internal, also one stored under an older name', async () => {
    const a = await readyAdministration(value, seeded, seeded.patients[0]!, { claimNumber: 'CLM-88' });
    const { attachment, worksheet } = await generate(a.id, { withWorksheet: true });
    const out = join(dir(), 'out');
    await value('documents:save', { ids: [attachment.id, worksheet!.id], folder: out });
    services()
      .ctx.db.prepare(`UPDATE generated_documents SET file_name = 'worksheet_CLM-88_2025-02-20.pdf' WHERE id = ?`)
      .run(worksheet!.id);
    await value('documents:save', { ids: [worksheet!.id], folder: out });
    // New documents are named by claim number only; an older stored name is still marked internal.
    expect(readdirSync(out).sort()).toEqual([
      'CLM-88.pdf',
      'CLM-88_worksheet-internal.pdf',
      'worksheet_CLM-88_2025-02-20_internal.pdf',
    ]);
  });
});
