/**
 * Reading imported remittances and matching their lines by hand (issue 12, item 3). Policy:
 * - The unmatched list says why each line is unmatched, worked out again from the records (the
 *   payer is not known, no administration has the claim number, no line of the claim fits), so
 *   it is true today even if the reason has changed since the import.
 * - A person may match a line to any administration's given or JW line, and take a match away;
 *   each is one transaction with its audit row, and the variance and status of every
 *   administration the line was or is matched to follow.
 */
import type {
  EraFileSummary,
  LineKind,
  PostingLine,
  RemittanceLineView,
  RemittanceView,
  UnmatchedLine,
} from '../../../shared/domain/remittance';
import { matchClaimLines } from '../../../shared/domain/remittance-matching';
import { AppError, fieldError } from '../app-error';
import type { Db } from '../db/open';
import { administrationRepository } from '../repositories/administration-repository';
import type { AuditLog } from '../repositories/audit-log';
import {
  remittanceRepository,
  type UnmatchedQuery,
  type StoredEraFile,
  type StoredLine,
  type UnmatchedRow,
} from '../repositories/remittance-repository';
import { lineView, remittanceView, type MatchNames } from './remittance-views';
import { centsText } from '../../../shared/domain/cents-text';
import type { VarianceService } from './variance-service';

/** `variance` is the handler table's one variance service, shared with the other areas. */
export function remittanceRecords(db: Db, audit: AuditLog, variance: VarianceService) {
  const remittances = remittanceRepository(db);
  const administrations = administrationRepository(db);

  const names: MatchNames = (administrationId) => {
    try {
      const { patientName, dateOfService } = administrations.rowOf(administrationId);
      return { patientName, dateOfService };
    } catch {
      return null;
    }
  };

  const fileSummary = (f: StoredEraFile): EraFileSummary => ({
    id: f.id,
    fileName: f.fileName,
    sha256: f.sha256,
    importedAt: f.importedAt,
    importedBy: f.importedBy,
    transactions: f.transactionCount,
    claims: f.claimCount,
    lines: f.lineCount,
    outOfBalance: f.outOfBalance,
    unmatched: remittances.unmatchedOfFile(f.id),
    totalPaid: centsText(f.totalPaidCents),
    warnings: JSON.parse(f.warningsJson) as EraFileSummary['warnings'],
  });

  function remittance(id: number): RemittanceView {
    const r = remittances.remittance(id);
    if (!r) throw new AppError('REMITTANCE_NOT_FOUND', `There is no remittance with id ${id}.`);
    const claims = remittances.claimsOf(r.id).map((claim) => ({ claim, lines: remittances.linesOfClaim(claim.id) }));
    return remittanceView(r, claims, names);
  }

  const postingOf = (l: StoredLine): PostingLine => ({
    code: l.code,
    modifiers: l.modifiers === '' ? [] : l.modifiers.split(','),
    submittedCode: l.submittedCode,
    chargeCents: l.chargeCents,
    paidCents: l.paidCents,
    allowedCents: l.allowedCents,
    units: l.units,
    dateOfService: l.dateOfService,
    lineControlNumber: l.lineControlNumber,
    balanced: l.balanced === 1,
    adjustments: [],
    remarks: [],
  });

  /** Why a line is unmatched, from the records as they are now. */
  function reasonOf(row: UnmatchedRow): string {
    if (row.payerId === null) return `${row.payerName || 'The payer'} is not one of the payers on file.`;
    const candidates = remittances.claimCandidates(row.payerId, row.patientControlNumber);
    if (candidates.length === 0) {
      return row.patientControlNumber === ''
        ? 'The remittance gives no claim number.'
        : `No administration of this payer has claim number ${row.patientControlNumber}.`;
    }
    const line = remittances.line(row.lineId);
    if (!line) return 'The line is no longer on file.';
    const [m] = matchClaimLines([postingOf(line)], candidates);
    return m && !m.matched ? m.reason : 'It may be matched now: open it to match it.';
  }

  function lineOf(lineId: number): StoredLine {
    const line = remittances.line(lineId);
    if (!line) throw new AppError('REMITTANCE_LINE_NOT_FOUND', `There is no remittance line with id ${lineId}.`);
    return line;
  }

  /** An 835 line, which a person may match; a paper posting belongs to the line it was typed on. */
  function eraLineOf(lineId: number): StoredLine {
    const line = lineOf(lineId);
    const claim = remittances.claim(line.claimId);
    const source = claim ? remittances.remittance(claim.remittanceId)?.source : undefined;
    if (source === 'paper') {
      throw new AppError(
        'PAYMENT_PAPER_MATCH',
        'A paper posting belongs to the claim line it was posted on; delete it and post it again on the right line.',
      );
    }
    return line;
  }

  return {
    files(limit: number, offset: number): { rows: EraFileSummary[]; total: number } {
      const { rows, total } = remittances.files(limit, offset);
      return { rows: rows.map(fileSummary), total };
    },

    file(id: number): { file: EraFileSummary; remittances: RemittanceView[] } {
      const f = remittances.file(id);
      if (!f) throw new AppError('ERA_FILE_NOT_FOUND', `There is no imported 835 file with id ${id}.`);
      return { file: fileSummary(f), remittances: remittances.remittancesOfFile(f.id).map((r) => remittance(r.id)) };
    },

    remittance,

    unmatched(q: UnmatchedQuery): {
      rows: UnmatchedLine[];
      total: number;
    } {
      const { rows, total } = remittances.unmatched(q);
      return {
        rows: rows.map((r) => ({
          lineId: r.lineId,
          remittanceId: r.remittanceId,
          fileName: r.fileName,
          payerName: r.payerName,
          paymentDate: r.paymentDate,
          patientControlNumber: r.patientControlNumber,
          patient: [r.patientLast, r.patientFirst].filter((x) => x !== '').join(', '),
          code: r.code,
          modifiers: r.modifiers === '' ? [] : r.modifiers.split(','),
          dateOfService: r.dateOfService,
          charge: centsText(r.chargeCents),
          paid: centsText(r.paidCents),
          reason: reasonOf(r),
        })),
        total,
      };
    },

    match: db.transaction(
      (lineId: number, administrationId: number, lineKind: LineKind, at: string, actor: string): RemittanceLineView => {
        const line = eraLineOf(lineId);
        const a = administrations.get(administrationId);
        if (!a.estimate?.lines.some((l) => l.kind === lineKind)) {
          throw fieldError(
            'lineKind',
            'CLAIM_LINE_NOT_FOUND',
            lineKind === 'wasted'
              ? `Administration ${a.id} has no JW line (nothing discarded is billed); match the dose given.`
              : `Administration ${a.id} has no estimate, so it has no claim line to match.`,
          );
        }
        const before = lineView(line, names);
        remittances.setMatch(lineId, { administrationId, lineKind, how: 'manual' });
        const after = lineView(lineOf(lineId), names);
        audit.record(at, actor, 'remittance_line', lineId, 'update', before, after);
        variance.afterPayment(
          [administrationId, ...(line.administrationId === null ? [] : [line.administrationId])],
          at,
          actor,
        );
        return after;
      },
    ),

    unmatch: db.transaction((lineId: number, at: string, actor: string): RemittanceLineView => {
      const line = eraLineOf(lineId);
      if (line.administrationId === null) return lineView(line, names);
      const before = lineView(line, names);
      remittances.setMatch(lineId, null);
      const after = lineView(lineOf(lineId), names);
      audit.record(at, actor, 'remittance_line', lineId, 'update', before, after);
      variance.refresh(line.administrationId);
      return after;
    }),
  };
}
export type RemittanceRecords = ReturnType<typeof remittanceRecords>;
