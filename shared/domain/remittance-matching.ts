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
  modifiers: string[];
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

export function matchClaimLines(lines: readonly MatchableLine[], candidates: readonly CandidateLine[]): LineMatch[] {
  const taken = new Set<CandidateLine>();
  const free = () => candidates.filter((c) => !taken.has(c));
  return lines.map((line) => {
    const result = matchOne(line, free());
    if (result.matched) {
      const chosen = candidates.find(
        (c) => c.administrationId === result.administrationId && c.lineKind === result.lineKind,
      );
      if (chosen) taken.add(chosen);
    }
    return result;
  });
}

function matchOne(line: MatchableLine, candidates: readonly CandidateLine[]): LineMatch {
  if (candidates.length === 0) return { matched: false, reason: 'No line of this claim is left to match it to.' };

  const control = CONTROL.exec(line.lineControlNumber.trim());
  if (control) {
    const id = Number(control[1]);
    const kind: LineKind = control[2] === '2' ? 'wasted' : 'given';
    const named = candidates.find((c) => c.administrationId === id && c.lineKind === kind);
    if (named) return { matched: true, administrationId: id, lineKind: kind, how: 'line-control' };
  }

  const recoded = line.submittedCode !== null && line.submittedCode !== '' && line.submittedCode !== line.code;
  const byCode = candidates.filter(
    (c) => c.hcpcs === line.code || (line.submittedCode !== null && c.hcpcs === line.submittedCode),
  );
  const byDate = line.dateOfService === null ? byCode : byCode.filter((c) => c.dateOfService === line.dateOfService);
  const how = `claim+code+date${recoded ? '+submitted-code' : ''}`;
  if (byDate.length === 0) {
    return {
      matched: false,
      reason: `No line of this claim has code ${line.submittedCode ?? line.code}${line.dateOfService ? ` on ${line.dateOfService}` : ''}.`,
    };
  }
  if (byDate.length === 1) {
    const c = byDate[0] as CandidateLine;
    return { matched: true, administrationId: c.administrationId, lineKind: c.lineKind, how };
  }

  const jw = line.modifiers.includes('JW');
  const byModifier = byDate.filter((c) => (c.lineKind === 'wasted') === jw);
  if (byModifier.length === 1 && (jw || line.modifiers.length > 0)) {
    const c = byModifier[0] as CandidateLine;
    return { matched: true, administrationId: c.administrationId, lineKind: c.lineKind, how: `${how}+modifier` };
  }
  const byCharge = byDate.filter((c) => c.billedChargeCents === line.chargeCents);
  if (byCharge.length === 1) {
    const c = byCharge[0] as CandidateLine;
    return { matched: true, administrationId: c.administrationId, lineKind: c.lineKind, how: `${how}+charge` };
  }
  if (byModifier.length === 1) {
    const c = byModifier[0] as CandidateLine;
    return { matched: true, administrationId: c.administrationId, lineKind: c.lineKind, how: `${how}+modifier` };
  }
  return {
    matched: false,
    reason: `${byDate.length} lines of this claim have code ${line.code}${line.dateOfService ? ` on ${line.dateOfService}` : ''} and neither the modifier nor the charge tells them apart.`,
  };
}
