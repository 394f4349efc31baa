/**
 * What reading an X12 835 (005010X221A1) remittance gives: the `EraReading`, which keeps everything
 * storage and matching need (segment numbers, references, dates, submitted codes, balances), and
 * the `EraPreview`, the exact shape the CLI's `--preview` prints, made from a reading by
 * `eraPreview` (era-preview.ts). A reading's objects list the preview's fields first, in the
 * preview's order, and add their extras after them.
 *
 * Conventions: amounts are money strings with exactly 2 decimals ("1500.00", "-1087.92"), never
 * numbers; units are decimal strings ("1", "2.5"); dates are "YYYY-MM-DD"; a field the file does
 * not carry is `null`; `segment` is the 1-based number of the segment in the file (the first
 * segment of the file, ISA or ST, is 1).
 */
import { type Failure } from '../result';

// ---------------------------------------------------------------------------------------------
// Warnings and refusals

/** Findings that do not stop the reading. Each comes with a segment number and a sentence. */
export type EraWarningCode =
  | 'SE_COUNT_MISMATCH'
  | 'SE_CONTROL_MISMATCH'
  | 'SE_MISSING'
  | 'ENVELOPE_COUNT_MISMATCH'
  | 'ENVELOPE_CONTROL_MISMATCH'
  | 'ENVELOPE_UNCLOSED'
  | 'ENVELOPE_INVALID'
  | 'VERSION_UNEXPECTED'
  | 'TRANSACTION_NOT_835'
  | 'BPR_MISSING'
  | 'SEGMENT_UNKNOWN'
  | 'SEGMENT_OUT_OF_PLACE'
  | 'SVC_CODE_MISSING'
  | 'SVC_AMOUNT_MISSING'
  | 'SVC_UNITS_DEFAULTED'
  | 'AMOUNT_MISSING'
  | 'AMOUNT_INVALID'
  | 'AMOUNT_ROUNDED'
  | 'UNITS_INVALID'
  | 'DATE_INVALID'
  | 'CAS_GROUP_UNKNOWN'
  | 'CLAIM_ID_MISSING'
  | 'CLAIM_STATUS_UNKNOWN'
  | 'CLAIM_DENIED'
  | 'CLAIM_DENIED_BUT_PAID'
  | 'CLAIM_NOT_PAID'
  | 'CLAIM_REVERSAL'
  | 'LINE_OUT_OF_BALANCE'
  | 'CLAIM_OUT_OF_BALANCE'
  | 'TRANSACTION_OUT_OF_BALANCE'
  | 'WARNINGS_TRUNCATED';

export type EraWarning = { code: EraWarningCode; segment: number; message: string };

/** Why a file is refused as a whole (an `ok: false` result, never a throw). */
export type EraRefusalCode = 'ERA_EMPTY' | 'ERA_NOT_835' | 'ERA_ENVELOPE_INVALID' | 'ERA_TOO_LARGE';

export type EraReadResult = { ok: true; reading: EraReading } | Failure<EraRefusalCode>;

// ---------------------------------------------------------------------------------------------
// Pieces shared by several loops

/** One CAS triplet: group (CO, PR, OA, PI), CARC reason, amount, and the optional quantity. */
export type EraAdjustment = {
  group: string;
  reason: string;
  amount: string;
  quantity: string | null;
  segment: number;
};

/** A REF segment: qualifier (6R, 1L, EA…) and value. */
export type EraReference = { qualifier: string; value: string; segment: number };

/** An AMT segment: qualifier (B6 allowed, AU coverage, I interest…) and amount. */
export type EraAmount = { qualifier: string; amount: string; segment: number };

export type EraAddress = {
  line1: string | null;
  line2: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
};

/** An NM1 person or organisation of the claim loop (patient, insured, rendering provider…). */
export type EraName = {
  last: string | null;
  first: string | null;
  middle: string | null;
  /** NM109 whatever its qualifier (member id for QC/IL, NPI for 82 when idQualifier is XX). */
  id: string | null;
  idQualifier: string | null;
  segment: number;
};

// ---------------------------------------------------------------------------------------------
// Balances: how a balancing rule came out on an item that does not balance (`difference` is
// never 0.00 on a line or claim: a balanced line or claim has `balance: null`).

/** SVC02 − SVC03 = Σ line CAS. */
export type EraLineBalance = { chargeMinusPaid: string; adjustments: string; difference: string };

/** CLP03 − CLP04 = Σ claim CAS + Σ line CAS. */
export type EraClaimBalance = {
  chargeMinusPaid: string;
  claimAdjustments: string;
  lineAdjustments: string;
  difference: string;
};

/**
 * BPR02 = Σ CLP04 − Σ PLB (with BPR03 = D, a debit, the sum is −BPR02). `difference` is
 * (Σ CLP04 − Σ PLB) − payment. Kept on every transaction, balanced or not.
 */
export type EraTransactionBalance = {
  payment: string;
  claimsPaid: string;
  providerAdjustments: string;
  difference: string;
};

/** One item that did not balance, listed on the reading so none is hidden by a warning cap. */
export type EraImbalance = {
  level: 'line' | 'claim' | 'transaction';
  segment: number;
  /** Index of the transaction in `reading.transactions` (0 for the first). */
  transactionIndex: number;
  patientControlNumber: string | null;
  difference: string;
};

// ---------------------------------------------------------------------------------------------
// The reading

export type EraLine = {
  /** SVC01-2: the procedure code as adjudicated. null only when SVC01 is empty. */
  code: string | null;
  modifiers: readonly string[];
  /** SVC06-2: the code as submitted, when the payer changed it. */
  submittedCode: string | null;
  charge: string;
  paid: string;
  /** AMT*B6. */
  allowed: string | null;
  /** SVC05, "1" when absent (with a SVC_UNITS_DEFAULTED warning). */
  units: string;
  /** DTM*472, else DTM*150 (the start of a service period). */
  dateOfService: string | null;
  /** REF*6R: the line item control number echoed from the 837. */
  lineControlNumber: string | null;
  balanced: boolean;
  /** LQ*HE remark codes (RARC), in file order. */
  remarks: readonly string[];
  adjustments: readonly EraAdjustment[];
  // Extras
  segment: number;
  /** SVC01-1: HC (HCPCS/CPT), AD, ER, IV, N4, NU, WK, ZZ… */
  qualifier: string | null;
  /** SVC01-7. */
  description: string | null;
  submittedQualifier: string | null;
  submittedModifiers: readonly string[];
  /** SVC07. */
  submittedUnits: string | null;
  /** SVC04: the NUBC revenue code (institutional). */
  revenueCode: string | null;
  /** DTM*150 / DTM*151: a service period. */
  serviceStart: string | null;
  serviceEnd: string | null;
  /** LQ codes with another qualifier than HE (RX: NCPDP reject codes), as "RX:70". */
  otherRemarks: readonly string[];
  /** REF segments other than 6R (LU location, G1 prior authorization, HPI…). */
  references: readonly EraReference[];
  /** AMT segments other than B6 (KH late filing reduction, T tax…). */
  amounts: readonly EraAmount[];
  /** null when the line balances. */
  balance: EraLineBalance | null;
};

export type EraPatient = {
  last: string | null;
  first: string | null;
  /** NM109 of NM1*QC, else of NM1*IL (the subscriber), else null. */
  memberId: string | null;
  middle: string | null;
  segment: number;
};

export type EraClaim = {
  patientControlNumber: string | null;
  /** CLP02 as written ("1", "4", "22"…). */
  status: string;
  charge: string;
  paid: string;
  /** CLP05, null when empty. */
  patientResponsibility: string | null;
  /** CLP07: the payer's claim control number (ICN). */
  payerClaimNumber: string | null;
  /** NM1*QC (with the IL member id when QC has none); null when the claim has no NM1*QC. */
  patient: EraPatient | null;
  balanced: boolean;
  /** Claim-level CAS only; line CAS are on the lines. */
  adjustments: readonly EraAdjustment[];
  lines: readonly EraLine[];
  // Extras
  segment: number;
  /** "Processed as primary", "Denied", "Reversal of previous payment"… or null for an unknown code. */
  statusMeaning: string | null;
  /** CLP06: MB Medicare Part B, MC Medicaid, CI commercial… */
  filingIndicator: string | null;
  /** CLP08 facility type / place of service, CLP09 frequency code. */
  facilityType: string | null;
  frequency: string | null;
  /** LX01 of the header loop the claim sits in. */
  headerNumber: string | null;
  insured: EraName | null;
  correctedPatient: EraName | null;
  rendering: EraName | null;
  /** The NPI of the rendering provider when NM1*82 carries one (NM108 = XX). */
  renderingNpi: string | null;
  /** DTM*232 / DTM*233: the claim's service (statement) period; DTM*050: received by the payer;
   * DTM*036: the patient's coverage expired. */
  serviceStart: string | null;
  serviceEnd: string | null;
  received: string | null;
  coverageExpiration: string | null;
  /** MOA/MIA remark codes (RARC), in file order. */
  remarks: readonly string[];
  /** REF segments (1L group number, EA medical record, F8 original reference…). */
  references: readonly EraReference[];
  /** AMT segments (AU coverage, I interest, F5 patient paid…). */
  amounts: readonly EraAmount[];
  /** null when the claim balances. */
  balance: EraClaimBalance | null;
};

export type EraProviderAdjustment = {
  /** PLB03-1: WO overpayment recovery, L6 interest, FB forwarding balance, 72 authorized return… */
  reason: string;
  /** PLB03-2, null when absent. */
  reference: string | null;
  /** As written: positive when it reduces the payment. */
  amount: string;
  // Extras
  providerId: string | null;
  /** PLB02: the last day of the provider's fiscal year. */
  fiscalPeriodDate: string | null;
  segment: number;
};

export type EraPayer = {
  name: string | null;
  /** N104 of N1*PR, else REF*2U. */
  id: string | null;
  idQualifier: string | null;
  address: EraAddress | null;
  references: EraReference[];
  segment: number | null;
};

export type EraPayee = {
  name: string | null;
  /** N104 when N103 = XX. */
  npi: string | null;
  /** N104 when N103 = FI, else REF*TJ. */
  taxId: string | null;
  idQualifier: string | null;
  id: string | null;
  address: EraAddress | null;
  references: EraReference[];
  segment: number | null;
};

export type EraPayment = {
  /** BPR02; null when the transaction has no BPR. */
  amount: string | null;
  /** BPR04: ACH, CHK, BOP, FWT, NON. */
  method: string | null;
  /** TRN02: the check or EFT trace number. */
  trace: string | null;
  /** BPR16: the check issue or EFT effective date. */
  date: string | null;
  // Extras
  /** BPR01: I remittance with payment, H notification only… */
  handling: string | null;
  /** BPR03: C credit, D debit. */
  creditDebit: string | null;
  /** TRN03: the payer's identifier as originator of the trace (1 + its EIN). */
  originator: string | null;
};

export type EraEnvelope = {
  /** ISA06 / ISA08 (trimmed), ISA13. */
  senderId: string | null;
  receiverId: string | null;
  interchangeControlNumber: string | null;
  /** GS02 / GS03, GS06, GS08 ("005010X221A1"). */
  applicationSender: string | null;
  applicationReceiver: string | null;
  groupControlNumber: string | null;
  version: string | null;
};

export type EraTransaction = {
  payer: EraPayer;
  payee: EraPayee;
  payment: EraPayment;
  balanced: boolean;
  claims: EraClaim[];
  providerAdjustments: EraProviderAdjustment[];
  // Extras
  /** Segment number of ST, and ST02. */
  segment: number;
  controlNumber: string | null;
  /** null when the file starts at ST without an ISA/GS envelope. */
  envelope: EraEnvelope | null;
  /** DTM*405: the production date of the remittance. */
  productionDate: string | null;
  references: EraReference[];
  balance: EraTransactionBalance;
};

export type EraSummary = {
  claims: number;
  lines: number;
  /** Lines, claims and transactions that do not balance. */
  outOfBalance: number;
  /** Σ CLP04 over every claim of every transaction. */
  totalPaid: string;
};

export type EraReading = {
  transactions: EraTransaction[];
  warnings: EraWarning[];
  summary: EraSummary;
  // Extras
  /** Every out-of-balance item, even when its warnings were cut at the per-code cap. */
  outOfBalance: EraImbalance[];
  /** How many segments the file has. */
  segments: number;
};

// ---------------------------------------------------------------------------------------------
// The preview: the exact shape of the CLI's `--preview` JSON

export type EraPreviewAdjustment = { group: string; reason: string; amount: string };

export type EraPreviewLine = {
  code: string | null;
  modifiers: string[];
  submittedCode: string | null;
  charge: string;
  paid: string;
  allowed: string | null;
  units: string;
  dateOfService: string | null;
  lineControlNumber: string | null;
  balanced: boolean;
  remarks: string[];
  adjustments: EraPreviewAdjustment[];
};

export type EraPreviewClaim = {
  patientControlNumber: string | null;
  status: string;
  charge: string;
  paid: string;
  patientResponsibility: string | null;
  payerClaimNumber: string | null;
  patient: { last: string | null; first: string | null; memberId: string | null } | null;
  balanced: boolean;
  adjustments: EraPreviewAdjustment[];
  lines: EraPreviewLine[];
};

export type EraPreviewTransaction = {
  payer: { name: string | null; id: string | null };
  payee: { name: string | null; npi: string | null };
  payment: { amount: string | null; method: string | null; trace: string | null; date: string | null };
  balanced: boolean;
  claims: EraPreviewClaim[];
  providerAdjustments: { reason: string; reference: string | null; amount: string }[];
};

export type EraPreview = {
  transactions: EraPreviewTransaction[];
  warnings: EraWarning[];
  summary: EraSummary;
};
