/**
 * Inside one ST*835 … SE transaction: which loop each segment belongs to, and where its piece
 * goes. The loops and the segments each may hold:
 *
 *   header   BPR, TRN, CUR, REF, DTM*405
 *   payer    N1*PR, N3, N4, REF, PER                     (1000A)
 *   payee    N1*PE, N3, N4, REF, RDM                     (1000B)
 *   detail   LX, TS3, TS2                                (2000)
 *   claim    CLP, CAS, NM1, MIA, MOA, REF, DTM, PER, AMT, QTY   (2100)
 *   line     SVC, DTM, CAS, REF, AMT, QTY, LQ            (2110)
 *   summary  PLB
 *
 * A segment the 835 defines but that sits in a loop where it has no meaning is skipped with
 * SEGMENT_OUT_OF_PLACE; one the 835 does not define, with SEGMENT_UNKNOWN. LX is optional in
 * practice (a CLP may follow the payee directly) and a claim after PLB is still read: dropping a
 * payment would cost more than reading a misplaced one.
 */
import { claimWarnings } from './era-claim-warnings';
import * as fields from './era-fields';
import * as lists from './era-lists';
import * as segments from './era-segments';
import { type EraAddress, type EraClaim, type EraLine, type EraTransaction } from './era-types';
import { type EraWarnings } from './era-warnings';
import { clipQuoted } from '../quoted-text';
import * as tokenizer from './x12-tokenizer';
import { type X12Segment } from './x12-tokenizer';
import * as values from './x12-values';

// Helpers called for every segment, read once: see era-reader.ts (tsx's import getters).
const { dateOf, dtmDate, requiredAmount } = fields;
const { append } = lists;
const { allowedAmount, readAmountSegment, readCas, readClp, readName, readPlb, readReference, readSvc } = segments;
const { element } = tokenizer;
const { codeOrNull, intern, textOrNull } = values;

export type Loop = 'header' | 'payer' | 'payee' | 'detail' | 'claim' | 'line' | 'summary';

const LOOP_NAMES: Record<Loop, string> = {
  header: 'in the payment header',
  payer: 'in the payer',
  payee: 'in the payee',
  detail: 'before the first claim of a claim group',
  claim: 'in a claim',
  line: 'in a service line',
  summary: 'among the provider adjustments at the end',
};

export type OpenTransaction = {
  txn: EraTransaction;
  st: X12Segment;
  loop: Loop;
  claim: EraClaim | null;
  line: EraLine | null;
  /** Where the reader is, for warnings (a `Place`): the index and code of `line`, -1 in a claim. */
  lineIndex: number;
  lineCode: string | null;
  headerNumber: string | null;
  sawBpr: boolean;
};

/** Segments the 835 defines inside a transaction. */
const KNOWN = new Set(
  'BPR TRN CUR REF DTM N1 N3 N4 PER RDM LX TS3 TS2 CLP CAS NM1 MIA MOA AMT QTY SVC LQ PLB'.split(' '),
);

export const isKnownSegment = (id: string): boolean => KNOWN.has(id);

export function unknownSegment(seg: X12Segment, warnings: EraWarnings): void {
  warnings.add(
    'SEGMENT_UNKNOWN',
    seg.index,
    `Segment "${clipQuoted(seg.id)}" is not part of an 835 remittance; it is skipped.`,
  );
}

export function outOfPlace(seg: X12Segment, where: string, warnings: EraWarnings): void {
  warnings.add(
    'SEGMENT_OUT_OF_PLACE',
    seg.index,
    `Segment ${clipQuoted(seg.id)} is not expected ${where}; it is skipped.`,
  );
}

export function openTransaction(st: X12Segment, envelope: EraTransaction['envelope']): OpenTransaction {
  return {
    st,
    loop: 'header',
    claim: null,
    line: null,
    lineIndex: -1,
    lineCode: null,
    headerNumber: null,
    sawBpr: false,
    txn: {
      payer: { name: null, id: null, idQualifier: null, address: null, references: [], segment: null },
      payee: {
        name: null,
        npi: null,
        taxId: null,
        idQualifier: null,
        id: null,
        address: null,
        references: [],
        segment: null,
      },
      payment: {
        amount: null,
        method: null,
        trace: null,
        date: null,
        handling: null,
        creditDebit: null,
        originator: null,
      },
      balanced: true,
      claims: [],
      providerAdjustments: [],
      segment: st.index,
      controlNumber: textOrNull(st.elements[2]),
      envelope,
      productionDate: null,
      references: [],
      balance: { payment: '0.00', claimsPaid: '0.00', providerAdjustments: '0.00', difference: '0.00' },
    },
  };
}

/** After SE (or where SE should have been): the findings that need the whole transaction. */
export function finishTransaction(open: OpenTransaction, warnings: EraWarnings): void {
  if (!open.sawBpr) {
    warnings.add(
      'BPR_MISSING',
      open.st.index,
      `Transaction ${clipQuoted(element(open.st, 2))} has no BPR segment, so its payment amount, method and date are unknown; it is balanced against a payment of 0.00.`,
    );
  }
  claimWarnings(open.txn, warnings);
}

const inClaim = (open: OpenTransaction): boolean => open.loop === 'claim' || open.loop === 'line';

export function readInTransaction(seg: X12Segment, open: OpenTransaction, warnings: EraWarnings): void {
  const { txn } = open;
  // Cases are tried in order, each a string comparison: the claim and line segments, which make up
  // nearly all of a big file, come first; the header's and payer's, met once, after them.
  switch (seg.id) {
    case 'SVC': {
      const claim = open.claim;
      if (!inClaim(open) || !claim) break;
      const line = readSvc(seg, claim, warnings);
      open.lineIndex = claim.lines.length;
      open.lineCode = line.code;
      claim.lines = append(claim.lines, line);
      open.line = line;
      open.loop = 'line';
      return;
    }
    case 'DTM':
      if (readDtm(seg, open, warnings)) return;
      break;
    case 'CAS':
      if (open.loop === 'claim' && open.claim) {
        open.claim.adjustments = readCas(seg, open, warnings, open.claim.adjustments);
        return;
      }
      if (open.loop === 'line' && open.line) {
        open.line.adjustments = readCas(seg, open, warnings, open.line.adjustments);
        return;
      }
      break;
    case 'REF':
      if (readRef(seg, open)) return;
      break;
    case 'AMT':
      if (open.loop === 'claim' && open.claim) {
        open.claim.amounts = append(open.claim.amounts, readAmountSegment(seg, open, warnings));
        return;
      }
      if (open.loop === 'line' && open.line) {
        const line = open.line;
        if (element(seg, 1) === 'B6' && line.allowed === null) line.allowed = allowedAmount(seg, open, warnings);
        else line.amounts = append(line.amounts, readAmountSegment(seg, open, warnings));
        return;
      }
      break;
    case 'CLP': {
      const claim = readClp(seg, warnings, open.headerNumber);
      txn.claims.push(claim);
      open.claim = claim;
      open.line = null;
      open.lineIndex = -1;
      open.loop = 'claim';
      return;
    }
    case 'NM1':
      if (open.loop !== 'claim' || !open.claim) break;
      readNm1(seg, open.claim);
      return;
    case 'LQ':
      if (open.loop !== 'line' || !open.line) break;
      if (element(seg, 1) === 'HE') open.line.remarks = append(open.line.remarks, intern(element(seg, 2)));
      else open.line.otherRemarks = append(open.line.otherRemarks, `${element(seg, 1)}:${element(seg, 2)}`);
      return;
    case 'MIA':
    case 'MOA':
      if (open.loop !== 'claim' || !open.claim) break;
      readRemarkCodes(seg, open.claim);
      return;
    case 'QTY':
      if (!inClaim(open)) break;
      return;
    case 'BPR':
      if (open.loop !== 'header' || open.sawBpr) break;
      readBpr(seg, txn, warnings);
      open.sawBpr = true;
      return;
    case 'TRN':
      if (open.loop !== 'header') break;
      txn.payment.trace = textOrNull(seg.elements[2]);
      txn.payment.originator = textOrNull(seg.elements[3]);
      return;
    case 'CUR':
      if (open.loop !== 'header') break;
      return;
    case 'N1':
      if (readN1(seg, open)) return;
      break;
    case 'N3':
    case 'N4':
      if (open.loop !== 'payer' && open.loop !== 'payee') break;
      readAddress(seg, open.loop === 'payer' ? txn.payer : txn.payee);
      return;
    case 'PER':
      if (open.loop !== 'payer' && !inClaim(open)) break;
      return;
    case 'RDM':
      if (open.loop !== 'payee') break;
      return;
    case 'LX':
      if (open.loop === 'summary') break;
      open.loop = 'detail';
      open.claim = null;
      open.line = null;
      open.headerNumber = textOrNull(seg.elements[1]);
      return;
    case 'TS3':
    case 'TS2':
      if (open.loop !== 'detail') break;
      return;
    case 'PLB':
      open.loop = 'summary';
      open.claim = null;
      open.line = null;
      for (const p of readPlb(seg, warnings)) txn.providerAdjustments.push(p);
      return;
    default:
      unknownSegment(seg, warnings);
      return;
  }
  outOfPlace(seg, LOOP_NAMES[open.loop], warnings);
}

function readBpr(seg: X12Segment, txn: EraTransaction, warnings: EraWarnings): void {
  const p = txn.payment;
  p.handling = textOrNull(seg.elements[1]);
  p.amount = requiredAmount(seg, 2, { name: 'BPR02', label: 'total payment' }, 'The payment', warnings);
  p.creditDebit = textOrNull(seg.elements[3]);
  p.method = textOrNull(seg.elements[4]);
  p.date = dateOf(seg, 16, { name: 'BPR16', label: 'payment date' }, 'The payment', warnings);
}

/** Whether the REF belongs where it is. */
function readRef(seg: X12Segment, open: OpenTransaction): boolean {
  const { txn, line } = open;
  if (open.loop === 'line' && line !== null && line.lineControlNumber === null && element(seg, 1) === '6R') {
    line.lineControlNumber = textOrNull(seg.elements[2]);
    return true;
  }
  const ref = readReference(seg);
  switch (open.loop) {
    case 'header':
      txn.references.push(ref);
      return true;
    case 'payer':
      txn.payer.references.push(ref);
      if (ref.qualifier === '2U' && txn.payer.id === null && ref.value !== '') {
        txn.payer.id = ref.value;
        txn.payer.idQualifier = '2U';
      }
      return true;
    case 'payee':
      txn.payee.references.push(ref);
      if (ref.qualifier === 'TJ' && txn.payee.taxId === null && ref.value !== '') txn.payee.taxId = ref.value;
      return true;
    case 'claim':
      if (!open.claim) return false;
      open.claim.references = append(open.claim.references, ref);
      return true;
    case 'line':
      if (!line) return false;
      line.references = append(line.references, ref);
      return true;
    default:
      return false;
  }
}

/** Whether the DTM belongs where it is. */
function readDtm(seg: X12Segment, open: OpenTransaction, warnings: EraWarnings): boolean {
  const qualifier = element(seg, 1);
  if (open.loop === 'header') {
    const date = dtmDate(seg, 'The payment', warnings);
    if (qualifier === '405') open.txn.productionDate = date;
    return true;
  }
  if (open.loop === 'claim' && open.claim) {
    const claim = open.claim;
    const date = dtmDate(seg, open, warnings);
    if (qualifier === '232') claim.serviceStart = date;
    else if (qualifier === '233') claim.serviceEnd = date;
    else if (qualifier === '050') claim.received = date;
    else if (qualifier === '036') claim.coverageExpiration = date;
    return true;
  }
  if (open.loop === 'line' && open.line) {
    const line = open.line;
    const date = dtmDate(seg, open, warnings);
    if (qualifier === '472') line.dateOfService = date;
    else if (qualifier === '150') {
      line.serviceStart = date;
      line.dateOfService ??= date;
    } else if (qualifier === '151') line.serviceEnd = date;
    return true;
  }
  return false;
}

/** N1*PR opens the payer, N1*PE the payee; the 835 has no other N1. */
function readN1(seg: X12Segment, open: OpenTransaction): boolean {
  if (open.loop !== 'header' && open.loop !== 'payer' && open.loop !== 'payee') return false;
  const entity = element(seg, 1);
  const name = textOrNull(seg.elements[2]);
  const idQualifier = textOrNull(seg.elements[3]);
  const id = textOrNull(seg.elements[4]);
  if (entity === 'PR') {
    Object.assign(open.txn.payer, { name, id, idQualifier, segment: seg.index });
    open.loop = 'payer';
    return true;
  }
  if (entity === 'PE') {
    const payee = open.txn.payee;
    Object.assign(payee, { name, id, idQualifier, segment: seg.index });
    if (idQualifier === 'XX') payee.npi = id;
    if (idQualifier === 'FI') payee.taxId = id;
    open.loop = 'payee';
    return true;
  }
  return false;
}

function readAddress(seg: X12Segment, party: { address: EraAddress | null }): void {
  const address = (party.address ??= { line1: null, line2: null, city: null, state: null, zip: null });
  if (seg.id === 'N3') {
    address.line1 = textOrNull(seg.elements[1]);
    address.line2 = textOrNull(seg.elements[2]);
  } else {
    address.city = textOrNull(seg.elements[1]);
    address.state = textOrNull(seg.elements[2]);
    address.zip = textOrNull(seg.elements[3]);
  }
}

function readNm1(seg: X12Segment, claim: EraClaim): void {
  const name = readName(seg);
  switch (element(seg, 1)) {
    case 'QC':
      claim.patient = {
        last: name.last,
        first: name.first,
        memberId: name.id ?? claim.insured?.id ?? null,
        middle: name.middle,
        segment: seg.index,
      };
      return;
    case 'IL':
      claim.insured = name;
      if (claim.patient !== null && claim.patient.memberId === null) claim.patient.memberId = name.id;
      return;
    case '74':
      claim.correctedPatient = name;
      return;
    case '82':
      claim.rendering = name;
      claim.renderingNpi = name.idQualifier === 'XX' ? name.id : null;
      return;
    default:
      // TT crossover carrier, PR corrected priority payer, GB other subscriber: not needed here.
      return;
  }
}

/** MOA03–07 and MIA05, MIA20–23 carry claim-level remark codes (RARC). */
function readRemarkCodes(seg: X12Segment, claim: EraClaim): void {
  const positions = seg.id === 'MOA' ? [3, 4, 5, 6, 7] : [5, 20, 21, 22, 23];
  for (const n of positions) {
    const code = codeOrNull(seg.elements[n]);
    if (code !== null) claim.remarks = append(claim.remarks, code);
  }
}
