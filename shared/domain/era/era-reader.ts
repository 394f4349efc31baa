/**
 * Reading an 835: text in, an `EraReading` out (or a coded refusal, never a throw). Here the
 * envelopes and their checks (ISA/GS/ST … SE/GE/IEA: counts, control numbers, version, sets of
 * another kind); the loops inside a transaction are era-loops.ts's, balancing era-balance.ts's.
 *
 *   ISA → GS → ST*835 → BPR, TRN, CUR, REF, DTM*405            (header)
 *                      → N1*PR, N3, N4, REF, PER               (1000A payer)
 *                      → N1*PE, N3, N4, REF, RDM               (1000B payee)
 *                      → LX, TS3, TS2                          (2000 header number)
 *                      → CLP, CAS, NM1, MIA, MOA, REF, DTM, PER, AMT, QTY   (2100 claim)
 *                      → SVC, DTM, CAS, REF, AMT, QTY, LQ      (2110 service line)
 *                      → PLB → SE → GE → IEA
 *
 * Real files break rules, so the reader bends: a file may start at ST, hold several envelopes
 * and transaction sets, skip LX, wrap lines anywhere between segments. Whatever it has to assume
 * or skip becomes a warning with the segment's number; what is not an 835 at all is refused.
 * Transaction sets of another kind inside an 835 file are skipped with a warning.
 */
import { balanceTransaction } from './era-balance';
import * as loops from './era-loops';
import {
  finishTransaction,
  isKnownSegment,
  openTransaction,
  outOfPlace,
  unknownSegment,
  type OpenTransaction,
} from './era-loops';
import { moneyText, plus, type Total } from './era-money';
import {
  type EraClaim,
  type EraEnvelope,
  type EraImbalance,
  type EraReadResult,
  type EraTransaction,
} from './era-types';
import { EraWarnings } from './era-warnings';
import { clipQuoted } from '../quoted-text';
import { failure } from '../result';
import { element, scanX12, type X12Segment } from './x12-tokenizer';
import { textOrNull } from './x12-values';

/**
 * The CLI (bin/j3490.cjs) and the benches run this code through tsx, which compiles each module to
 * CommonJS: every use of an imported binding then reads it through a getter that looks the name
 * up in a shared, megamorphic way (tens of nanoseconds). Called several times for each of a big
 * file's 100,000 segments, that was a sixth of the reading. So the modules on the per-segment path
 * read the helpers they call there once, into module constants; the bundled app is unaffected.
 */
const { readInTransaction } = loops;

type OpenInterchange = { isa: X12Segment; groups: number };
type OpenGroup = { gs: X12Segment; sets: number };

/** The X12 transaction set names billers might meet instead of an 835. */
const OTHER_SETS: Readonly<Record<string, string>> = {
  '837': 'an 837 (health care claim)',
  '270': 'a 270 (eligibility inquiry)',
  '271': 'a 271 (eligibility response)',
  '276': 'a 276 (claim status inquiry)',
  '277': 'a 277 (claim status response)',
  '999': 'a 999 (acknowledgment)',
  '997': 'a 997 (acknowledgment)',
  '834': 'an 834 (enrollment)',
  '820': 'an 820 (premium payment)',
};
const setName = (st01: string): string => OTHER_SETS[st01] ?? `a "${clipQuoted(st01)}" transaction`;

const EXPECTED_VERSION = '005010X221';

/**
 * Read an 835 file's text. The caller decodes the file (UTF-8; X12 is ASCII in practice). The
 * reading is the full model; `eraPreview(reading)` gives the CLI's `--preview` shape.
 */
export function readEra(text: string): EraReadResult {
  const warnings = new EraWarnings();

  const transactions: EraTransaction[] = [];
  const imbalances: EraImbalance[] = [];
  let paid: Total = 0; // Σ CLP04 of every transaction, as balanced
  let claims = 0;
  let lines = 0;
  let open: OpenTransaction | null = null;
  let skipping: X12Segment | null = null; // the ST of a set that is not an 835
  // `as`: assigned in `step`, so it must not be narrowed to null here.
  let otherSet = null as X12Segment | null; // the first ST of another kind
  let interchange: OpenInterchange | null = null;
  let group: OpenGroup | null = null;

  const closeTransaction = (at: X12Segment | null): void => {
    if (skipping !== null && at === null) skipping = null;
    if (open === null) return;
    if (at === null) {
      warnings.add(
        'SE_MISSING',
        open.st.index,
        `Transaction ${clipQuoted(element(open.st, 2))} has no SE segment at its end; the file may be cut short or joined badly.`,
      );
    }
    finishTransaction(open, warnings);
    paid = plus(paid, balanceTransaction(open.txn, transactions.length, warnings, imbalances));
    claims += open.txn.claims.length;
    const txnClaims = open.txn.claims;
    for (let i = 0; i < txnClaims.length; i++) lines += (txnClaims[i] as EraClaim).lines.length;
    transactions.push(open.txn);
    open = null;
  };
  const closeGroup = (): void => {
    if (group === null) return;
    warnings.add(
      'ENVELOPE_UNCLOSED',
      group.gs.index,
      `The functional group ${clipQuoted(element(group.gs, 6))} has no GE segment at its end; the file may be cut short.`,
    );
    group = null;
  };
  const closeInterchange = (): void => {
    if (interchange === null) return;
    warnings.add(
      'ENVELOPE_UNCLOSED',
      interchange.isa.index,
      `The interchange ${clipQuoted(element(interchange.isa, 13).trim())} has no IEA segment at its end; the file may be cut short.`,
    );
    interchange = null;
  };

  const step = (seg: X12Segment): void => {
    switch (seg.id) {
      case 'ISA':
        closeTransaction(null);
        closeGroup();
        closeInterchange();
        interchange = { isa: seg, groups: 0 };
        return;
      case 'GS':
        closeTransaction(null);
        closeGroup();
        group = { gs: seg, sets: 0 };
        if (interchange !== null) interchange.groups++;
        checkVersion(seg, 8, warnings);
        return;
      case 'ST':
        closeTransaction(null);
        if (group !== null) group.sets++;
        if (element(seg, 1) !== '835') {
          skipping = seg;
          otherSet ??= seg;
          return;
        }
        checkVersion(seg, 3, warnings);
        open = openTransaction(seg, envelopeOf(interchange, group));
        return;
      case 'SE':
        if (open !== null) {
          checkSe(seg, open.st, warnings);
          closeTransaction(seg);
        } else if (skipping !== null) {
          skipping = null;
        } else {
          outOfPlace(seg, 'outside any transaction', warnings);
        }
        return;
      case 'GE':
        closeTransaction(null);
        if (group === null) outOfPlace(seg, 'outside any functional group', warnings);
        else checkTrailer(seg, group.gs, 6, group.sets, 'functional group', 'transaction sets', warnings);
        group = null;
        return;
      case 'IEA':
        closeTransaction(null);
        closeGroup();
        if (interchange === null) outOfPlace(seg, 'outside any interchange', warnings);
        else checkTrailer(seg, interchange.isa, 13, interchange.groups, 'interchange', 'functional groups', warnings);
        interchange = null;
        return;
    }
    if (open !== null) readInTransaction(seg, open, warnings);
    else if (skipping === null) {
      if (isKnownSegment(seg.id)) outOfPlace(seg, 'outside any transaction', warnings);
      else unknownSegment(seg, warnings);
    }
  };
  const scan = scanX12(text, step);
  if (!scan.ok) return scan;
  for (const note of scan.notes) warnings.add('ENVELOPE_INVALID', note.index, note.message);
  const lastIndex = scan.segments;
  closeTransaction(null);
  closeGroup();
  closeInterchange();

  if (transactions.length === 0) {
    if (otherSet !== null) {
      return failure(
        'ERA_NOT_835',
        `This file is ${setName(element(otherSet, 1))} file, not an 835 remittance, so there is no payment to read in it.`,
      );
    }
    return failure('ERA_EMPTY', 'The file has no 835 transaction (ST*835) in it, so there is nothing to read.');
  }
  if (otherSet !== null) {
    // Said once per file: each skipped set is not a finding of its own.
    warnings.add(
      'TRANSACTION_NOT_835',
      otherSet.index,
      `The file also holds ${setName(element(otherSet, 1))} transaction set; only its 835 transactions are read.`,
    );
  }

  return {
    ok: true,
    reading: {
      transactions,
      warnings: warnings.list(),
      summary: { claims, lines, outOfBalance: imbalances.length, totalPaid: moneyText(paid) },
      outOfBalance: imbalances,
      segments: lastIndex,
    },
  };
}

function checkVersion(seg: X12Segment, n: number, warnings: EraWarnings): void {
  const version = element(seg, n);
  if (version === '' || version.startsWith(EXPECTED_VERSION)) return;
  warnings.add(
    'VERSION_UNEXPECTED',
    seg.index,
    `This remittance says it follows version ${clipQuoted(version)}; it is read as 005010X221A1, so check its figures with care.`,
  );
}

function checkSe(se: X12Segment, st: X12Segment, warnings: EraWarnings): void {
  const counted = se.index - st.index + 1;
  const said = element(se, 1);
  if (said !== String(counted)) {
    warnings.add(
      'SE_COUNT_MISMATCH',
      se.index,
      `Transaction ${clipQuoted(element(st, 2))} says it has ${clipQuoted(said) || 'no'} segments (SE01), but it has ${counted}; a segment may be missing or the file was edited.`,
    );
  }
  if (element(se, 2) !== element(st, 2)) {
    warnings.add(
      'SE_CONTROL_MISMATCH',
      se.index,
      `The SE segment closes transaction ${clipQuoted(element(se, 2)) || '(none)'}, but the transaction opened as ${clipQuoted(element(st, 2)) || '(none)'} (ST02); the file may have been joined from several files.`,
    );
  }
}

/** GE/IEA: count in element 1, control number in element 2 matching the header's element `n`. */
function checkTrailer(
  trailer: X12Segment,
  header: X12Segment,
  n: number,
  count: number,
  what: string,
  counts: string,
  warnings: EraWarnings,
): void {
  const control = element(header, n).trim();
  if (element(trailer, 1) !== String(count)) {
    warnings.add(
      'ENVELOPE_COUNT_MISMATCH',
      trailer.index,
      `The ${what} ${clipQuoted(control)} says it has ${clipQuoted(element(trailer, 1)) || 'no'} ${counts}, but it has ${count}.`,
    );
  }
  if (element(trailer, 2).trim() !== control) {
    warnings.add(
      'ENVELOPE_CONTROL_MISMATCH',
      trailer.index,
      `The ${what} opened as ${clipQuoted(control) || '(none)'} is closed as ${clipQuoted(element(trailer, 2).trim()) || '(none)'}.`,
    );
  }
}

function envelopeOf(interchange: OpenInterchange | null, group: OpenGroup | null): EraEnvelope | null {
  if (interchange === null && group === null) return null;
  const isa = interchange?.isa;
  const gs = group?.gs;
  return {
    senderId: isa ? textOrNull(isa.elements[6]) : null,
    receiverId: isa ? textOrNull(isa.elements[8]) : null,
    interchangeControlNumber: isa ? textOrNull(isa.elements[13]) : null,
    applicationSender: gs ? textOrNull(gs.elements[2]) : null,
    applicationReceiver: gs ? textOrNull(gs.elements[3]) : null,
    groupControlNumber: gs ? textOrNull(gs.elements[6]) : null,
    version: gs ? textOrNull(gs.elements[8]) : null,
  };
}
