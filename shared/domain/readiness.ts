/**
 * The readiness checklist of one administration, from the billing guide's documentation table
 * (drug generic and brand name, 11-digit NDC, exact dose, route and technique, medical necessity) plus what a
 * J3490 claim also needs (acquisition cost from the invoice, lot/batch number, physician notes)
 * and what the payer asks for (requirements confirmed; the invoice scan when it requires one).
 * "Ready to bill" means every item is ok; otherwise the items that are not say what is missing.
 * The technique was added to the record after claims had gone out: a frozen (billed) record that
 * has none passes that item, as it can no longer be changed and its attachment must still be
 * made again on request.
 */
import type { ReadinessItem } from './administration';
import { infusionMinutesOf, techniqueText, type TechniqueFacts } from './administration-technique';
import type { Warning } from './result';
import type { EstimateResult } from './scenario';
import { localDay } from './local-time';

export type ReadinessInput = {
  genericName: string;
  brandName: string;
  ndc11: string;
  dose: { amount: string; unit: string };
  route: string;
  technique: TechniqueFacts;
  /** Billed, paid, denied or appealed: the record can no longer be changed. */
  frozen: boolean;
  diagnoses: readonly string[];
  medicalNecessity: string;
  physicianNotes: string;
  lotNumber: string;
  netCostPerPackage: string | null;
  orderingNpi: string;
  renderingNpi: string;
  payer: { name: string; requiresInvoice: boolean; profileConfirmedAt: string | null };
  invoiceHasScan: boolean;
  estimate: EstimateResult | null;
  estimateRefusal: { code: string; message: string } | null;
  /** The estimate's warnings: the code check's (issue 13) are among them. */
  codeWarnings: readonly Warning[];
  /** The payer told the biller to bill the NOC code although a specific code exists. */
  nocInstruction: NocInstruction | null;
};

export type NocInstruction = { note: string; at: string; by: string };

/**
 * What the code check says that stops a claim: a specific code exists for a NOC line (unless the
 * payer instructed NOC use, the billing guide's fourth case), or the code billed is not one the
 * HCPCS set has on that date. An unverified code (no HCPCS update imported) is a warning only.
 */
const CODE_BLOCKERS = ['SPECIFIC_CODE_EXISTS', 'HCPCS_UNKNOWN', 'HCPCS_TERMINATED', 'HCPCS_NOT_YET_EFFECTIVE'];

export function readinessChecklist(a: ReadinessInput): { ready: boolean; items: ReadinessItem[] } {
  const item = (key: string, label: string, ok: boolean, detail: string): ReadinessItem => ({ key, label, ok, detail });
  const items: ReadinessItem[] = [
    item(
      'drug-names',
      'Drug generic and brand name',
      a.genericName.trim() !== '',
      a.brandName ? `${a.genericName} (${a.brandName})` : `${a.genericName}; no brand name in the catalog`,
    ),
    item('ndc', '11-digit NDC', /^\d{11}$/.test(a.ndc11), a.ndc11),
    item('dose', 'Exact dose given', a.dose.amount !== '' && a.dose.amount !== '0', `${a.dose.amount} ${a.dose.unit}`),
    item('route', 'Route / administration method', a.route.trim() !== '', a.route || 'Enter the route.'),
    techniqueItem(a.technique, a.frozen),
    item(
      'medical-necessity',
      'Medical necessity (ICD-10 and rationale)',
      a.diagnoses.length > 0 && a.medicalNecessity.trim() !== '',
      a.diagnoses.length === 0
        ? 'Add at least one ICD-10 diagnosis.'
        : a.medicalNecessity.trim() === ''
          ? 'Write the clinical rationale.'
          : a.diagnoses.join(', '),
    ),
    item(
      'acquisition-cost',
      'Acquisition cost (invoice line)',
      a.netCostPerPackage !== null,
      a.netCostPerPackage !== null ? `$${a.netCostPerPackage} per package` : 'Link the lot to its invoice line.',
    ),
    item('lot', 'Lot / batch number', a.lotNumber.trim() !== '', a.lotNumber || 'Choose the lot.'),
    item(
      'physician-notes',
      'Physician notes',
      a.physicianNotes.trim() !== '',
      a.physicianNotes.trim() ? 'Entered' : 'Add the physician notes.',
    ),
    item(
      'providers',
      'Ordering and rendering provider NPIs',
      a.orderingNpi !== '' && a.renderingNpi !== '',
      a.orderingNpi === '' || a.renderingNpi === '' ? 'Enter both NPIs.' : `${a.orderingNpi} / ${a.renderingNpi}`,
    ),
    item(
      'payer-requirements',
      `${a.payer.name} requirements confirmed`,
      a.payer.profileConfirmedAt !== null,
      a.payer.profileConfirmedAt
        ? `Confirmed ${localDay(a.payer.profileConfirmedAt)}`
        : 'Confirm the payer’s J3490 requirements (Payers).',
    ),
    item(
      'invoice-scan',
      'Invoice scan attached',
      !a.payer.requiresInvoice || a.invoiceHasScan,
      a.payer.requiresInvoice
        ? a.invoiceHasScan
          ? 'Attached'
          : `${a.payer.name} requires the invoice: attach its scan (Invoices).`
        : `${a.payer.name} does not require it`,
    ),
    codeItem(a),
    item(
      'claim-lines',
      'Claim lines and expected payment',
      a.estimate !== null,
      a.estimate ? a.estimate.lines.map((l) => l.n4).join('; ') : (a.estimateRefusal?.message ?? 'Not computed yet.'),
    ),
  ];
  return { ready: items.every((i) => i.ok), items };
}

function codeItem(a: ReadinessInput): ReadinessItem {
  const blocking = a.codeWarnings.filter((w) => CODE_BLOCKERS.includes(w.code));
  const specific = blocking.find((w) => w.code === 'SPECIFIC_CODE_EXISTS');
  const others = blocking.filter((w) => w.code !== 'SPECIFIC_CODE_EXISTS');
  const instructed = specific !== undefined && a.nocInstruction !== null;
  const ok = a.frozen || (others.length === 0 && (specific === undefined || instructed));
  const detail =
    others[0]?.message ??
    (specific
      ? instructed
        ? `The payer said to bill this code: ${a.nocInstruction?.note ?? ''} (recorded by ${a.nocInstruction?.by ?? ''}, ${a.nocInstruction ? localDay(a.nocInstruction.at) : ''})`
        : specific.message
      : 'No specific code covers this drug on this date.');
  return { key: 'hcpcs-code', label: 'HCPCS code checked', ok, detail };
}

function techniqueItem(t: TechniqueFacts, frozen: boolean): ReadinessItem {
  const complete = t.technique !== '' && (t.technique !== 'iv-infusion' || infusionMinutesOf(t) !== null);
  const detail = complete
    ? techniqueText(t)
    : t.technique === 'iv-infusion'
      ? 'Enter the infusion’s start and stop times or its duration.'
      : frozen
        ? 'Not recorded (the claim went out before the technique was asked for).'
        : 'Choose how it was given: IV push, IV infusion (with its times), injection or other.';
  return {
    key: 'technique',
    label: 'Administration technique',
    ok: complete || (frozen && t.technique === ''),
    detail,
  };
}
