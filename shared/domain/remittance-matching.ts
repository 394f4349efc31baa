/**
 * Which administration's claim line a remittance line pays (issue 12, item 3). The claim is found
 * first (same payer, CLP01 = the administration's claim / patient control number); its candidate
 * lines are each administration's given line and its JW line. A remittance line then matches:
 *   1. by its line control number (REF*6R) when it names one of them: "<administration id>-1" for
 *      the given line, "-2" for the JW line (the convention this app documents for the practice's
 *      837; a bare "<administration id>" is the given line);
 *   2. else by HCPCS (SVC01, or SVC06 when the payer recoded the line) and date of service
 *      (DTM*472, when the payer sent one);
 *   3. several candidates left (a given and a JW line of one drug): by modifier (JW ↔ the JW line),
 *      and when the payer dropped or changed the modifier, by the charge billed on the line.
 * A candidate is paid by at most one line of a remittance claim. What stays ambiguous or finds no
 * candidate is left unmatched with the reason, for a person to match by hand.
 */
import type { LineKind, PostingLine } from './remittance';

export type CandidateLine = {
  administrationId: number;
  lineKind: LineKind;
  hcpcs: string;
  modifiers: readonly string[];
  dateOfService: string;
  billedChargeCents: number;
};

/** What matching reads of a remittance line (a posting line has it all). */
export type MatchableLine = Pick<
  PostingLine,
  'code' | 'submittedCode' | 'chargeCents' | 'dateOfService' | 'lineControlNumber'
> & {
  modifiers: readonly string[];
};

export type LineMatch =
  { matched: true; administrationId: number; lineKind: LineKind; how: string } | { matched: false; reason: string };

const CONTROL = /^(\d{1,12})(?:-([12]))?$/;

/**
 * How a line was matched, as stored and shown: one constant string per way, rather than a new
 * string for each of a big remittance's lines.
 */
const HOW = {
  plain: {
    date: 'claim+code+date',
    modifier: 'claim+code+date+modifier',
    charge: 'claim+code+date+charge',
  },
  recoded: {
    date: 'claim+code+date+submitted-code',
    modifier: 'claim+code+date+submitted-code+modifier',
    charge: 'claim+code+date+submitted-code+charge',
  },
} as const;

export function matchClaimLines(lines: readonly MatchableLine[], candidates: readonly CandidateLine[]): LineMatch[] {
  // Allocated to size, and `taken` only once a line is matched: most claims have one line, and a
  // big file has thousands of claims (an empty array grows to 17 slots on its first push; a Set
  // per claim cost more than the look-ups it saved).
  const out = new Array<LineMatch>(lines.length);
  let taken: CandidateLine[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as MatchableLine;
    const pick = matchOne(line, taken === null ? candidates : notTaken(candidates, taken));
    if ('chosen' in pick) {
      (taken ??= []).push(pick.chosen);
      out[i] = matchedTo(pick.chosen, pick.how);
    } else out[i] = pick;
  }
  return out;
}

function notTaken(candidates: readonly CandidateLine[], taken: readonly CandidateLine[]): CandidateLine[] {
  return candidates.filter((c) => !taken.includes(c));
}

const matchedTo = (c: CandidateLine, how: string): LineMatch => ({
  matched: true,
  administrationId: c.administrationId,
  lineKind: c.lineKind,
  how,
});

/** The candidate a line matches and how, or why none. */
type Choice = { chosen: CandidateLine; how: string } | { matched: false; reason: string };

function matchOne(line: MatchableLine, candidates: readonly CandidateLine[]): Choice {
  if (candidates.length === 0) return { matched: false, reason: 'No line of this claim is left to match it to.' };

  const control = CONTROL.exec(line.lineControlNumber.trim());
  if (control) {
    const id = Number(control[1]);
    const kind: LineKind = control[2] === '2' ? 'wasted' : 'given';
    const named = candidates.find((c) => c.administrationId === id && c.lineKind === kind);
    if (named) return { chosen: named, how: 'line-control' };
  }

  const recoded = line.submittedCode !== null && line.submittedCode !== '' && line.submittedCode !== line.code;
  const how = recoded ? HOW.recoded : HOW.plain;
  const byDate = candidates.filter(
    (c) =>
      (c.hcpcs === line.code || (line.submittedCode !== null && c.hcpcs === line.submittedCode)) &&
      (line.dateOfService === null || c.dateOfService === line.dateOfService),
  );
  if (byDate.length === 0) {
    return {
      matched: false,
      reason: `No line of this claim has code ${line.submittedCode ?? line.code}${line.dateOfService ? ` on ${line.dateOfService}` : ''}.`,
    };
  }
  if (byDate.length === 1) return { chosen: byDate[0] as CandidateLine, how: how.date };

  const jw = line.modifiers.includes('JW');
  const byModifier = only(byDate, (c) => (c.lineKind === 'wasted') === jw);
  if (byModifier !== null && (jw || line.modifiers.length > 0)) return { chosen: byModifier, how: how.modifier };
  const byCharge = only(byDate, (c) => c.billedChargeCents === line.chargeCents);
  if (byCharge !== null) return { chosen: byCharge, how: how.charge };
  if (byModifier !== null) return { chosen: byModifier, how: how.modifier };
  return {
    matched: false,
    reason: `${byDate.length} lines of this claim have code ${line.code}${line.dateOfService ? ` on ${line.dateOfService}` : ''} and neither the modifier nor the charge tells them apart.`,
  };
}

/** The one candidate that passes `test`; null when none or several do. */
function only(candidates: readonly CandidateLine[], test: (c: CandidateLine) => boolean): CandidateLine | null {
  let found: CandidateLine | null = null;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i] as CandidateLine;
    if (!test(c)) continue;
    if (found !== null) return null;
    found = c;
  }
  return found;
}
