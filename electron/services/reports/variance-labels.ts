/** How a variance line's line and reasons read in the report and its exports. */
import type { LineKind } from '../../../shared/domain/remittance';

export const lineLabel = (kind: LineKind): string => (kind === 'wasted' ? 'Discarded (JW)' : 'Given');

/** The stored reasons ("CO-16,N350") as a person reads a list. */
export const reasonsText = (reasons: string): string => reasons.replaceAll(',', ', ');
