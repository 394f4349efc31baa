/** How expected-versus-paid statuses read and look. */
import { VARIANCE_STATUS_LABELS, type VarianceStatus } from '../../../shared/domain/variance';

export const VARIANCE_COLORS: Readonly<Record<VarianceStatus, string>> = {
  unpaid: 'gray',
  paid: 'teal',
  underpaid: 'orange',
  overpaid: 'blue',
  denied: 'red',
  'partially-paid': 'yellow',
};

export const varianceLabel = (s: VarianceStatus): string => VARIANCE_STATUS_LABELS[s];

export const LINE_KIND_WORDS = { given: 'Dose given', wasted: 'Discarded (JW)' } as const;
