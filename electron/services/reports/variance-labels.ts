/** How a variance line's drug, line and reasons read in the report and its exports. */
import type { LineKind } from '../../../shared/domain/remittance';

/** "Examplemab (Brandix)", or the generic name alone. */
export const drugLabel = (d: { genericName: string; brandName: string }): string =>
  d.brandName ? `${d.genericName} (${d.brandName})` : d.genericName;

export const lineLabel = (kind: LineKind): string => (kind === 'wasted' ? 'Discarded (JW)' : 'Given');

/** The stored reasons ("CO-16,N350") as a person reads a list. */
export const reasonsText = (reasons: string): string => reasons.replaceAll(',', ', ');
