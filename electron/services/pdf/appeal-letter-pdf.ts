/**
 * The appeal letter for an underpaid or denied J3490 claim line: a request for reconsideration
 * on the practice's letterhead that states the contract terms in force on the date of service,
 * shows how the contracted amount of each line is computed (the estimate's own trace), sets it
 * against what the payer allowed and paid, lists the payer's adjustment and remark codes with
 * their meanings, and asks for the difference.
 *
 * Policy:
 * - Only the AppealLetterModel is printed, through the same page flow, fonts and checks as the
 *   cost attachment: every field is checked printable before anything is drawn (a character no
 *   face has refuses the letter, naming the field), long text wraps, what does not fit flows
 *   onto the next page, and a table's header repeats after a page break.
 * - Every page says whose letter it is, for which claim, and "Page X of Y", so a page that comes
 *   loose from a fax still says where it belongs.
 * - Same model, same bytes: the creation and modification dates are the letter's date (midnight
 *   UTC), nothing reads the clock (document-info.ts).
 * - The metadata carries no patient data (document-info.ts), so not the claim number either.
 */
import { type AppealLetterModel, type AppealLine } from './appeal-letter-model';
import { newDocument, saveDocument, setDocumentInfo } from './document-info';
import { labelledTexts } from './field-labels';
import { embedFonts } from './fonts';
import { MARGIN, PageFlow } from './page-layout';
import { drawBottomLine } from './page-stamps';
import { checkPrintable } from './printable-text';
import { MONTH_NAMES as MONTHS } from '../../../shared/domain/months';

const PARAGRAPH = 9.5;

/** "March 1, 2025" from "2025-03-01", the same on every machine (no locale); the text as given otherwise. */
function letterDateText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${month} ${Number(m[3])}, ${m[1]}` : iso;
}

const dash = (s: string): string => (s.trim() === '' ? '—' : s);

function appealSubject(model: Pick<AppealLetterModel, 'subject' | 'lines'>): string {
  if (model.subject === 'underpaid') return 'Re: Request for reconsideration of an underpaid claim';
  return model.lines.length > 1
    ? 'Re: Request for reconsideration of denied claim lines'
    : 'Re: Request for reconsideration of a denied claim line';
}

function opening(model: AppealLetterModel): string {
  const payer = dash(model.payerName);
  if (model.subject === 'underpaid') {
    return (
      `We ask you to reconsider the claim above. ${model.lines.length > 1 ? 'Its lines' : 'Its line'} for ` +
      `${dash(model.drug.name)} ${model.lines.length > 1 ? 'were' : 'was'} processed below the amount our contract ` +
      `with ${payer} sets for the date of service. The contract terms, how the contracted amount is computed, and ` +
      'what was allowed and paid are set out below.'
    );
  }
  return (
    `We ask you to reconsider the denial of ${model.lines.length > 1 ? 'the claim lines' : 'the claim line'} for ` +
    `${dash(model.drug.name)} on the claim above. The drug was administered as documented and is payable under our ` +
    `contract with ${payer} on the date of service. The contract terms, how the contracted amount is computed, and ` +
    'the codes given for the denial are set out below.'
  );
}

function closing(model: AppealLetterModel): string {
  const claim = model.claimNumber.trim() === '' ? 'this claim' : `claim ${model.claimNumber}`;
  const theirs = model.payerClaimNumbers.length > 0 ? ` (your claim number ${model.payerClaimNumbers.join(', ')})` : '';
  const pay =
    model.amountOwed === null
      ? 'correct the allowed amount to the contracted amount shown above'
      : `pay the difference of ${model.amountOwed} between the contracted payment and the payment made`;
  return (
    `Please reprocess ${claim}${theirs} at the contracted rate and ${pay}. We will gladly send the ` +
    'administration record, the drug cost attachment with the supplier invoice, or anything else you need.'
  );
}

function writeLetterhead(flow: PageFlow, model: AppealLetterModel): void {
  const p = model.practice;
  flow.text(dash(p.name), { bold: true, size: 14 });
  for (const line of p.addressLines) flow.text(line);
  flow.text(`Phone ${dash(p.phone)} · NPI ${dash(p.npi)} · TIN ${dash(p.tin)}`);
  flow.rule(0.8);
  flow.space(6);
  flow.text(letterDateText(model.letterDate), { size: PARAGRAPH });
  flow.space(6);
  flow.text(`To: ${dash(model.payerName)}`, { size: PARAGRAPH });
  flow.text('Attention: claims reconsideration and appeals', { size: PARAGRAPH });
  flow.space(6);
  flow.text(appealSubject(model), { bold: true, size: 11 });
  flow.space(3);
  flow.fields(
    [
      ['Patient', dash(model.patient.name)],
      ['Member ID', dash(model.patient.memberId)],
      ['Date of birth', dash(model.patient.dateOfBirth)],
      ['Date of service', dash(model.dateOfService)],
      ['Our claim number', model.claimNumber.trim() === '' ? 'not assigned' : model.claimNumber],
      [
        'Your claim number',
        model.payerClaimNumbers.length > 0 ? model.payerClaimNumbers.join(', ') : 'not on the remittance',
      ],
    ],
    { columns: 2, labelWidth: 96 },
  );
  flow.fields(
    [
      ['Drug', dash(model.drug.name)],
      ['NDC', dash(model.drug.ndc)],
      ['Claim lines', dash(model.claimLines.join('\n'))],
    ],
    { labelWidth: 96 },
  );
}

function writeLine(flow: PageFlow, line: AppealLine, index: number, count: number): void {
  flow.space(4);
  flow.rule();
  const heading = `${dash(line.codes)}, ${dash(line.units)} unit${line.units === '1' ? '' : 's'} (${line.label}): ${line.status.toLowerCase()}`;
  flow.heading(count > 1 ? `Claim line ${index + 1} of ${count}: ${heading}` : `Claim line: ${heading}`, 10.5);

  flow.heading('How the contracted amount is computed', 9.5);
  if (line.trace.length === 0) flow.text('—');
  line.trace.forEach((step, i) => flow.text(`${i + 1}. ${step}`, { indent: 6, size: 8.5 }));

  flow.heading('Contracted amount and what was processed', 9.5);
  flow.table(
    [
      { header: '', width: 180 },
      { header: 'Per contract', width: 108 },
      { header: 'As processed', width: 108 },
      { header: 'Difference', width: 108 },
    ],
    line.amounts.map((a) => [a.label, a.expected, a.actual, a.difference]),
  );
  if (line.payments.length > 0) flow.text(`Processed on: ${line.payments.join('; ')}.`, { size: 8.5 });

  flow.heading('Adjustment and remark codes on the remittance', 9.5);
  if (line.adjustments.length === 0 && line.remarks.length === 0) {
    flow.text('The remittance gave no adjustment or remark code for this line.', { size: 8.5 });
    return;
  }
  flow.table(
    [
      { header: 'Code', width: 64 },
      { header: 'Amount', width: 76 },
      { header: 'Meaning', width: 364 },
    ],
    [
      ...line.adjustments.map((a) => [a.code, a.amount, dash(a.meaning)]),
      ...line.remarks.map((r) => [r.code, '', dash(r.meaning)]),
    ],
  );
}

function writeLetter(flow: PageFlow, model: AppealLetterModel): void {
  writeLetterhead(flow, model);
  flow.space(8);
  flow.text('Dear Reviewer,', { size: PARAGRAPH });
  flow.space(4);
  flow.text(opening(model), { size: PARAGRAPH });

  flow.heading(`Contract terms in force on ${dash(model.dateOfService)}`, 10.5);
  for (const sentence of model.contractTerms) flow.text(`• ${sentence}`, { indent: 6, size: PARAGRAPH });

  model.lines.forEach((line, i) => writeLine(flow, line, i, model.lines.length));

  flow.space(4);
  flow.rule();
  flow.heading('Request', 10.5);
  flow.text(closing(model), { size: PARAGRAPH });
  const p = model.practice;
  flow.space(4);
  flow.text(
    `Please direct any question about this request to ${dash(p.billingContact)}, billing, at ${dash(p.phone)}.`,
    { size: PARAGRAPH },
  );
  flow.space(10);
  flow.text('Sincerely,', { size: PARAGRAPH });
  flow.space(22);
  flow.text(dash(p.billingContact), { size: PARAGRAPH });
  flow.text(`Billing, ${dash(p.name)}`, { size: PARAGRAPH });
  flow.text(`Phone ${dash(p.phone)} · NPI ${dash(p.npi)}`, { size: PARAGRAPH });
}

const footer = (model: AppealLetterModel, page: number, total: number): string => {
  const claim = model.claimNumber.trim() === '' ? 'claim not numbered' : `claim ${model.claimNumber}`;
  return `${model.practice.name} · Request for reconsideration, ${claim} · ${letterDateText(model.letterDate)} · Page ${page} of ${total}`;
};

/** The appeal letter as PDF bytes. Throws TextUnprintableError before anything is made. */
export async function renderAppealLetter(model: AppealLetterModel): Promise<Uint8Array> {
  const fallbacks = checkPrintable(labelledTexts(model));
  const doc = await newDocument();
  const fonts = await embedFonts(doc, fallbacks);
  const flow = new PageFlow(doc, fonts);
  writeLetter(flow, model);
  const total = flow.pages.length;
  flow.pages.forEach((page, i) =>
    drawBottomLine(page, footer(model, i + 1, total), fonts.regular, {
      size: 7.5,
      fromBottom: 28,
      sideMargin: MARGIN,
    }),
  );
  setDocumentInfo(doc, {
    title: 'Request for reconsideration of a claim',
    author: model.practice.name,
    subject: `Appeal of ${model.subject === 'underpaid' ? 'an underpaid' : 'a denied'} drug claim line (HCPCS J3490 or another NOC code)`,
    generatedAt: `${model.letterDate}T00:00:00.000Z`,
  });
  return saveDocument(doc);
}
