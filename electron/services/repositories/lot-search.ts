/**
 * How a lot is found by what a person types, for every list of lots (stock, stock never billed):
 * the drug's generic or brand name or the lot number containing the text, an NDC by its digits
 * typed without hyphens, or the exact code when the text is a complete NDC in any printed form
 * (5-3-2 "50242-040-62" is no substring of its 11 digits). Columns: `d` drugs, `l` invoice_lines.
 */
import { parseNdc } from '../../../shared/domain/ndc';
import { escapeLike, foldedContains } from './search-text';

/** The condition for `search` (adding its parameters to `params`). */
export function lotSearchSql(search: string, params: Record<string, string | number>): string {
  params.search = `%${escapeLike(search)}%`;
  // Drug names ignoring case and accents; lot numbers are codes, which LIKE already takes in any case.
  const any = [
    foldedContains(['d.generic_name', 'd.brand_name'], search, 'name', params),
    `l.lot_number LIKE @search ESCAPE '\\'`,
  ];
  const digits = search.replace(/-/g, '');
  if (/^\d+$/.test(digits)) {
    params.digits = `%${digits}%`;
    any.push('l.ndc11 LIKE @digits');
  }
  const ndc = parseNdc(search);
  if (ndc.ok) {
    params.ndc11 = ndc.ndc11;
    any.push('l.ndc11 = @ndc11');
  }
  return `(${any.join(' OR ')})`;
}
