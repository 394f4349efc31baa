/**
 * How a drug line is written on the claim.
 *
 * - CMS-1500 shaded line 24A (NUCC): `N4` + 11-digit NDC, ONE space, unit qualifier + quantity,
 *   e.g. `N400002759701 ML2.25` (quantity rules in units.ts).
 * - 837P 5010 loop 2410: `LIN**N4*<ndc11>~` and `CTP****<quantity>*<unit>~` (CTP01–03 empty, as
 *   the 5010 guide and OpenEMR's generator write them).
 * - NOC codes carry a description in SV101-7 (rejected when empty): drug name, total dose GIVEN
 *   with its unit, route, NDC. 5010 allows at most 80 characters there. When the text is too
 *   long the drug NAME is shortened (brand dropped first, then the name cut with a "."), never the
 *   dose or the NDC: those are what the payer prices and checks, the name is only a label.
 * - A description is refused when it has no dose given. "20mg/mL" alone is a concentration, not
 *   a dose (Palmetto rejects it). X12 delimiters (~ * : ^) would break the segment and are refused
 *   in typed text and replaced by spaces in generated text.
 */
import type { NdcUnit } from './units';
import { formatN4Quantity } from './units';
import type { Dec } from './money';
import { failure, type Failure } from './result';

export const NARRATIVE_MAX_LENGTH = 80;

const NDC11 = /^\d{11}$/;

type QuantityFailure = Failure<'NDC_QUANTITY_UNWRITABLE' | 'NDC_INVALID'>;

/** "N400002759701 ML2.25"; `quantity` is the quantity as written ("2.25"). */
export function formatN4(
  ndc11: string,
  unit: NdcUnit,
  quantity: Dec | string,
): { ok: true; text: string; quantity: string } | QuantityFailure {
  if (!NDC11.test(ndc11)) return failure('NDC_INVALID', 'The NDC on a claim line must be the 11-digit 5-4-2 form.');
  const q = formatN4Quantity(quantity);
  return q.ok ? { ok: true, text: `N4${ndc11} ${unit}${q.text}`, quantity: q.text } : q;
}

/** `LIN**N4*00002759701~` and `CTP****2.25*ML~` for 837P loop 2410. */
export function formatDrugSegments837(
  ndc11: string,
  unit: NdcUnit,
  quantity: Dec | string,
): { ok: true; lin: string; ctp: string; segments: string } | QuantityFailure {
  if (!NDC11.test(ndc11)) return failure('NDC_INVALID', 'The NDC on a claim line must be the 11-digit 5-4-2 form.');
  const q = formatN4Quantity(quantity);
  if (!q.ok) return q;
  const lin = `LIN**N4*${ndc11}~`;
  const ctp = `CTP****${q.text}*${unit}~`;
  return { ok: true, lin, ctp, segments: lin + ctp };
}

/**
 * SV101 composite: HC:code:mod1:mod2:mod3:mod4:description. Empty trailing components are left
 * off, as X12 requires.
 */
export function formatSv101(hcpcs: string, modifiers: readonly string[], description?: string): string {
  const parts = ['HC', hcpcs, ...modifiers.slice(0, 4)];
  if (description) {
    while (parts.length < 6) parts.push('');
    parts.push(description);
  }
  return parts.join(':');
}

// ---------------------------------------------------------------------------------------------
// NOC narrative

export type NarrativeInput = {
  name: string;
  brandName?: string;
  /** The dose as text ("45", "2.25") and its unit ("mg", "mL"). */
  amount: string;
  unit: string;
  route?: string;
  ndc11: string;
  /** The JW line describes the discarded amount instead of a route. */
  discarded?: boolean;
};

const X12_DELIMITERS = /[~*:^]/g;

const NEEDS_CLEANING = /[~*:^\t\n\r]| {2}|^ | $/;

// Most names need nothing; test once before rewriting (the estimate builds two narratives per call).
const clean = (s: string): string =>
  NEEDS_CLEANING.test(s) ? s.replace(X12_DELIMITERS, ' ').replace(/\s+/g, ' ').trim() : s;

/** "Viltolarsen (Viltepso) 2400 mg IV NDC 73292001101", at most 80 characters. */
export function buildNocNarrative(input: NarrativeInput): string {
  const how = input.discarded ? 'discarded' : clean(input.route ?? '');
  const tail = ` ${input.amount} ${input.unit}${how ? ` ${how}` : ''} NDC ${input.ndc11}`;
  const budget = NARRATIVE_MAX_LENGTH - tail.length;
  const name = clean(input.name);
  const brand = input.brandName ? clean(input.brandName) : '';
  const full = brand && brand.toLowerCase() !== name.toLowerCase() ? `${name} (${brand})` : name;
  let label: string;
  if (full.length <= budget) label = full;
  else if (name.length <= budget) label = name;
  else label = budget > 1 ? `${name.slice(0, budget - 1).trimEnd()}.` : '';
  return (label + tail).trim();
}

export type NarrativeError =
  'NARRATIVE_EMPTY' | 'NARRATIVE_TOO_LONG' | 'NARRATIVE_INVALID_CHARACTERS' | 'NARRATIVE_NO_DOSE';

// A number, then a unit of amount, NOT followed by "/" or "per" (that would be a concentration).
const DOSE_TOKEN =
  /(?:^|[^\w.])(\d+(?:\.\d+)?|\.\d+)\s*(mcg|µg|ug|mg|gm|grams?|g|ml|cc|units?|iu|u|meq|mmol|mci)(?!\w)(?!\s*(?:\/|per\b))/i;
const CONCENTRATION_TOKEN = /(\d+(?:\.\d+)?|\.\d+)\s*[a-zµ]+\s*(?:\/|per\b)\s*[\d.]*\s*[a-z]+/i;

/** Check a biller-typed SV101-7 description for a NOC line (C6). */
export function validateNocNarrative(text: string): { ok: true; text: string } | Failure<NarrativeError> {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (trimmed === '') {
    return failure(
      'NARRATIVE_EMPTY',
      'The NOC description is empty; payers reject a NOC line without the drug name, the dose given and the NDC.',
    );
  }
  if (trimmed.length > NARRATIVE_MAX_LENGTH) {
    return failure(
      'NARRATIVE_TOO_LONG',
      `The description is ${trimmed.length} characters; the electronic claim (SV101-7) takes at most ${NARRATIVE_MAX_LENGTH}. Shorten the drug name, not the dose or NDC.`,
    );
  }
  const bad = trimmed.match(X12_DELIMITERS);
  if (bad) {
    return failure(
      'NARRATIVE_INVALID_CHARACTERS',
      `The description contains "${bad[0]}", which separates parts of the electronic claim; remove ${[...new Set(bad)].join(' ')}.`,
    );
  }
  if (!DOSE_TOKEN.test(trimmed)) {
    const concentration = CONCENTRATION_TOKEN.exec(trimmed);
    return failure(
      'NARRATIVE_NO_DOSE',
      concentration
        ? `The description gives "${concentration[0]}", which is a concentration, not the dose given; add the total dose given with its unit, such as "45 mg".`
        : 'The description has no dose given; add the total dose given with its unit, such as "45 mg".',
    );
  }
  return { ok: true, text: trimmed };
}
