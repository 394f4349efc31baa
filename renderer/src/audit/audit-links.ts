/**
 * Where a record named in the audit log can be opened: its own page when it has one, else the
 * page that lists its kind. None for a deletion (the record is gone) or a kind with no page.
 */
import type { AuditEntryView } from '../../../shared/api/audit-channels';

const DETAIL_PAGES: Readonly<Record<string, string>> = {
  administration: '/administrations/',
  invoice: '/invoices/',
  payer: '/payers/',
  patient: '/patients/',
  era_file: '/remittances/files/',
};

const LIST_PAGES: Readonly<Record<string, string>> = {
  drug: '/drugs',
  drug_price: '/prices',
  price: '/prices',
  supplier: '/suppliers',
  provider: '/providers',
  practice: '/settings',
  reference_import: '/reference',
  transition_checklist: '/transitions',
  stock_adjustment: '/stock',
  document: '/attachments',
};

export function recordLink(
  entry: Pick<AuditEntryView, 'entity' | 'entityId' | 'action' | 'before' | 'after'>,
): string | null {
  if (entry.action === 'delete') return null;
  const detail = DETAIL_PAGES[entry.entity];
  if (detail && /^\d+$/.test(entry.entityId)) return `${detail}${entry.entityId}`;
  if (entry.entity === 'contract') {
    // A contract is shown on its payer's page.
    const payerId = (entry.after as { payerId?: unknown } | null)?.payerId;
    return typeof payerId === 'number' ? `/payers/${payerId}` : null;
  }
  return LIST_PAGES[entry.entity] ?? null;
}
