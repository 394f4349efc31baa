/**
 * The drug cost attachment sent with a J3490 (or other NOC code) claim: who billed, for whom,
 * what drug from which invoice at what cost, how it was given and why, a certification to sign,
 * then the supplier's scanned invoices.
 *
 * Policy:
 * - Only the AttachmentModel is printed; it has no expected payment, contract or margin, so none
 *   can reach a payer (the tests check the text too).
 * - Empty values print as "—" (a claim number as "not assigned yet"; a site, technique or printed
 *   NDC the record lacks as "not recorded"), never as a blank a reviewer could take for a
 *   rendering error.
 * - The cost is printed as the invoice line shows it (packages, list price, extended cost,
 *   discount) with the net cost per package worked out from it, so the certified cost can be
 *   checked against the attached invoice; each claim line prints its own NOC narrative.
 * - Physician notes print only when the biller chose to include them and there are some.
 * - "Page X of Y" counts the scan pages too (see page-stamps.ts). The "Attached documents" list
 *   gives each scan's page numbers; as the attachment's own page count is known only after
 *   layout, the layout is redone (at most three times) when the list assumed another count.
 *   That happens only when the attachment runs past one page and has scans.
 * - Same model and scans, same bytes: nothing reads the clock (document-info.ts).
 * - Every character printed is one it was given: before anything else, every field it prints
 *   (and each scan's label) is checked printable, and a field holding a character no face can
 *   draw, an emoji or a damaged character refuses the whole attachment, naming the field
 *   (printable-text.ts). The fallback faces the text needs are embedded, no others.
 */
import { type AppendedScan, type AttachmentLine, type AttachmentModel } from './attachment-model';
import { newDocument, saveDocument, setDocumentInfo } from './document-info';
import { type FieldPath, labelledTexts } from './field-labels';
import { embedFonts } from './fonts';
import { MARGIN, PageFlow } from './page-layout';
import { drawBottomLine, footerText, stampText } from './page-stamps';
import { checkPrintable } from './printable-text';
import { type LoadedScan, appendScans, loadScans } from './scan-append';

const dash = (s: string): string => (s.trim() === '' ? '—' : s);
/** A fact the record may not have: said so, rather than a blank or a dash. */
const recorded = (s: string): string => (s.trim() === '' ? 'Not recorded' : s);

/** "00409-3795-01 · 11-digit 00409379501 · as printed: 0409-3795-01". */
function ndcText(d: AttachmentLine['drug']): string {
  const printed = d.ndcPrinted.trim() === '' ? 'not recorded' : d.ndcPrinted;
  return `${dash(d.ndc542)} · 11-digit ${dash(d.ndc11)} · as printed: ${printed}`;
}

const claimLineLabel = (kind: 'given' | 'wasted'): string => (kind === 'given' ? 'Dose given' : 'Amount wasted');
const codesOf = (c: { hcpcs: string; modifiers: readonly string[] }): string =>
  [c.hcpcs, ...c.modifiers].filter((s) => s.trim() !== '').join(' ');

/** "Unclassified drugs" → "unclassified drugs"; an acronym ("NOC drugs") stays as it is. */
const lowerFirst = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s[0]?.toLowerCase() + s.slice(1) : s);

export function attachmentTitle(lines: readonly AttachmentLine[]): string {
  const codes = new Map<string, string>();
  for (const l of lines) if (!codes.has(l.hcpcs)) codes.set(l.hcpcs, l.hcpcsDescriptor);
  const parts = [...codes].map(([code, descriptor]) =>
    descriptor.trim() ? `${code}, ${lowerFirst(descriptor.trim())}` : code,
  );
  return parts.length === 0 ? 'Drug cost attachment' : `Drug cost attachment — HCPCS ${parts.join('; ')}`;
}

const uniqueInOrder = (xs: readonly string[]): string[] => [...new Set(xs.filter((x) => x.trim() !== ''))];

function certificationText(withScans: boolean): string {
  const invoice = withScans ? 'the attached supplier invoice' : 'the supplier invoice, available on request';
  return (
    'I certify that the drug described above was administered to this patient as documented, that the ' +
    `acquisition cost shown is the practice's actual cost as supported by ${invoice}, and that the ` +
    'information is true, accurate and complete.'
  );
}

function writeHeader(flow: PageFlow, model: AttachmentModel): void {
  const p = model.practice;
  flow.text(dash(p.name), { bold: true, size: 14 });
  for (const line of p.addressLines) flow.text(line);
  flow.text(`Phone ${dash(p.phone)} · NPI ${dash(p.npi)} · TIN ${dash(p.tin)}`);
  flow.text(`Billing contact: ${dash(p.billingContact)}`);
  flow.rule(0.8);
  flow.space(4);
  flow.text(attachmentTitle(model.lines), { bold: true, size: 13 });
  flow.space(3);
  const datesOfService = uniqueInOrder(model.lines.map((l) => l.dateOfService));
  flow.heading('Claim', 10.5);
  flow.fields(
    [
      ['Patient', dash(model.patient.name)],
      ['Payer', dash(model.payerName)],
      ['Date of birth', dash(model.patient.dateOfBirth)],
      ['Member ID', dash(model.patient.memberId)],
      ['Account number', dash(model.patient.accountNumber)],
      ['Claim / control no.', model.claimNumber.trim() === '' ? 'not assigned yet' : model.claimNumber],
      [datesOfService.length > 1 ? 'Dates of service' : 'Date of service', dash(datesOfService.join(', '))],
    ],
    { columns: 2, labelWidth: 100 },
  );
}

function writeLine(flow: PageFlow, line: AttachmentLine, index: number, count: number, notes: boolean): void {
  flow.space(2);
  flow.rule();
  flow.heading(`Line ${index + 1} of ${count} — ${dash(line.drug.genericName)}`, 11);
  flow.fields(
    [
      ['Generic name', dash(line.drug.genericName)],
      ['Brand name', dash(line.drug.brandName)],
    ],
    { columns: 2, labelWidth: 96 },
  );
  // One row for the three spellings a reviewer may compare: claim, 11 digits, the package label.
  flow.fields([['NDC (5-4-2)', ndcText(line.drug)]], { labelWidth: 96 });
  flow.fields(
    [
      ['Strength', dash(line.drug.strength)],
      ['Package', dash(line.drug.packageDescription)],
      ['Lot number', dash(line.lot.number)],
      ['Expiry', dash(line.lot.expiry)],
      ['Date of service', dash(line.dateOfService)],
      ['Dose given', dash(line.dose.given)],
      ['Amount wasted', dash(line.dose.wasted)],
      ['Site', recorded(line.dose.site)],
    ],
    { columns: 2, labelWidth: 96 },
  );
  // Full width, so an infusion's times read on one line: "Intravenous (IV) · IV infusion, 14:05–14:50 (45 minutes)".
  const technique = line.dose.technique.trim() === '' ? 'technique not recorded' : line.dose.technique;
  flow.fields([['Route, technique', `${dash(line.dose.route)} · ${technique}`]], { labelWidth: 96 });

  flow.heading('Claim lines and NOC narratives (CMS-1500 item 19 / 837P SV101-7)', 9.5);
  flow.table(
    [
      { header: 'Claim line', width: 100 },
      { header: 'HCPCS and modifiers', width: 130 },
      { header: 'Units', width: 60 },
      { header: 'NDC (N4 qualifier string)', width: 214 },
    ],
    line.claimLines.map((c) => [claimLineLabel(c.kind), codesOf(c), c.units, c.n4]),
  );
  if (line.claimLines.length === 0) flow.text('—');
  // Each line's own narrative: the JW line's names what was discarded, not what was given.
  flow.fields(
    line.claimLines.map((c) => [`Narrative, ${codesOf(c) || '—'}`, dash(c.narrative)] as const),
    { labelWidth: 96 },
  );

  flow.space(3);
  flow.fields(
    [
      ['Ordering provider', dash(line.providers.ordering)],
      ['Rendering provider', dash(line.providers.rendering)],
    ],
    { labelWidth: 96 },
  );

  const c = line.cost;
  flow.heading('Acquisition cost (from the supplier invoice line)', 9.5);
  const cost: [string, string][] = [
    ['Supplier', dash(c.supplier)],
    ['Invoice', `${dash(c.invoiceNumber)} of ${dash(c.invoiceDate)}`],
    ['Packages bought', dash(c.packages)],
    ['List price / package', dash(c.listPricePerPackage)],
    ['Discount (line total)', dash(c.discount)],
    ['Net cost / package', dash(c.netCostPerPackage)],
    ['Cost of dose given', dash(c.givenCost)],
  ];
  if (c.wastedCost !== null) cost.push(['Cost of waste', dash(c.wastedCost)]);
  flow.fields(cost, { columns: 2, labelWidth: 96 });
  flow.text(
    `Extended cost on the invoice line ${dash(c.extendedCost)}; net cost per package = ` +
      `(${dash(c.extendedCost)} less discount ${dash(c.discount)}) ÷ ${dash(c.packages)} = ${dash(c.netCostPerPackage)}.`,
    { size: 8 },
  );

  flow.heading('Medical necessity', 9.5);
  flow.fields([
    ['Diagnoses (ICD-10-CM)', dash(line.diagnoses.filter((d) => d.trim() !== '').join('\n'))],
    ['Rationale', dash(line.medicalNecessity)],
  ]);

  if (notes && line.physicianNotes.trim() !== '') {
    flow.heading('Physician notes', 9.5);
    flow.text(line.physicianNotes);
  }
}

function writeScanList(flow: PageFlow, scans: readonly LoadedScan[], firstScanPage: number): void {
  flow.space(2);
  flow.rule();
  flow.heading('Attached documents', 10.5);
  let page = firstScanPage;
  flow.fields(
    scans.map((s) => {
      const pages = s.pageCount === 1 ? `page ${page}` : `pages ${page}–${page + s.pageCount - 1}`;
      page += s.pageCount;
      return [pages, s.scan.label] as const;
    }),
    { labelWidth: 80 },
  );
}

function writeAttachment(flow: PageFlow, model: AttachmentModel, scans: readonly LoadedScan[], ownPages: number): void {
  writeHeader(flow, model);
  model.lines.forEach((line, i) => writeLine(flow, line, i, model.lines.length, model.includePhysicianNotes));
  if (scans.length > 0) writeScanList(flow, scans, ownPages + 1);
  flow.space(2);
  flow.rule();
  flow.heading('Certification', 10.5);
  flow.text(certificationText(scans.length > 0));
  flow.signatureLines([['Signature', 'Date'], ['Printed name']]);
}

/** What the attachment does not print: who generated it, and notes the biller left out. */
const notPrinted =
  (model: AttachmentModel) =>
  (path: FieldPath): boolean =>
    path[0] === 'generatedBy' || (!model.includePhysicianNotes && path.at(-1) === 'physicianNotes');

/**
 * The cost attachment as PDF bytes: the attachment pages, then the scans. Throws
 * TextUnprintableError (before anything is made) and ScanAppendError.
 */
export async function renderAttachment(model: AttachmentModel, scans: readonly AppendedScan[]): Promise<Uint8Array> {
  const fallbacks = checkPrintable([
    ...labelledTexts(model, notPrinted(model)),
    ...scans.map((s, i) => ({ label: `Scan ${i + 1} label`, text: s.label })),
  ]);
  const loaded = await loadScans(scans);
  let assumedOwnPages = 1;
  for (let pass = 1; ; pass++) {
    const doc = await newDocument();
    const fonts = await embedFonts(doc, fallbacks);
    const flow = new PageFlow(doc, fonts);
    writeAttachment(flow, model, loaded, assumedOwnPages);
    const own = flow.pages.length;
    if (loaded.length > 0 && own !== assumedOwnPages && pass < 3) {
      assumedOwnPages = own;
      continue;
    }
    const appended = await appendScans(doc, loaded, fonts);
    const total = own + appended.length;
    flow.pages.forEach((page, i) =>
      drawBottomLine(page, footerText(model.documentId, model.generatedAt, i + 1, total), fonts.regular, {
        size: 7.5,
        fromBottom: 28,
        sideMargin: MARGIN,
      }),
    );
    appended.forEach((page, i) =>
      drawBottomLine(page, stampText(model.documentId, own + i + 1, total), fonts.regular, {
        size: 7,
        fromBottom: 10,
        sideMargin: 18,
      }),
    );
    setDocumentInfo(doc, {
      title: `Drug cost attachment ${model.documentId}`,
      author: model.practice.name,
      subject: 'Unclassified drug (NOC HCPCS): administration record and acquisition cost',
      generatedAt: model.generatedAt,
    });
    return saveDocument(doc);
  }
}
