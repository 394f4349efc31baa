/**
 * What one audit-log entry changed, field by field, in words a biller reads. The log keeps each
 * record's whole snapshot before and after (audit-log.ts); this flattens both into leaf fields
 * ("estimate.totals.payerPays"), keeps the ones whose readable value differs, and names them
 * ("Estimate total › Payer pays") with their values as people write them ("$62.56", "Yes",
 * "Feb 20, 2025"). Pure: the same code runs wherever the log is shown.
 *
 * Policy:
 * - A field counts as changed when what a person would read differs, so "110" → "110.00" (the
 *   same money) is not a change, and a created or deleted record lists every field it had.
 * - Bookkeeping the log row itself already says (the record's own id, created/updated times) and
 *   numbers that sit beside their name (payerId next to payerName) are left out.
 * - Lists of records (invoice lines, estimate lines) are matched by their id, kind or line
 *   number, not by position, so removing the first line does not read as every line changing.
 */
import { TECHNIQUE_LABELS } from './administration-technique';
import { formatNdc542 } from './ndc';
import { JW_JZ_POLICY_LABELS, NARRATIVE_LOCATION_LABELS, PAYER_TYPE_LABELS } from './payer';
import { usdUnitPrice } from './money';

export type AuditFieldChange = {
  /** Dotted path of the field in the snapshot ("estimate.totals.payerPays", "lines.3.costPerPackage"). */
  path: string;
  /** The field in words: "Estimate total › Payer pays". */
  label: string;
  /** The readable value before and after; '' when the field was empty or absent. */
  before: string;
  after: string;
};

export type AuditDiffOptions = {
  /** Time zone timestamps are shown in; this computer's when absent (tests pin it). */
  timeZone?: string;
};

/** People's names for the fields the snapshots carry most often, by field name wherever it sits. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  // administration
  dateOfService: 'Date of service',
  patientName: 'Patient',
  payerName: 'Payer',
  drugName: 'Drug',
  ndc11: 'NDC',
  ndcPrinted: 'NDC as printed',
  lotNumber: 'Lot number',
  expiryDate: 'Expiry date',
  hcpcs: 'HCPCS code',
  wastedAmount: 'Amount discarded',
  givenQuantity: 'NDC quantity given',
  wastedQuantity: 'NDC quantity discarded',
  ndcUnit: 'NDC unit',
  route: 'Route',
  technique: 'Technique',
  infusionStart: 'Infusion start',
  infusionStop: 'Infusion stop',
  infusionMinutes: 'Infusion minutes',
  site: 'Injection site',
  orderingNpi: 'Ordering provider NPI',
  orderingProviderName: 'Ordering provider',
  renderingNpi: 'Rendering provider NPI',
  renderingProviderName: 'Rendering provider',
  diagnoses: 'Diagnoses (ICD-10)',
  medicalNecessity: 'Medical necessity',
  physicianNotes: 'Physician notes',
  billedCharge: 'Billed charge',
  wastedBilledCharge: 'Billed charge for the discarded amount',
  claimNumber: 'Claim number',
  status: 'Status',
  modifierOverride: 'Modifiers chosen by hand',
  estimateRefusal: 'Why no estimate',
  estimateWarnings: 'Estimate warnings',
  estimateAt: 'Estimate computed',
  estimateStale: 'Estimate out of date',
  contractId: 'Contract number',
  frozen: 'Locked (billed)',
  nocInstruction: 'Payer’s instruction to bill the NOC code',
  missing: 'Missing for billing',
  // estimate
  billed: 'Billed',
  allowed: 'Allowed',
  basis: 'Price basis',
  contractualAdjustment: 'Contractual adjustment',
  deductible: 'Deductible',
  coinsurance: 'Coinsurance',
  sequestration: 'Sequestration',
  payerPays: 'Payer pays',
  patientPays: 'Patient pays',
  acquisitionCost: 'Acquisition cost',
  margin: 'Margin',
  units: 'Units',
  ndcQuantity: 'NDC quantity',
  n4: 'NDC line (N4)',
  narrative: 'Narrative',
  modifiers: 'Modifiers',
  trace: 'How it was computed',
  warnings: 'Warnings',
  // invoice
  supplierName: 'Supplier',
  invoiceNumber: 'Invoice number',
  invoiceDate: 'Invoice date',
  receivedDate: 'Date received',
  total: 'Invoice total',
  adjustment: 'Invoice adjustment',
  packageQuantity: 'Packages',
  costPerPackage: 'Cost per package',
  extendedCost: 'Extended cost',
  discount: 'Discount',
  netCostPerPackage: 'Net cost per package',
  // drug and price
  genericName: 'Generic name',
  brandName: 'Brand name',
  strengthAmount: 'Strength',
  strengthUnit: 'Strength unit',
  packageSize: 'Package size',
  container: 'Container',
  priceType: 'Price type',
  pricePerPackage: 'Price per package',
  effectiveFrom: 'Effective from',
  effectiveTo: 'Effective to',
  source: 'Source',
  // patient
  lastName: 'Last name',
  firstName: 'First name',
  dateOfBirth: 'Date of birth',
  accountNumber: 'Account / MRN',
  memberId: 'Member ID',
  // payer and contract
  name: 'Name',
  payerType: 'Payer type',
  payerCode: 'Payer ID',
  requiresInvoice: 'Requires the invoice',
  nocUnitsMode: 'How NOC units are counted',
  nocUnitsPerAmount: 'NOC unit size',
  nocUnitsPerUnit: 'NOC unit size unit',
  ndcUnits: 'NDC units accepted',
  jwJzPolicy: 'JW/JZ policy',
  narrativeLocation: 'Where the narrative goes',
  timelyFilingDays: 'Timely filing (days)',
  notes: 'Notes',
  contacts: 'Contacts',
  profileConfirmedAt: 'Requirements confirmed',
  label: 'Name',
  scopeKind: 'Applies to',
  scopeValue: 'Applies to (which)',
  percent: 'Percent',
  addOn: 'Add-on',
  feeScheduleRate: 'Fee schedule rate',
  feeSchedulePerAmount: 'Fee schedule per amount',
  feeSchedulePerUnit: 'Fee schedule per unit',
  lesserOfBilled: 'Lesser of billed charge',
  coinsurancePercent: 'Coinsurance percent',
  // practice and others
  addressLine1: 'Address',
  addressLine2: 'Address line 2',
  city: 'City',
  state: 'State',
  zip: 'ZIP code',
  phone: 'Phone',
  billingContact: 'Billing contact',
  npi: 'NPI',
  tin: 'Tax ID (TIN)',
  fileName: 'File name',
  totalPaid: 'Total paid',
  paid: 'Paid',
  amount: 'Amount',
  reason: 'Reason',
  note: 'Note',
  quantity: 'Quantity',
  onHand: 'On hand',
  purchased: 'Purchased',
  used: 'Used',
  adjusted: 'Adjusted',
  daysToExpiry: 'Days to expiry',
  value: 'Value',
};

/** Labels that depend on where a field sits (array elements written as `*`); checked before FIELD_LABELS. */
export const PATH_LABELS: Readonly<Record<string, string>> = {
  estimate: 'Estimate',
  'estimate.ok': 'Estimate could be computed',
  'estimate.totals': 'Estimate total',
  'estimate.warnings': 'Estimate warnings',
  'estimate.trace': 'How the estimate was computed',
  dose: 'Dose',
  'dose.amount': 'Dose given',
  'dose.unit': 'Dose unit',
  scan: 'Invoice scan',
  'scan.fileName': 'Invoice scan',
  'nocInstruction.note': 'Payer’s instruction to bill the NOC code',
  'nocInstruction.at': 'NOC instruction noted',
  'nocInstruction.by': 'NOC instruction noted by',
};

/** Fields no person needs in a change list: the log row already says what and when (and `version` is bookkeeping). */
const HIDDEN_KEYS = new Set([
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'sha256',
  'mediaType',
  'invoiceLineId',
  'invoiceId',
]);

/** Amounts in dollars, by field name (a stored decimal string is shown as "$1,234.50"). */
const MONEY_KEYS = new Set([
  'billedCharge',
  'wastedBilledCharge',
  'billed',
  'allowed',
  'basis',
  'contractualAdjustment',
  'deductible',
  'coinsurance',
  'sequestration',
  'payerPays',
  'patientPays',
  'acquisitionCost',
  'margin',
  'total',
  'adjustment',
  'costPerPackage',
  'extendedCost',
  'discount',
  'netCostPerPackage',
  'pricePerPackage',
  'addOn',
  'feeScheduleRate',
  'totalPaid',
  'paid',
  'charge',
]);

const PERCENT_KEYS = new Set(['percent', 'coinsurancePercent']);

/** Coded values in the words the forms show them with, by field name. */
const VALUE_WORDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // The claim statuses as the rest of the app writes them.
  status: {
    draft: 'Draft',
    ready: 'Ready to bill',
    billed: 'Billed',
    paid: 'Paid',
    denied: 'Denied',
    appealed: 'Appealed',
  },
  technique: TECHNIQUE_LABELS,
  payerType: PAYER_TYPE_LABELS,
  jwJzPolicy: JW_JZ_POLICY_LABELS,
  narrativeLocation: NARRATIVE_LOCATION_LABELS,
  container: { 'single-dose': 'Single-dose', 'multi-dose': 'Multi-dose' },
  nocUnitsMode: {
    'one-per-line': '1 unit per NOC line (the dose goes in the narrative)',
    'per-quantity': 'Units per stated amount of drug',
  },
};

/** How the elements of a list of records are named: "Line 2", "Given line". */
const KIND_WORDS: Readonly<Record<string, string>> = {
  given: 'Given line',
  wasted: 'Discarded (JW) line',
};

/** "wastedBilledCharge" → "Wasted billed charge"; "era_file" → "Era file"; "ndc11" → "Ndc 11". */
export function decamel(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

type Leaf = { path: string; label: string; key: string; value: unknown };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const keyLabel = (key: string): string => FIELD_LABELS[key] ?? decamel(key);

/** A label for a path whose normalized form (array elements as `*`) is `pattern`, under `parent`. */
function labelAt(pattern: string, key: string, parent: string): string {
  const own = PATH_LABELS[pattern];
  if (own !== undefined) return own;
  const name = keyLabel(key);
  return parent ? `${parent} › ${name}` : name;
}

/**
 * How the elements of a list of records are told apart: by `id`, else `kind`, else `lineNumber`
 * when every element has a distinct one; else by position. Returns each element's key.
 */
function elementKeys(items: readonly Record<string, unknown>[]): string[] {
  for (const field of ['id', 'kind', 'lineNumber']) {
    const keys = items.map((item) => item[field]);
    const usable = keys.every((k) => typeof k === 'string' || typeof k === 'number');
    if (usable && new Set(keys).size === keys.length) return keys.map(String);
  }
  return items.map((_, i) => String(i + 1));
}

/**
 * "Given line", "Line 2" (with the field it is named by, which then need not be listed again);
 * otherwise the list's own name and the element's key ("Estimate warnings 1").
 */
function elementLabel(
  item: Record<string, unknown>,
  key: string,
  list: string,
  parent: string,
): { label: string; naming?: string } {
  const kind = typeof item.kind === 'string' ? KIND_WORDS[item.kind] : undefined;
  const within = (own: string) => (parent ? `${parent} › ${own}` : own);
  if (kind !== undefined) return { label: within(kind), naming: 'kind' };
  if (typeof item.lineNumber === 'number') return { label: within(`Line ${item.lineNumber}`), naming: 'lineNumber' };
  return { label: `${list} ${key}` };
}

/** A place in a snapshot: its path, the path with list elements as `*`, its field name, label and parent's label. */
type At = { path: string; pattern: string; key: string; label: string; parent: string };

/** Where field `key` of the object at `at` sits, and what it is called there. */
function child(at: At, key: string): At {
  const pattern = at.pattern ? `${at.pattern}.${key}` : key;
  return {
    path: at.path ? `${at.path}.${key}` : key,
    pattern,
    key,
    label: labelAt(pattern, key, at.label),
    parent: at.label,
  };
}

/** Every leaf field of a snapshot with its path and label; lists of plain values are one leaf. */
export function flattenSnapshot(snapshot: unknown): Leaf[] {
  const leaves: Leaf[] = [];
  const walk = (value: unknown, at: At, siblings: object): void => {
    if (HIDDEN_KEYS.has(at.key) || isNamedId(at.key, siblings)) return;
    if (isRecord(value) && Object.keys(value).length > 0) {
      for (const [k, v] of Object.entries(value)) walk(v, child(at, k), value);
      return;
    }
    if (Array.isArray(value) && value.length > 0 && value.every(isRecord)) {
      const keys = elementKeys(value);
      value.forEach((item, i) => {
        const key = keys[i] as string;
        const { label, naming } = elementLabel(item, key, at.label, at.parent);
        const element: At = { path: `${at.path}.${key}`, pattern: `${at.pattern}.*`, key, label, parent: label };
        for (const [k, v] of Object.entries(item)) if (k !== naming) walk(v, child(element, k), item);
      });
      return;
    }
    leaves.push({ path: at.path || 'value', label: at.label || 'Value', key: at.key || 'value', value });
  };
  walk(snapshot, { path: '', pattern: '', key: '', label: '', parent: '' }, {});
  return leaves;
}

/** `payerId` beside `payerName` says the same thing in a number: leave it out. */
function isNamedId(key: string, siblings: object): boolean {
  return key.endsWith('Id') && key.length > 2 && `${key.slice(0, -2)}Name` in siblings;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const DATE_FORMAT = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
const timeFormats = new Map<string, Intl.DateTimeFormat>();

function timestampText(iso: string, timeZone: string | undefined): string {
  const zone = timeZone ?? '';
  let format = timeFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      dateStyle: 'medium',
      timeStyle: 'short',
      ...(timeZone ? { timeZone } : {}),
    });
    timeFormats.set(zone, format);
  }
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : format.format(ms);
}

/** One stored value as people read it: "$1,200.00", "95%", "Yes", "Feb 20, 2025", "C50.911; E11.9". */
export function readableValue(key: string, value: unknown, options: AuditDiffOptions = {}): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const items = value.map((v) => readableValue(key, v, options)).filter((v) => v !== '');
    // A list of sentences (a trace, warnings) reads better one per line than run together.
    return items.join(items.some((v) => v.length > 40) ? '\n' : '; ');
  }
  if (isRecord(value)) {
    const entries = Object.entries(value)
      .map(([k, v]) => [keyLabel(k), readableValue(k, v, options)] as const)
      .filter(([, v]) => v !== '');
    return entries.map(([k, v]) => `${k}: ${v}`).join('; ');
  }
  if (typeof value !== 'string') return String(value);
  const text = value.trim();
  if (text === '') return '';
  if (MONEY_KEYS.has(key) && DECIMAL.test(text)) return usdUnitPrice(text);
  if (PERCENT_KEYS.has(key) && DECIMAL.test(text)) return `${text}%`;
  if (key === 'ndc11') return formatNdc542(text);
  const word = VALUE_WORDS[key]?.[text];
  if (word !== undefined) return word;
  const date = ISO_DATE.exec(text);
  if (date) return DATE_FORMAT.format(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])));
  if (ISO_TIMESTAMP.test(text)) return timestampText(text, options.timeZone);
  return text;
}

/**
 * The fields that differ between a record's snapshot before and after one change, in the order
 * the record lists them (fields only the old snapshot had come last). A creation lists every
 * field it was given, a deletion every field it had.
 */
export function auditChanges(before: unknown, after: unknown, options: AuditDiffOptions = {}): AuditFieldChange[] {
  const old = new Map(flattenSnapshot(before ?? {}).map((l) => [l.path, l]));
  const now = new Map(flattenSnapshot(after ?? {}).map((l) => [l.path, l]));
  const paths = [...now.keys(), ...[...old.keys()].filter((p) => !now.has(p))];
  const changes: AuditFieldChange[] = [];
  for (const path of paths) {
    const a = old.get(path);
    const b = now.get(path);
    const leaf = (b ?? a) as Leaf;
    const beforeText = a ? readableValue(a.key, a.value, options) : '';
    const afterText = b ? readableValue(b.key, b.value, options) : '';
    if (beforeText !== afterText) changes.push({ path, label: leaf.label, before: beforeText, after: afterText });
  }
  return changes;
}
