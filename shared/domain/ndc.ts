/**
 * NDC normalization. Claims carry the 11-digit 5-4-2 form without hyphens; packages print a
 * 10-digit form as 4-4-2, 5-3-2 or 5-4-1, and the hyphens say which segment gets the leading zero
 * (domain.md §3):
 *   4-4-2  0002-7597-01  → 00002759701  (zero in position 1)
 *   5-3-2  50242-040-62  → 50242004062  (zero in position 6)
 *   5-4-1  60575-4112-1  → 60575411201  (zero in position 10)
 * Without hyphens a 10-digit NDC is ambiguous, so it is refused unless a resolver (the FDA
 * package.txt directory, plugged in later) names the one real 11-digit code. Left-padding every
 * 10-digit input with a zero is wrong for 5-3-2 and 5-4-1 and is never done here. The reverse,
 * 11 → 10 digits, is ambiguous too; `ndc10Candidates` lists the possibilities for a lookup.
 */
import { failure, type Failure } from './result';
import { clipQuoted } from './quoted-text';

export type NdcFormat = '4-4-2' | '5-3-2' | '5-4-1' | '5-4-2';

export type NdcResult = { ok: true; ndc11: string; format: NdcFormat } | Failure<'NDC_AMBIGUOUS' | 'NDC_INVALID'>;

/** Given the 10 digits typed without hyphens, return the one 11-digit code, or null if unknown. */
export type Ndc10Resolver = (digits: string) => string | null;

const HYPHENATED = /^(\d{4,5})-(\d{3,4})-(\d{1,2})$/;
const DIGITS_11 = /^\d{11}$/;
const DIGITS_10 = /^\d{10}$/;
// "NDC 0002-7597-01" is how the label prints it; accept the prefix as a convenience.
const LABEL_PREFIX = /^NDC[:#]?\s*/i;

const AMBIGUOUS_MESSAGE = (digits: string) =>
  `This NDC (${digits}) has 10 digits without hyphens, so it could be 4-4-2, 5-3-2 or 5-4-1; enter it with hyphens as printed on the package.`;

export function parseNdc(input: string, resolveUnhyphenated10?: Ndc10Resolver): NdcResult {
  if (typeof input !== 'string') return invalid('Enter the NDC as printed on the package, e.g. 0002-7597-01.');
  const text = input.trim().replace(LABEL_PREFIX, '');
  if (text === '') return invalid('Enter the NDC as printed on the package, e.g. 0002-7597-01.');

  const h = HYPHENATED.exec(text);
  if (h) {
    const [, labeler = '', product = '', pkg = ''] = h;
    const shape = `${labeler.length}-${product.length}-${pkg.length}`;
    switch (shape) {
      case '4-4-2':
        return { ok: true, ndc11: `0${labeler}${product}${pkg}`, format: '4-4-2' };
      case '5-3-2':
        return { ok: true, ndc11: `${labeler}0${product}${pkg}`, format: '5-3-2' };
      case '5-4-1':
        return { ok: true, ndc11: `${labeler}${product}0${pkg}`, format: '5-4-1' };
      case '5-4-2':
        return { ok: true, ndc11: `${labeler}${product}${pkg}`, format: '5-4-2' };
      default:
        return invalid(
          `"${clipQuoted(text)}" has segments ${shape}; an NDC is 4-4-2, 5-3-2 or 5-4-1 (10 digits) or 5-4-2 (11 digits).`,
        );
    }
  }
  if (DIGITS_11.test(text)) return { ok: true, ndc11: text, format: '5-4-2' };
  if (DIGITS_10.test(text)) {
    const resolved = resolveUnhyphenated10?.(text) ?? null;
    if (resolved !== null) {
      const match = ndc11Candidates(text).find((c) => c.ndc11 === resolved);
      if (match) return { ok: true, ndc11: match.ndc11, format: match.format };
    }
    return failure('NDC_AMBIGUOUS', AMBIGUOUS_MESSAGE(text));
  }
  if (/[^\d\s-]/.test(text)) {
    return invalid(
      `"${clipQuoted(text)}" contains characters other than digits and hyphens; an NDC is digits only, e.g. 0002-7597-01.`,
    );
  }
  return invalid(
    `"${clipQuoted(text)}" is not an NDC; enter 10 digits with hyphens (4-4-2, 5-3-2 or 5-4-1) or 11 digits (5-4-2), e.g. 0002-7597-01.`,
  );
}

/** "00002759701" → "00002-7597-01". Input that is not 11 digits is returned unchanged (display only). */
export function formatNdc542(ndc11: string): string {
  if (!DIGITS_11.test(ndc11)) return ndc11;
  return `${ndc11.slice(0, 5)}-${ndc11.slice(5, 9)}-${ndc11.slice(9)}`;
}

/** The three 11-digit codes 10 unhyphenated digits could stand for; a directory decides which is real. */
export function ndc11Candidates(digits10: string): { format: '4-4-2' | '5-3-2' | '5-4-1'; ndc11: string }[] {
  if (!DIGITS_10.test(digits10)) return [];
  return [
    { format: '4-4-2', ndc11: `0${digits10}` },
    { format: '5-3-2', ndc11: `${digits10.slice(0, 5)}0${digits10.slice(5)}` },
    { format: '5-4-1', ndc11: `${digits10.slice(0, 9)}0${digits10.slice(9)}` },
  ];
}

/**
 * The hyphenated 10-digit forms an 11-digit code could have been printed as: one per segment
 * that starts with the padding zero. More than one means only the FDA directory can tell.
 */
export function ndc10Candidates(ndc11: string): { format: '4-4-2' | '5-3-2' | '5-4-1'; ndc10: string }[] {
  if (!DIGITS_11.test(ndc11)) return [];
  const out: { format: '4-4-2' | '5-3-2' | '5-4-1'; ndc10: string }[] = [];
  if (ndc11[0] === '0')
    out.push({ format: '4-4-2', ndc10: `${ndc11.slice(1, 5)}-${ndc11.slice(5, 9)}-${ndc11.slice(9)}` });
  if (ndc11[5] === '0')
    out.push({ format: '5-3-2', ndc10: `${ndc11.slice(0, 5)}-${ndc11.slice(6, 9)}-${ndc11.slice(9)}` });
  if (ndc11[9] === '0')
    out.push({ format: '5-4-1', ndc10: `${ndc11.slice(0, 5)}-${ndc11.slice(5, 9)}-${ndc11.slice(10)}` });
  return out;
}

const invalid = (message: string): Failure<'NDC_INVALID'> => failure('NDC_INVALID', message);
