/**
 * A field's name spelled out as words, for the few places a field is named on screen without a
 * label of its own (a column added later, a field a summary lists as still needed): a biller reads
 * "AWP per package", never "prices.awpPerPackage".
 */

/** Abbreviations billers write in capitals. */
const CAPITALS = new Set(['ndc', 'hcpcs', 'awp', 'wac', 'asp', 'npi', 'tin', 'id']);

/** "costPerPackage" → "Cost per package"; "ndc11" → "NDC 11". */
export function spellField(field: string): string {
  const words = field
    .split('.')
    .at(-1)!
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/([0-9])([a-zA-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .split(/\s+/)
    .map((w) => (CAPITALS.has(w.toLowerCase()) ? w.toUpperCase() : w.toLowerCase()));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
