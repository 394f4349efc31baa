/**
 * The audit log in words: each kind of record the log names (its `entity`), what was done to it,
 * and which record it was ("INV-500 from McKesson"), taken from the snapshot the log kept so a
 * deleted record is still named. Kinds the app adds later read as their de-snaked name.
 */
import { decamel, readableValue } from './audit-diff';
import { formatNdc542 } from './ndc';

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'import'] as const;
export type AuditActionKind = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_WORDS: Readonly<Record<AuditActionKind, string>> = {
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
  import: 'Imported',
};

/** People's names for the kinds of record in the log, singular. */
export const AUDIT_ENTITY_WORDS: Readonly<Record<string, string>> = {
  administration: 'Administration',
  invoice: 'Invoice',
  drug: 'Drug',
  drug_price: 'Drug price',
  price: 'Drug price',
  payer: 'Payer',
  contract: 'Contract',
  patient: 'Patient',
  supplier: 'Supplier',
  provider: 'Provider',
  practice: 'Practice details',
  setting: 'Setting',
  document: 'Document',
  import: 'File import',
  reference_import: 'Reference data import',
  transition_checklist: 'Code change checklist',
  era_file: '835 remittance file',
  remittance: 'Remittance',
  remittance_line: 'Remittance line',
  payment: 'Payment',
  stock_adjustment: 'Stock adjustment',
  user: 'Account',
};

export function entityWords(entity: string): string {
  return AUDIT_ENTITY_WORDS[entity] ?? decamel(entity);
}

export const actionWords = (action: string): string => AUDIT_ACTION_WORDS[action as AuditActionKind] ?? decamel(action);

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

const SETTING_WORDS: Readonly<Record<string, string>> = {
  variance_tolerance: 'Underpayment tolerance',
  lock_after_minutes: 'Minutes without use before the app locks',
  passphrase: 'Passphrase',
};

/**
 * Which record an entry is about, in words: from the snapshot after the change, or before it for
 * a deletion. Falls back to the record's number when the snapshot names nothing.
 */
export function recordTitle(entity: string, entityId: string, before: unknown, after: unknown): string {
  const snap = (after ?? before ?? {}) as Record<string, unknown>;
  const s = (key: string) => text(snap[key]);
  const date = (key: string) => (s(key) ? readableValue(key, s(key)) : '');
  const join = (...parts: string[]) => parts.filter(Boolean).join(' · ');
  const titled = ((): string => {
    switch (entity) {
      case 'administration':
        return join(s('patientName'), s('drugName'), date('dateOfService'));
      case 'invoice':
        return s('invoiceNumber') && s('supplierName')
          ? `${s('invoiceNumber')} from ${s('supplierName')}`
          : s('invoiceNumber');
      case 'patient':
        return s('lastName') ? join(`${s('lastName')}, ${s('firstName')}`, s('accountNumber')) : '';
      case 'drug':
        return join(s('genericName') + (s('brandName') ? ` (${s('brandName')})` : ''), s('ndcPrinted'));
      case 'drug_price':
      case 'price':
        return join(
          s('priceType'),
          s('ndc11') ? formatNdc542(s('ndc11')) : '',
          date('effectiveFrom') && `from ${date('effectiveFrom')}`,
        );
      case 'contract':
        return s('label');
      case 'practice':
        return s('name');
      case 'setting':
        return SETTING_WORDS[entityId] ?? decamel(entityId);
      case 'transition_checklist': {
        const [ndc11 = '', item = ''] = entityId.split(':');
        return join(formatNdc542(ndc11), decamel(item));
      }
      default:
        return s('name') || s('label') || s('fileName') || s('invoiceNumber') || s('title');
    }
  })();
  return titled || (entityId === '*' ? 'All records' : `Number ${entityId}`);
}
