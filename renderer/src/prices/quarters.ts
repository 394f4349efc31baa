/** Calendar quarters for the payment-limit filter: next quarter back to 2005Q1, newest first. */
import { quarterOf } from '../../../shared/domain/drug-price';
import { todayIso } from '../payers/form-schema';

export function quarterOptions(today = todayIso()): string[] {
  const current = quarterOf(today);
  let year = Number(current.slice(0, 4));
  let q = Number(current.slice(5)) + 1;
  if (q > 4) {
    q = 1;
    year += 1;
  }
  const out: string[] = [];
  while (year > 2005 || (year === 2005 && q >= 1)) {
    out.push(`${year}Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  return out;
}
