/**
 * Remittances in the database: ERA files, remittances (835 transactions or paper EOBs), their
 * claims and lines, and each line's match to an administration's claim line. SQL only: what is
 * written, and when, is decided in remittances/. Amounts are integer cents; CAS adjustments and
 * remark codes are JSON on their claim or line. A reversal claim points at the claim it reverses
 * (and that claim back at it); both are then left out of what was paid.
 */
import type { CandidateLine } from '../../../shared/domain/remittance-matching';
import type { LineKind, PostingAdjustment, PostingRemittance } from '../../../shared/domain/remittance';
import * as x12Values from '../../../shared/domain/era/x12-values';
import { parseCents } from '../../../shared/domain/money';
import type { Db } from '../db/open';
import { foldedContains } from './search-text';
import { statementCache } from './statement-cache';

export type StoredLine = {
  id: number;
  claimId: number;
  position: number;
  code: string;
  modifiers: string;
  submittedCode: string | null;
  chargeCents: number;
  paidCents: number;
  allowedCents: number | null;
  units: string;
  dateOfService: string | null;
  lineControlNumber: string;
  balanced: number;
  adjustmentsJson: string;
  remarksJson: string;
  administrationId: number | null;
  lineKind: LineKind | null;
  matchHow: string | null;
};

export type StoredClaim = {
  id: number;
  remittanceId: number;
  position: number;
  patientControlNumber: string;
  status: string;
  chargeCents: number;
  paidCents: number;
  patientResponsibilityCents: number;
  payerClaimNumber: string;
  patientLast: string;
  patientFirst: string;
  memberId: string;
  balanced: number;
  adjustmentsJson: string;
  reversesClaimId: number | null;
  reversedByClaimId: number | null;
  segment: number | null;
};

export type StoredRemittance = {
  id: number;
  source: 'era' | 'paper';
  eraFileId: number | null;
  payerId: number | null;
  payerName: string;
  payerIdentifier: string;
  payeeName: string;
  payeeNpi: string;
  paymentCents: number;
  paymentMethod: string;
  traceNumber: string;
  paymentDate: string | null;
  balanced: number;
  providerAdjustmentsJson: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
};

export type StoredEraFile = {
  id: number;
  fileName: string;
  sha256: string;
  byteSize: number;
  transactionCount: number;
  claimCount: number;
  lineCount: number;
  outOfBalance: number;
  totalPaidCents: number;
  warningsJson: string;
  importedAt: string;
  importedBy: string;
};

/** One matched remittance line as the variance counts it (claims reversed or reversing left out). */
export type PostedRow = {
  allowedCents: number | null;
  paidCents: number;
  adjustmentsJson: string;
  claimAdjustmentsJson: string;
  claimPatientCents: number;
  claimLineCount: number;
  claimStatus: string;
  remarksJson: string;
  paymentDate: string | null;
};

const CLAIM_COLUMNS = `id, remittance_id AS remittanceId, position, patient_control_number AS patientControlNumber, status,
  charge_cents AS chargeCents, paid_cents AS paidCents, patient_responsibility_cents AS patientResponsibilityCents,
  payer_claim_number AS payerClaimNumber, patient_last AS patientLast, patient_first AS patientFirst,
  member_id AS memberId, balanced, adjustments_json AS adjustmentsJson, reverses_claim_id AS reversesClaimId,
  reversed_by_claim_id AS reversedByClaimId, segment`;

const LINE_COLUMNS = `id, claim_id AS claimId, position, code, modifiers, submitted_code AS submittedCode,
  charge_cents AS chargeCents, paid_cents AS paidCents, allowed_cents AS allowedCents, units,
  date_of_service AS dateOfService, line_control_number AS lineControlNumber, balanced,
  adjustments_json AS adjustmentsJson, remarks_json AS remarksJson, administration_id AS administrationId,
  line_kind AS lineKind, match_how AS matchHow`;

const REMITTANCE_COLUMNS = `id, source, era_file_id AS eraFileId, payer_id AS payerId, payer_name AS payerName,
  payer_identifier AS payerIdentifier, payee_name AS payeeName, payee_npi AS payeeNpi, payment_cents AS paymentCents,
  payment_method AS paymentMethod, trace_number AS traceNumber, payment_date AS paymentDate, balanced,
  provider_adjustments_json AS providerAdjustmentsJson, created_at AS createdAt, created_by AS createdBy,
  updated_at AS updatedAt`;

const FILE_COLUMNS = `id, file_name AS fileName, sha256, byte_size AS byteSize, transaction_count AS transactionCount,
  claim_count AS claimCount, line_count AS lineCount, out_of_balance AS outOfBalance,
  total_paid_cents AS totalPaidCents, warnings_json AS warningsJson, imported_at AS importedAt,
  imported_by AS importedBy`;

const adjustmentsJson = (list: readonly PostingAdjustment[]): string =>
  JSON.stringify(
    list.map((a) => ({ group: a.group, reason: a.reason, amountCents: a.amountCents, quantity: a.quantity })),
  );

export type UnmatchedQuery = {
  payerId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  search: string;
  limit: number;
  offset: number;
};

export function remittanceRepository(db: Db) {
  const fileBySha = db.prepare(`SELECT ${FILE_COLUMNS} FROM era_files WHERE sha256 = ?`);
  const fileById = db.prepare(`SELECT ${FILE_COLUMNS} FROM era_files WHERE id = ?`);
  const insertFile = db.prepare(
    `INSERT INTO era_files (file_name, sha256, byte_size, transaction_count, claim_count, line_count, out_of_balance,
       total_paid_cents, warnings_json, imported_at, imported_by)
     VALUES (@fileName, @sha256, @byteSize, @transactionCount, @claimCount, @lineCount, @outOfBalance,
       @totalPaidCents, @warningsJson, @importedAt, @importedBy)`,
  );
  const insertRemittance = db.prepare(
    `INSERT INTO remittances (source, era_file_id, payer_id, payer_name, payer_identifier, payee_name, payee_npi,
       payment_cents, payment_method, trace_number, payment_date, balanced, provider_adjustments_json,
       created_at, created_by, updated_at)
     VALUES (@source, @eraFileId, @payerId, @payerName, @payerIdentifier, @payeeName, @payeeNpi, @paymentCents,
       @method, @trace, @paymentDate, @balanced, @providerAdjustmentsJson, @at, @actor, @at)`,
  );
  const insertClaim = db.prepare(
    `INSERT INTO remittance_claims (remittance_id, position, patient_control_number, status, charge_cents,
       paid_cents, patient_responsibility_cents, payer_claim_number, patient_last, patient_first, member_id,
       balanced, adjustments_json, segment)
     VALUES (@remittanceId, @position, @patientControlNumber, @status, @chargeCents, @paidCents,
       @patientResponsibilityCents, @payerClaimNumber, @patientLast, @patientFirst, @memberId, @balanced,
       @adjustmentsJson, @segment)`,
  );
  const insertLine = db.prepare(
    `INSERT INTO remittance_lines (claim_id, position, code, modifiers, submitted_code, charge_cents, paid_cents,
       allowed_cents, units, date_of_service, line_control_number, balanced, adjustments_json, remarks_json)
     VALUES (@claimId, @position, @code, @modifiers, @submittedCode, @chargeCents, @paidCents, @allowedCents,
       @units, @dateOfService, @lineControlNumber, @balanced, @adjustmentsJson, @remarksJson)`,
  );
  const setFileWarnings = db.prepare(`UPDATE era_files SET warnings_json = ? WHERE id = ?`);
  const setMatch = db.prepare(
    `UPDATE remittance_lines SET administration_id = ?, line_kind = ?, match_how = ? WHERE id = ?`,
  );
  const payerByName = db.prepare(`SELECT id FROM payers WHERE name = ? COLLATE NOCASE`).pluck();
  const payerByCode = db.prepare(`SELECT id FROM payers WHERE payer_code <> '' AND payer_code = ?`).pluck();
  // The claim lines of many claims at once (an 835 names thousands): each administration with the
  // lines its estimate billed (administration_claim_lines, kept by triggers), from the index of
  // claim number and payer alone. INDEXED BY: left to itself SQLite may walk the payer's index
  // (which also gives the order) and read every administration of the payer for each claim.
  // Each row names its claim by its position in the JSON list (an integer), not by the claim
  // number's text: a big 835 reads tens of thousands of rows, and each text column is a new string.
  // The rows come as one JSON array of arrays, read by JSON.parse: better-sqlite3 builds each row
  // through C++ with several times the memory, all of it held until the last row is read.
  const claimLines = db
    .prepare(
      `SELECT json_group_array(json_array(wantedIndex, id, hcpcs, dateOfService, wasted, modifiers, billedCharge)
                               ORDER BY wantedIndex, dateOfService, id, lineNo)
         FROM (SELECT w.key AS wantedIndex, a.id, coalesce(l.hcpcs, a.hcpcs) AS hcpcs,
                      a.date_of_service AS dateOfService, l.line_kind = 'wasted' AS wasted,
                      nullif(l.modifiers_json, '[]') AS modifiers, l.billed_charge AS billedCharge, l.line_no AS lineNo
                 FROM json_each(?) w
                 JOIN administrations a INDEXED BY administrations_by_claim_payer
                   ON a.claim_number = w.value AND a.payer_id = ?
                 LEFT JOIN administration_claim_lines l ON l.administration_id = a.id)`,
    )
    .pluck();
  const original = db.prepare(
    `SELECT c.id FROM remittance_claims c JOIN remittances r ON r.id = c.remittance_id
      WHERE c.patient_control_number = @pcn AND c.status <> '22' AND c.reversed_by_claim_id IS NULL
        AND c.id < @id AND (@payerId IS NULL OR r.payer_id IS @payerId)
        AND (@payerClaimNumber = '' OR c.payer_claim_number = @payerClaimNumber)
      ORDER BY c.id DESC LIMIT 1`,
  );
  const linkReversal = db.prepare(`UPDATE remittance_claims SET reverses_claim_id = ? WHERE id = ?`);
  const markReversed = db.prepare(`UPDATE remittance_claims SET reversed_by_claim_id = ? WHERE id = ?`);
  const claimById = db.prepare(`SELECT ${CLAIM_COLUMNS} FROM remittance_claims WHERE id = ?`);
  const claimsOf = db.prepare(
    `SELECT ${CLAIM_COLUMNS} FROM remittance_claims WHERE remittance_id = ? ORDER BY position`,
  );
  const linesOfClaim = db.prepare(`SELECT ${LINE_COLUMNS} FROM remittance_lines WHERE claim_id = ? ORDER BY position`);
  const lineById = db.prepare(`SELECT ${LINE_COLUMNS} FROM remittance_lines WHERE id = ?`);
  const remittanceById = db.prepare(`SELECT ${REMITTANCE_COLUMNS} FROM remittances WHERE id = ?`);
  const remittancesOfFile = db.prepare(
    `SELECT ${REMITTANCE_COLUMNS} FROM remittances WHERE era_file_id = ? ORDER BY id`,
  );
  const posted = db.prepare(
    `SELECT l.allowed_cents AS allowedCents, l.paid_cents AS paidCents, l.adjustments_json AS adjustmentsJson,
            l.remarks_json AS remarksJson, c.adjustments_json AS claimAdjustmentsJson,
            c.patient_responsibility_cents AS claimPatientCents, c.status AS claimStatus,
            (SELECT count(*) FROM remittance_lines x WHERE x.claim_id = c.id) AS claimLineCount,
            r.payment_date AS paymentDate
       FROM remittance_lines l JOIN remittance_claims c ON c.id = l.claim_id JOIN remittances r ON r.id = c.remittance_id
      WHERE l.administration_id = ? AND l.line_kind = ?
        AND c.reverses_claim_id IS NULL AND c.reversed_by_claim_id IS NULL
      ORDER BY l.id`,
  );
  const linesOfAdministration = db.prepare(
    `SELECT ${LINE_COLUMNS} FROM remittance_lines WHERE administration_id = ? ORDER BY id`,
  );
  const filesPage = db.prepare(`SELECT ${FILE_COLUMNS} FROM era_files ORDER BY id DESC LIMIT ? OFFSET ?`);
  const filesCount = db.prepare(`SELECT count(*) FROM era_files`).pluck();
  const unmatchedOfFile = db
    .prepare(
      `SELECT count(*) FROM remittance_lines l JOIN remittance_claims c ON c.id = l.claim_id
       JOIN remittances r ON r.id = c.remittance_id WHERE r.era_file_id = ? AND l.administration_id IS NULL`,
    )
    .pluck();
  const updateRemittance = db.prepare(
    `UPDATE remittances SET payment_cents = @paymentCents, trace_number = @trace, payment_date = @paymentDate,
       updated_at = @at WHERE id = @id`,
  );
  const updateClaimAmounts = db.prepare(
    `UPDATE remittance_claims SET paid_cents = @paidCents, patient_responsibility_cents = @patientResponsibilityCents
      WHERE id = @id`,
  );
  const updateLineAmounts = db.prepare(
    `UPDATE remittance_lines SET paid_cents = @paidCents, allowed_cents = @allowedCents,
       adjustments_json = @adjustmentsJson, remarks_json = @remarksJson WHERE id = @id`,
  );
  const deleteRemittance = db.prepare(`DELETE FROM remittances WHERE id = ?`);
  const prepared = statementCache(db);

  /** The claim lines of many claims in one query, by claim number (claims with no administration absent). */
  function claimCandidatesOf(payerId: number, claimNumbers: readonly string[]): Map<string, CandidateLine[]> {
    const out = new Map<string, CandidateLine[]>();
    // Each claim number once, in file order (a Set keeps the first of each).
    const wanted: string[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < claimNumbers.length; i++) {
      const n = claimNumbers[i] as string;
      if (n === '' || seen.has(n)) continue;
      seen.add(n);
      wanted.push(n);
    }
    if (wanted.length === 0) return out;
    // Rows as arrays, not objects: a big 835 reads tens of thousands of them. The SQL already
    // picks the line's HCPCS (else the administration's) and leaves "[]" modifiers out.
    const rows = JSON.parse(claimLines.get(JSON.stringify(wanted), payerId) as string) as CandidateRow[];
    // Most lines carry one of a few modifier lists ("["JW"]"): each is parsed once per call.
    const modifierLists = new Map<string, readonly string[]>();
    let list: CandidateLine[] = [];
    let listOf = -1;
    for (let r = 0; r < rows.length; r++) {
      // By index, not destructured: destructuring an array walks an iterator, an object per row.
      const row = rows[r] as CandidateRow;
      const wantedIndex = row[0];
      const id = row[1];
      const hcpcs = row[2];
      const dateOfService = row[3];
      const wasted = row[4];
      const modifiers = row[5];
      const billedCharge = row[6];
      // Rows come ordered by their claim's position, so a claim's rows follow each other.
      if (wantedIndex !== listOf) {
        listOf = wantedIndex;
        list = [];
        out.set(wanted[wantedIndex] as string, list);
      }
      list.push({
        administrationId: id,
        // An administration without an estimate (wasted is null) still has its given line,
        // matched by code and date.
        lineKind: wasted === 1 ? 'wasted' : 'given',
        hcpcs,
        modifiers: modifiers ? modifierListOf(modifiers, modifierLists) : NO_MODIFIERS,
        dateOfService,
        billedChargeCents: billedCharge === null ? -1 : centsOfMoney(billedCharge),
      });
    }
    return out;
  }

  return {
    fileBySha: (sha256: string): StoredEraFile | undefined => fileBySha.get(sha256) as StoredEraFile | undefined,
    file: (id: number): StoredEraFile | undefined => fileById.get(id) as StoredEraFile | undefined,
    files: (limit: number, offset: number): { rows: StoredEraFile[]; total: number } => ({
      rows: filesPage.all(limit, offset) as StoredEraFile[],
      total: filesCount.get() as number,
    }),
    unmatchedOfFile: (fileId: number): number => unmatchedOfFile.get(fileId) as number,

    insertFile: (f: Omit<StoredEraFile, 'id'>): number => Number(insertFile.run(f).lastInsertRowid),
    setFileWarnings: (fileId: number, warningsJson: string): void => {
      setFileWarnings.run(warningsJson, fileId);
    },

    /** The payer a remittance names: by its payer code (N1*PR id), else by name, case ignored. */
    payerIdFor(name: string, identifier: string): number | null {
      if (identifier !== '') {
        const byCode = payerByCode.get(identifier) as number | undefined;
        if (byCode !== undefined) return byCode;
      }
      return (payerByName.get(name.trim()) as number | undefined) ?? null;
    },

    /** Writes a remittance with its claims and lines; returns their ids in the same shape. */
    insertRemittance(
      p: PostingRemittance,
      ids: { eraFileId: number | null; payerId: number | null },
      at: string,
      actor: string,
    ): { remittanceId: number; claims: { id: number; lineIds: number[] }[] } {
      const remittanceId = Number(
        insertRemittance.run({
          source: p.source,
          eraFileId: ids.eraFileId,
          payerId: ids.payerId,
          payerName: p.payerName,
          payerIdentifier: p.payerIdentifier,
          payeeName: p.payeeName,
          payeeNpi: p.payeeNpi,
          paymentCents: p.paymentCents,
          method: p.method,
          trace: p.trace,
          paymentDate: p.paymentDate,
          balanced: p.balanced ? 1 : 0,
          providerAdjustmentsJson: JSON.stringify(p.providerAdjustments),
          at,
          actor,
        }).lastInsertRowid,
      );
      const claims = p.claims.map((c, position) => {
        const id = Number(
          insertClaim.run({
            remittanceId,
            position,
            patientControlNumber: c.patientControlNumber,
            status: c.status,
            chargeCents: c.chargeCents,
            paidCents: c.paidCents,
            patientResponsibilityCents: c.patientResponsibilityCents,
            payerClaimNumber: c.payerClaimNumber,
            patientLast: c.patient.last,
            patientFirst: c.patient.first,
            memberId: c.patient.memberId,
            balanced: c.balanced ? 1 : 0,
            adjustmentsJson: adjustmentsJson(c.adjustments),
            segment: c.segment,
          }).lastInsertRowid,
        );
        const lineIds = c.lines.map((l, linePosition) =>
          Number(
            insertLine.run({
              claimId: id,
              position: linePosition,
              code: l.code,
              modifiers: l.modifiers.join(','),
              submittedCode: l.submittedCode,
              chargeCents: l.chargeCents,
              paidCents: l.paidCents,
              allowedCents: l.allowedCents,
              units: l.units,
              dateOfService: l.dateOfService,
              lineControlNumber: l.lineControlNumber,
              balanced: l.balanced ? 1 : 0,
              adjustmentsJson: adjustmentsJson(l.adjustments),
              remarksJson: JSON.stringify(l.remarks),
            }).lastInsertRowid,
          ),
        );
        return { id, lineIds };
      });
      return { remittanceId, claims };
    },

    /** The claim lines a remittance claim may pay: each administration of that claim, given and JW. */
    claimCandidates(payerId: number, claimNumber: string): CandidateLine[] {
      return claimCandidatesOf(payerId, [claimNumber]).get(claimNumber) ?? [];
    },

    claimCandidatesOf,

    /** The claim a reversal undoes: the newest earlier claim of the payer with its numbers, not yet reversed. */
    originalOf(claim: { id: number; patientControlNumber: string; payerClaimNumber: string }, payerId: number | null) {
      return original.get({
        id: claim.id,
        pcn: claim.patientControlNumber,
        payerClaimNumber: claim.payerClaimNumber,
        payerId,
      }) as { id: number } | undefined;
    },
    linkReversal(reversalId: number, originalId: number): void {
      linkReversal.run(originalId, reversalId);
      markReversed.run(reversalId, originalId);
    },

    setMatch(lineId: number, match: { administrationId: number; lineKind: LineKind; how: string } | null): void {
      setMatch.run(match?.administrationId ?? null, match?.lineKind ?? null, match?.how ?? null, lineId);
    },

    claim: (id: number): StoredClaim | undefined => claimById.get(id) as StoredClaim | undefined,
    claimsOf: (remittanceId: number): StoredClaim[] => claimsOf.all(remittanceId) as StoredClaim[],
    linesOfClaim: (claimId: number): StoredLine[] => linesOfClaim.all(claimId) as StoredLine[],
    line: (id: number): StoredLine | undefined => lineById.get(id) as StoredLine | undefined,
    remittance: (id: number): StoredRemittance | undefined => remittanceById.get(id) as StoredRemittance | undefined,
    remittancesOfFile: (fileId: number): StoredRemittance[] => remittancesOfFile.all(fileId) as StoredRemittance[],
    linesOfAdministration: (administrationId: number): StoredLine[] =>
      linesOfAdministration.all(administrationId) as StoredLine[],

    /** The remittance lines matched to one claim line that count toward what was paid. */
    postedOf: (administrationId: number, lineKind: LineKind): PostedRow[] =>
      posted.all(administrationId, lineKind) as PostedRow[],

    /** Unmatched lines (newest first), optionally of one payer, service dates, or matching a search. */
    unmatched(q: UnmatchedQuery) {
      const where = ['l.administration_id IS NULL'];
      const params: Record<string, string | number> = { limit: q.limit, offset: q.offset };
      if (q.payerId !== undefined) {
        where.push('r.payer_id = @payerId');
        params.payerId = q.payerId;
      }
      if (q.from !== undefined) {
        where.push('l.date_of_service >= @from');
        params.from = q.from;
      }
      if (q.to !== undefined) {
        where.push('l.date_of_service <= @to');
        params.to = q.to;
      }
      if (q.search !== '') {
        // The patient's name ignoring case and accents.
        where.push(
          `(c.patient_control_number LIKE @search ESCAPE '\\'
            OR ${foldedContains(['c.patient_last', 'c.patient_first'], q.search, 'name', params)}
            OR l.code LIKE @search ESCAPE '\\')`,
        );
        params.search = `%${q.search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      }
      const from = `FROM remittance_lines l JOIN remittance_claims c ON c.id = l.claim_id
        JOIN remittances r ON r.id = c.remittance_id LEFT JOIN era_files f ON f.id = r.era_file_id
        WHERE ${where.join(' AND ')}`;
      const rows = prepared(
        `SELECT l.id AS lineId, r.id AS remittanceId, f.file_name AS fileName, r.payer_name AS payerName,
                r.payer_id AS payerId, r.payment_date AS paymentDate, c.patient_control_number AS patientControlNumber,
                c.patient_last AS patientLast, c.patient_first AS patientFirst, c.status AS claimStatus,
                l.code, l.modifiers, l.date_of_service AS dateOfService, l.charge_cents AS chargeCents,
                l.paid_cents AS paidCents
           ${from} ORDER BY l.id DESC LIMIT @limit OFFSET @offset`,
      ).all(params) as UnmatchedRow[];
      const total = prepared(`SELECT count(*) ${from}`).pluck().get(params) as number;
      return { rows, total };
    },

    /** A paper posting's amounts, corrected. */
    updatePaper(
      ids: { remittanceId: number; claimId: number; lineId: number },
      v: {
        paymentCents: number;
        trace: string;
        paymentDate: string;
        paidCents: number;
        patientResponsibilityCents: number;
        allowedCents: number | null;
        adjustments: PostingAdjustment[];
        remarks: string[];
      },
      at: string,
    ): void {
      updateRemittance.run({
        id: ids.remittanceId,
        paymentCents: v.paymentCents,
        trace: v.trace,
        paymentDate: v.paymentDate,
        at,
      });
      updateClaimAmounts.run({
        id: ids.claimId,
        paidCents: v.paidCents,
        patientResponsibilityCents: v.patientResponsibilityCents,
      });
      updateLineAmounts.run({
        id: ids.lineId,
        paidCents: v.paidCents,
        allowedCents: v.allowedCents,
        adjustmentsJson: adjustmentsJson(v.adjustments),
        remarksJson: JSON.stringify(v.remarks),
      });
    },

    deleteRemittance: (id: number): void => {
      deleteRemittance.run(id);
    },
  };
}
export type RemittanceRepository = ReturnType<typeof remittanceRepository>;

export type UnmatchedRow = {
  lineId: number;
  remittanceId: number;
  fileName: string | null;
  payerName: string;
  payerId: number | null;
  paymentDate: string | null;
  patientControlNumber: string;
  patientLast: string;
  patientFirst: string;
  claimStatus: string;
  code: string;
  modifiers: string;
  dateOfService: string | null;
  chargeCents: number;
  paidCents: number;
};

/** The claim number's position in the list looked up, id, HCPCS (the line's, else the administration's), date; JW line (1/0), modifiers and charge of a line (null: none). */
type CandidateRow = [
  wantedIndex: number,
  id: number,
  hcpcs: string,
  dateOfService: string,
  wasted: 0 | 1 | null,
  modifiers: string | null,
  billedCharge: string | null,
];

/** The modifiers of a line that has none, shared by every such candidate (read-only). */
const NO_MODIFIERS: readonly string[] = Object.freeze([]);

/** A line's modifiers from their JSON, parsed once per distinct text of one read (`seen`). */
function modifierListOf(json: string, seen: Map<string, readonly string[]>): readonly string[] {
  let list = seen.get(json);
  if (list === undefined) {
    list = Object.freeze(JSON.parse(json) as string[]);
    seen.set(json, list);
  }
  return list;
}

// Called for every candidate row: read once (see shared/domain/era/era-reader.ts, tsx's getters).
const { canonicalCents } = x12Values;

/** "300.00" (a stored estimate's money text) → 30000; -1 (matches no charge) when unreadable. */
function centsOfMoney(text: string): number {
  const fast = canonicalCents(text);
  if (fast === fast) return fast;
  const r = parseCents(text);
  return r.ok ? r.cents : -1;
}
