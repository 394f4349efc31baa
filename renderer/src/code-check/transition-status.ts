/**
 * A drug's move to its specific code in words, for the Transitions page's badge: claims still
 * going out under the NOC code after the specific code took effect come first and in red, since
 * those are the denials waiting to happen.
 */
import type { TransitionRow } from '../../../shared/api/reference-channels';

export type TransitionStatus = { label: string; color: string; detail: string };

const claims = (n: number): string => `${n.toLocaleString('en-US')} ${n === 1 ? 'claim' : 'claims'}`;

export function transitionStatus(row: TransitionRow): TransitionStatus {
  const noc = row.nocCodes.join(' or ');
  const code = row.specificCode;
  switch (row.state) {
    case 'in-force':
      return row.afterEffective > 0
        ? {
            label: `In force — still billing ${noc}`,
            color: 'red',
            detail: `${claims(row.afterEffective)} under ${noc} dated on or after ${code?.effectiveFrom ?? 'its date'}.`,
          }
        : {
            label: 'In force',
            color: 'blue',
            detail: `Every claim under ${noc} is dated before ${code?.effectiveFrom ?? 'its date'}; bill ${code?.hcpcs ?? 'the specific code'} from now on.`,
          };
    case 'upcoming':
      return {
        label: 'Upcoming',
        color: 'yellow',
        detail:
          `Bill ${noc} until ${code?.effectiveFrom ?? 'its date'}, then ${code?.hcpcs ?? 'the specific code'}.` +
          (row.afterEffective > 0 ? ` ${claims(row.afterEffective)} already dated on or after it.` : ''),
      };
    case 'date-unknown':
      return {
        label: 'Date not on file',
        color: 'orange',
        detail:
          'No file on record says from which date of service; import the HCPCS quarterly update (Reference data).',
      };
    case 'none':
      return { label: 'No specific code', color: 'gray', detail: '' };
  }
}

/** "vutrisiran (Amvuttra)", or the NDC when the drug has left the catalog. */
export function transitionDrugName(row: Pick<TransitionRow, 'genericName' | 'brandName'>): string {
  if (row.genericName === '') return 'Drug no longer in the catalog';
  return row.brandName ? `${row.genericName} (${row.brandName})` : row.genericName;
}
