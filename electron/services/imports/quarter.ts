/**
 * The calendar quarter a CMS file prices, read from its name or title: CMS names its files by the
 * month the quarter starts ("July 2025 ASP Pricing File" prices 2025Q3); people also write
 * "2025Q3", "Q3 2025", "2025 Q3" or "third quarter 2025". Null when nothing says.
 */
// Maps, not object literals: only the patterns below pick the keys, but no lookup keyed by a
// file's text may ever find Object's own "constructor".
const MONTHS = new Map<string, number>(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, i) => [m, i + 1]),
);
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const SEP = '[\\s_.\\-]*';
const ORDINALS = new Map<string, number>([
  ['first', 1],
  ['1st', 1],
  ['second', 2],
  ['2nd', 2],
  ['third', 3],
  ['3rd', 3],
  ['fourth', 4],
  ['4th', 4],
]);

const YEAR_Q = /(?<!\d)(20\d{2})[\s_-]*Q([1-4])(?![a-z0-9])/i;
const Q_YEAR = /(?<![a-z0-9])Q([1-4])[\s_-]*(20\d{2})(?!\d)/i;
const MONTH_YEAR = new RegExp(`(?<![a-z])${MONTH}${SEP}(20\\d{2})(?!\\d)`, 'i');
const YEAR_MONTH = new RegExp(`(?<!\\d)(20\\d{2})${SEP}${MONTH}(?![a-z])`, 'i');
const ORDINAL_Q =
  /(?<![a-z0-9])(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?(?:cy\s*)?(20\d{2})(?!\d)/i;

const fromMonth = (name: string, year: string): string =>
  `${year}Q${Math.floor(((MONTHS.get(name.slice(0, 3).toLowerCase()) ?? 1) - 1) / 3) + 1}`;

export function quarterFromText(text: string): string | null {
  let m = YEAR_Q.exec(text);
  if (m) return `${m[1]}Q${m[2]}`;
  m = Q_YEAR.exec(text);
  if (m) return `${m[2]}Q${m[1]}`;
  m = ORDINAL_Q.exec(text);
  if (m) return `${m[2]}Q${ORDINALS.get((m[1] ?? '').toLowerCase()) ?? 1}`;
  m = MONTH_YEAR.exec(text);
  if (m) return fromMonth(m[1] ?? '', m[2] ?? '');
  m = YEAR_MONTH.exec(text);
  if (m) return fromMonth(m[2] ?? '', m[1] ?? '');
  return null;
}
