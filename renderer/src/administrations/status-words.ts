/** How a claim's status reads: its badge, and the button that moves an administration to it. */
import type { AdministrationStatus } from '../../../shared/domain/administration';

export const STATUS_LABELS: Record<AdministrationStatus, string> = {
  draft: 'Draft',
  ready: 'Ready',
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
  ready: 'Mark ready',
  billed: 'Mark billed',
  paid: 'Mark paid',
  denied: 'Mark denied',
  appealed: 'Mark appealed',
};
