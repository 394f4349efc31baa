/**
 * The invoice editor keeps what the person typed, as text, in one value: header fields and the
 * lines. The contract's own schema checks it before sending; the service's refusals come back
 * with paths such as `lines.1.ndc` (0-based line index) and land in the same error map, so a
 * message from either source sits next to the same cell.
 */
import { ApiError } from '../api';
import { extendedCostOf, invoiceInputSchema, type Invoice, type InvoiceInput } from '../../../shared/domain/invoice';
import { Dec } from '../../../shared/domain/money';
import { formatNdc542 } from '../../../shared/domain/ndc';

export const LINE_FIELDS = [
  'ndc',
  'lotNumber',
  'expiryDate',
  'packageQuantity',
  'costPerPackage',
  'extendedCost',
  'discount',
] as const;
export type LineField = (typeof LINE_FIELDS)[number];

export type LineValues = {
  key: string;
  /** The stored line this row corrects (its lot keeps this id); absent on a new line. */
  id?: number;
  /** What already left a used lot ("10 ML"): such a line keeps its NDC and cannot be removed. */
  used?: string;
} & Record<LineField, string>;

export type InvoiceFormValues = {
  supplierId: string;
  invoiceNumber: string;
  invoiceDate: string;
  receivedDate: string;
  total: string;
  adjustment: string;
  notes: string;
  lines: LineValues[];
};
export type HeaderField = Exclude<keyof InvoiceFormValues, 'lines'>;

/** A message and its code, keyed by field path ("invoiceNumber", "lines.1.ndc"). */
export type FieldErrors = Record<string, { message: string; code: string }>;

let nextKey = 0;
/** Stable React keys for lines, so focus and typing survive adding and removing lines. */
export const newLineKey = (): string => `l${++nextKey}`;

export const emptyLine = (): LineValues => ({
  key: newLineKey(),
  ndc: '',
  lotNumber: '',
  expiryDate: '',
  packageQuantity: '',
  costPerPackage: '',
  extendedCost: '',
  discount: '',
});

export const emptyInvoice = (): InvoiceFormValues => ({
  supplierId: '',
  invoiceNumber: '',
  invoiceDate: '',
  receivedDate: '',
  total: '',
  adjustment: '',
  notes: '',
  lines: [emptyLine()],
});

/** "0.00" reads as nothing entered; any other amount is shown as stored. */
const blankIfZero = (s: string): string => (s !== '' && new Dec(s).isZero() ? '' : s);

/**
 * An extended cost that is just packages × cost is left empty, so correcting the cost corrects it
 * too; one printed otherwise is shown as printed.
 */
const extendedAsTyped = (l: Invoice['lines'][number]): string =>
  new Dec(l.extendedCost).equals(extendedCostOf({ ...l, extendedCost: '' })) ? '' : l.extendedCost;

export function invoiceToForm(inv: Invoice): InvoiceFormValues {
  return {
    supplierId: String(inv.supplierId),
    invoiceNumber: inv.invoiceNumber,
    invoiceDate: inv.invoiceDate,
    receivedDate: inv.receivedDate,
    total: inv.total ?? '',
    adjustment: blankIfZero(inv.adjustment),
    notes: inv.notes,
    lines: inv.lines.map((l) => ({
      key: newLineKey(),
      id: l.id,
      ...(l.inUse ? { used: `${new Dec(l.units).minus(l.onHand).toFixed()} ${l.ndcUnit}` } : {}),
      ndc: formatNdc542(l.ndc11),
      lotNumber: l.lotNumber,
      expiryDate: l.expiryDate,
      packageQuantity: l.packageQuantity,
      costPerPackage: l.costPerPackage,
      extendedCost: extendedAsTyped(l),
      discount: blankIfZero(l.discount),
    })),
  };
}

/** The contract's input: every value still text, except the supplier's id (none until chosen). */
export function formToInput(v: InvoiceFormValues): Omit<InvoiceInput, 'supplierId'> & { supplierId?: number } {
  return {
    ...(v.supplierId === '' ? {} : { supplierId: Number(v.supplierId) }),
    invoiceNumber: v.invoiceNumber,
    invoiceDate: v.invoiceDate,
    receivedDate: v.receivedDate,
    total: v.total,
    adjustment: v.adjustment,
    notes: v.notes,
    lines: v.lines.map(({ key: _key, used: _used, ...line }) => line),
  };
}

/** What is sent, once `validateInvoice` found nothing (so a supplier is chosen). */
export const invoiceInput = (v: InvoiceFormValues): InvoiceInput => ({
  ...formToInput(v),
  supplierId: Number(v.supplierId),
});

/** Check with the contract's schema; the messages keyed as the service would key them. */
export function validateInvoice(v: InvoiceFormValues): FieldErrors {
  const parsed = invoiceInputSchema.safeParse(formToInput(v));
  const errors: FieldErrors = {};
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    if (path in errors) continue;
    const code = (issue as { params?: { code?: string } }).params?.code ?? 'INVALID_INPUT';
    // zod's own wording for a missing number is not for people.
    const message = path === 'supplierId' ? 'Choose the supplier, or add it with “Add supplier”.' : issue.message;
    errors[path] = { message, code };
  }
  return errors;
}

/** Refusals without a field that still belong to one. */
const FIELD_FOR_CODE: Record<string, string> = {
  INVOICE_DUPLICATE: 'invoiceNumber',
  SUPPLIER_NOT_FOUND: 'supplierId',
};

/**
 * A service refusal as field errors (paths of `invoices:update`'s `invoice.` prefix removed), or
 * null when it names no field and belongs above the form.
 */
export function errorsFromApi(err: unknown): FieldErrors | null {
  if (!(err instanceof ApiError)) return null;
  const out: FieldErrors = {};
  for (const f of err.fields) {
    const path = f.field.startsWith('invoice.') ? f.field.slice('invoice.'.length) : f.field;
    if (!(path in out)) out[path] = { message: f.message, code: f.code };
  }
  const fallback = FIELD_FOR_CODE[err.code];
  if (err.fields.length === 0 && fallback) out[fallback] = { message: err.message, code: err.code };
  return Object.keys(out).length > 0 ? out : null;
}

/** The errors left after removing line `index`: that line's go, later lines move up one. */
export function errorsWithoutLine(errors: FieldErrors, index: number): FieldErrors {
  return reindexLines(errors, (i) => (i === index ? null : i > index ? i - 1 : i));
}

/** The errors after inserting a line at `index`: later lines move down one. */
export function errorsWithLineAt(errors: FieldErrors, index: number): FieldErrors {
  return reindexLines(errors, (i) => (i >= index ? i + 1 : i));
}

function reindexLines(errors: FieldErrors, move: (i: number) => number | null): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, e] of Object.entries(errors)) {
    const m = /^lines\.(\d+)(\..*)?$/.exec(path);
    if (!m) {
      out[path] = e;
      continue;
    }
    const to = move(Number(m[1]));
    if (to !== null) out[`lines.${to}${m[2] ?? ''}`] = e;
  }
  return out;
}

export const linePath = (index: number, field: LineField): string => `lines.${index}.${field}`;
