/**
 * The reimbursement worksheet: the practice's own record of what it expects a payer to pay for
 * each line, the figures, the claim lines, the warnings and the engine's trace step by step.
 * Policy: internal only. Its heading says so on the first page and its title in the metadata
 * too, so a worksheet printed or saved by mistake announces what it is. The same footer as the
 * attachment ("Document … · generated … · Page X of Y"), so a loose page can be put back. The
 * same rule for text too: every field is checked printable first (printable-text.ts).
 */
import { type WorksheetModel } from './attachment-model';
import { newDocument, saveDocument, setDocumentInfo } from './document-info';
import { labelledTexts } from './field-labels';
import { embedFonts } from './fonts';
import { MARGIN, PageFlow } from './page-layout';
import { drawBottomLine, footerText } from './page-stamps';
import { checkPrintable } from './printable-text';

const dash = (s: string): string => (s.trim() === '' ? '—' : s);

type WorksheetLine = WorksheetModel['lines'][number];

function writeLine(flow: PageFlow, line: WorksheetLine, index: number, count: number): void {
  flow.space(4);
  flow.rule();
  flow.heading(`Line ${index + 1} of ${count} — ${dash(line.drug)}`, 11);
  flow.fields(
    [
      ['Date of service', dash(line.dateOfService)],
      ['HCPCS', dash(line.hcpcs)],
      ['NDC (11-digit)', dash(line.ndc11)],
      ['Administration', String(line.administrationId)],
      ['Contract', dash(line.contract)],
      ['Estimate', `${dash(line.estimateAt)} (${line.frozen ? 'frozen: claim billed' : 'live: follows the data'})`],
    ],
    { labelWidth: 110 },
  );
  if (line.refusal !== null) {
    flow.heading('No estimate', 9.5);
    flow.text(dash(line.refusal));
  }
  if (line.figures.length > 0) {
    flow.heading('Figures', 9.5);
    flow.table(
      [
        { header: 'Item', width: 300 },
        { header: 'Amount', width: 204 },
      ],
      line.figures.map((f) => [f.label, f.value]),
    );
  }
  if (line.claimLines.length > 0) {
    flow.heading('Claim lines', 9.5);
    for (const c of line.claimLines) flow.text(`• ${c}`, { indent: 6 });
  }
  if (line.warnings.length > 0) {
    flow.heading('Warnings', 9.5);
    for (const w of line.warnings) flow.text(`• ${w}`, { indent: 6 });
  }
  if (line.trace.length > 0) {
    flow.heading('How the estimate was reached', 9.5);
    line.trace.forEach((step, i) => flow.text(`${i + 1}. ${step}`, { indent: 6, size: 8.5 }));
  }
}

/** The internal worksheet as PDF bytes. Throws TextUnprintableError before anything is made. */
export async function renderWorksheet(model: WorksheetModel): Promise<Uint8Array> {
  const fallbacks = checkPrintable(labelledTexts(model));
  const doc = await newDocument();
  const fonts = await embedFonts(doc, fallbacks);
  const flow = new PageFlow(doc, fonts);
  flow.text('Reimbursement worksheet — internal, do not send to the payer', { bold: true, size: 13 });
  flow.space(4);
  flow.fields(
    [
      ['Practice', dash(model.practiceName)],
      ['Payer', dash(model.payerName)],
      ['Patient', dash(model.patientName)],
      ['Claim / control no.', model.claimNumber.trim() === '' ? 'not assigned yet' : model.claimNumber],
      ['Prepared by', dash(model.generatedBy)],
    ],
    { columns: 2, labelWidth: 100 },
  );
  model.lines.forEach((line, i) => writeLine(flow, line, i, model.lines.length));
  if (model.lines.length === 0) flow.text('No lines.');
  const total = flow.pages.length;
  flow.pages.forEach((page, i) =>
    drawBottomLine(page, footerText(model.documentId, model.generatedAt, i + 1, total), fonts.regular, {
      size: 7.5,
      fromBottom: 28,
      sideMargin: MARGIN,
    }),
  );
  setDocumentInfo(doc, {
    title: `Reimbursement worksheet ${model.documentId} (internal, not for the payer)`,
    author: model.practiceName,
    subject: 'Internal reimbursement worksheet: expected payment and its trace',
    generatedAt: model.generatedAt,
  });
  return saveDocument(doc);
}
