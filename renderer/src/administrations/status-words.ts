/**
 * How a claim's status reads: its badge, and the button that moves an administration to it. One
 * vocabulary across the app: the STATUS says where the claim is (draft → ready to bill → billed →
 * paid or denied); the CHECKLIST says what the record still lacks ("Checklist complete" or
 * "N missing", readiness-checklist.tsx). A complete checklist on a draft is not "ready to bill"
 * until someone marks it so, and a billed claim has no checklist badge at all.
 */
import type { AdministrationStatus } from '../../../shared/domain/administration';

export const STATUS_LABELS: Record<AdministrationStatus, string> = {
  draft: 'Draft',
  ready: 'Ready to bill',
  billed: 'Billed',
  paid: 'Paid',
  denied: 'Denied',
  appealed: 'Appealed',
};

export const STATUS_COLORS: Record<AdministrationStatus, string> = {
  draft: 'gray',
  ready: 'teal',
  billed: 'blue',
  paid: 'green',
  denied: 'red',
  appealed: 'orange',
};

/** The button that moves an administration to `to` (one of the steps STATUS_STEPS allows). */
export const STEP_LABELS: Record<AdministrationStatus, string> = {
  draft: 'Back to draft',
  ready: 'Mark ready to bill',
  billed: 'Mark billed',
  paid: 'Mark paid',
  denied: 'Mark denied',
  appealed: 'Mark appealed',
};
