/**
 * Importing an 835 (issue 12, item 3). Policy:
 * - The file is read (shared/domain/era), then each transaction becomes a remittance, each CLP a
 *   claim, each SVC a line; amounts to integer cents. A claim with no SVC is kept as one line of
 *   its own amounts, so what it paid can still be matched.
 * - The same bytes never post twice: the file's SHA-256 is unique (ERA_DUPLICATE), and the preview
 *   says `alreadyImported`.
 * - Matching: the remittance's payer (by payer code, else name), then each claim's administrations
 *   by claim number (CLP01), then lines (shared/domain/remittance-matching.ts). What is not matched
 *   is kept, unmatched, for a person to match by hand.
 * - A reversal (CLP02 = 22) is linked to the claim it reverses (same payer, CLP01 and, when sent,
 *   CLP07), and both are left out of what was paid; a corrected claim that follows posts as the
 *   new payment.
 * - The file's bytes go to `remittances/<sha256>.835` first; then everything of the file is
 *   written in one transaction (file, remittances, claims, lines, matches, reversals, variance,
 *   statuses, audit), or nothing is.
 */
import { join } from 'node:path';
import { CLAIM_REVERSAL } from '../../../shared/domain/era/era-claim-status';
import { eraPreview } from '../../../shared/domain/era/era-preview';
import { readEra } from '../../../shared/domain/era/era-reader';
import type {
  EraAdjustment,
  EraClaim,
  EraLine,
  EraPreviewClaim,
  EraPreviewLine,
  EraReading,
  EraTransaction,
} from '../../../shared/domain/era/era-types';
import {
  type PostingAdjustment,
  type PostingClaim,
  type PostingLine,
  type PostingRemittance,
} from '../../../shared/domain/remittance';
import * as eraMoney from '../../../shared/domain/era/era-money';
import * as matching from '../../../shared/domain/remittance-matching';
import { type CandidateLine, type LineMatch, type MatchableLine } from '../../../shared/domain/remittance-matching';
import { AppError } from '../app-error';
import { saveContent, sha256Hex } from '../content-file';
import type { ServiceContext } from '../context';
import type { AuditLog } from '../repositories/audit-log';
import { remittanceRepository } from '../repositories/remittance-repository';
import { varianceService } from './variance-service';
import { localDay } from '../../../shared/domain/local-time';

export const MAX_ERA_BYTES = 32 * 1024 * 1024;

// Called for every claim and line: read once (see shared/domain/era/era-reader.ts, tsx's getters).
const { centsOf } = eraMoney;
const { matchClaimLines } = matching;

/** Claims matched per candidate look-up (see plan). */
const MATCH_CHUNK = 1000;

/** The reader's amounts are already checked money text; centsOf reads them without decimal.js. */
const cents = (money: string | null): number => (money === null ? 0 : centsOf(money));

const adjustments = (list: readonly EraAdjustment[]): PostingAdjustment[] =>
  list.map((a) => ({ group: a.group, reason: a.reason, amountCents: cents(a.amount), quantity: a.quantity }));

function postingLine(l: EraLine): PostingLine {
  return {
    code: l.code ?? '',
    modifiers: [...l.modifiers],
    submittedCode: l.submittedCode,
    chargeCents: cents(l.charge),
    paidCents: cents(l.paid),
    allowedCents: l.allowed === null ? null : cents(l.allowed),
    units: l.units,
    dateOfService: l.dateOfService,
    lineControlNumber: l.lineControlNumber ?? '',
    balanced: l.balanced,
    adjustments: adjustments(l.adjustments),
    remarks: [...l.remarks],
  };
}

/** A claim with no SVC loop: one line of the claim's own amounts, so its payment can be matched. */
function claimOnlyLine(c: EraClaim): PostingLine {
  return {
    code: '',
    modifiers: [],
    submittedCode: null,
    chargeCents: cents(c.charge),
    paidCents: cents(c.paid),
    allowedCents: null,
    units: '1',
    dateOfService: c.serviceStart,
    lineControlNumber: '',
    balanced: c.balanced,
    adjustments: [],
    remarks: [...c.remarks],
  };
}

/** What matching reads of each line of a claim, in posting order (see postingClaim). */
function matchableLines(c: EraClaim): MatchableLine[] {
  if (c.lines.length === 0) {
    return [
      {
        code: '',
        modifiers: [],
        submittedCode: null,
        chargeCents: cents(c.charge),
        dateOfService: c.serviceStart,
        lineControlNumber: '',
      },
    ];
  }
  return c.lines.map((l) => ({
    code: l.code ?? '',
    modifiers: l.modifiers,
    submittedCode: l.submittedCode,
    chargeCents: cents(l.charge),
    dateOfService: l.dateOfService,
    lineControlNumber: l.lineControlNumber ?? '',
  }));
}

function postingClaim(c: EraClaim): PostingClaim {
  return {
    patientControlNumber: c.patientControlNumber ?? '',
    status: c.status,
    chargeCents: cents(c.charge),
    paidCents: cents(c.paid),
    patientResponsibilityCents: cents(c.patientResponsibility),
    payerClaimNumber: c.payerClaimNumber ?? '',
    patient: { last: c.patient?.last ?? '', first: c.patient?.first ?? '', memberId: c.patient?.memberId ?? '' },
    balanced: c.balanced,
    adjustments: adjustments(c.adjustments),
    lines: c.lines.length > 0 ? c.lines.map(postingLine) : [claimOnlyLine(c)],
    segment: c.segment,
  };
}

function postingRemittance(t: EraTransaction): PostingRemittance {
  return {
    source: 'era',
    payerName: t.payer.name ?? '',
    payerIdentifier: t.payer.id ?? '',
    payeeName: t.payee.name ?? '',
    payeeNpi: t.payee.npi ?? '',
    paymentCents: cents(t.payment.amount),
    method: t.payment.method ?? '',
    trace: t.payment.trace ?? '',
    paymentDate: t.payment.date,
    balanced: t.balanced,
    providerAdjustments: t.providerAdjustments.map((p) => ({
      reason: p.reason,
      reference: p.reference ?? '',
      amountCents: cents(p.amount),
    })),
    claims: t.claims.map(postingClaim),
  };
}

export type EraMatchView = { administrationId: number; how: string } | null;

export function eraImport(ctx: ServiceContext, audit: AuditLog) {
  const remittances = remittanceRepository(ctx.db);
  const variance = varianceService(ctx.db, audit);
  const folder = join(ctx.dataDir, 'remittances');

  function read(fileName: string, bytes: Buffer): { reading: EraReading; sha256: string } {
    if (bytes.length === 0) throw new AppError('ERA_EMPTY', `${fileName} is empty.`);
    if (bytes.length > MAX_ERA_BYTES) {
      throw new AppError('FILE_TOO_LARGE', `${fileName} is larger than 32 MB; an 835 that size is split by the payer.`);
    }
    // X12 is ASCII; latin1 keeps every byte as one character, so segment numbers stay true.
    const result = readEra(bytes.toString('latin1'));
    if (!result.ok) throw new AppError(result.error.code, `${fileName}: ${result.error.message}`);
    return { reading: result.reading, sha256: sha256Hex(bytes) };
  }

  /** Each transaction's payer and each claim's line matches (file order). */
  function plan(reading: EraReading) {
    return reading.transactions.map((t) => {
      const payerId = remittances.payerIdFor(t.payer.name ?? '', t.payer.id ?? '');
      const matches: LineMatch[][] = [];
      // A thousand claims at a time: each chunk's candidates are looked up in one query and dropped
      // before the next chunk's are read, so a big file's tens of thousands of candidate lines are
      // never all held at once (what is held when the garbage collector runs, it copies).
      for (let from = 0; from < t.claims.length; from += MATCH_CHUNK) {
        const claims = t.claims.slice(from, from + MATCH_CHUNK);
        const candidates =
          payerId === null
            ? new Map<string, CandidateLine[]>()
            : remittances.claimCandidatesOf(
                payerId,
                claims.map((c) => c.patientControlNumber ?? ''),
              );
        for (const c of claims) matches.push(matchesOf(c, payerId, candidates));
      }
      return { transaction: t, payerId, matches };
    });
  }

  /** A claim's line matches, among its candidates (by claim number). */
  function matchesOf(c: EraClaim, payerId: number | null, candidates: Map<string, CandidateLine[]>): LineMatch[] {
    const lines = matchableLines(c);
    if (payerId === null) return lines.map(() => ({ matched: false, reason: 'The payer is not one of yours.' }));
    const pcn = c.patientControlNumber ?? '';
    const found = candidates.get(pcn) ?? [];
    if (found.length === 0) {
      return lines.map(() => ({
        matched: false,
        reason: `No administration of this payer has claim number ${pcn || '(none)'}.`,
      }));
    }
    return matchClaimLines(lines, found);
  }

  /** The reading as the preview prints it, with each SVC line's match and the totals of matches. */
  function previewOf(fileName: string, sha256: string, reading: EraReading, planned: ReturnType<typeof plan>) {
    const preview = eraPreview(reading);
    let matched = 0;
    let unmatched = 0;
    // The preview is a fresh copy: each line gets its match in place (no second copy of a file's
    // thousands of lines). Plain loops: callbacks here were closures made for every claim.
    const transactions = preview.transactions.map((t, ti) => {
      const matches = planned[ti]?.matches;
      for (let ci = 0; ci < t.claims.length; ci++) {
        const lines = (t.claims[ci] as EraPreviewClaim).lines;
        const claimMatches = matches?.[ci];
        for (let li = 0; li < lines.length; li++) {
          const m = claimMatches?.[li];
          const match: EraMatchView = m?.matched ? { administrationId: m.administrationId, how: m.how } : null;
          if (match) matched++;
          else unmatched++;
          (lines[li] as EraPreviewLine & { match: EraMatchView }).match = match;
        }
      }
      return t as typeof t & {
        claims: (EraPreviewClaim & { lines: (EraPreviewLine & { match: EraMatchView })[] })[];
      };
    });
    return {
      fileName,
      sha256,
      alreadyImported: remittances.fileBySha(sha256) !== undefined,
      transactions,
      warnings: preview.warnings,
      summary: { ...preview.summary, matched, unmatched },
    };
  }

  return {
    preview(fileName: string, bytes: Buffer) {
      const { reading, sha256 } = read(fileName, bytes);
      return previewOf(fileName, sha256, reading, plan(reading));
    },

    import(fileName: string, bytes: Buffer, at: string, actor: string) {
      const { reading, sha256 } = read(fileName, bytes);
      const existing = remittances.fileBySha(sha256);
      if (existing) {
        throw new AppError(
          'ERA_DUPLICATE',
          `${fileName} was already imported on ${localDay(existing.importedAt)} as ${existing.fileName}; nothing was posted twice.`,
        );
      }
      const planned = plan(reading);
      const result = previewOf(fileName, sha256, reading, planned);
      saveContent(folder, bytes, '835', ctx.dataKey);
      const importId = ctx.db.transaction(() => {
        const warnings: { code: string; segment: number; message: string }[] = [...reading.warnings];
        const fileId = remittances.insertFile({
          fileName,
          sha256,
          byteSize: bytes.length,
          transactionCount: reading.transactions.length,
          claimCount: reading.summary.claims,
          lineCount: reading.summary.lines,
          outOfBalance: reading.summary.outOfBalance,
          totalPaidCents: cents(reading.summary.totalPaid),
          warningsJson: '[]',
          importedAt: at,
          importedBy: actor,
        });
        const touched: number[] = [];
        for (const { transaction, payerId, matches } of planned) {
          const posting = postingRemittance(transaction);
          const ids = remittances.insertRemittance(posting, { eraFileId: fileId, payerId }, at, actor);
          posting.claims.forEach((claim, ci) => {
            const stored = ids.claims[ci];
            if (!stored) return;
            stored.lineIds.forEach((lineId, li) => {
              const m = matches[ci]?.[li];
              if (m?.matched) {
                remittances.setMatch(lineId, m);
                touched.push(m.administrationId);
              }
            });
            if (claim.status === CLAIM_REVERSAL) {
              const original = remittances.originalOf({ id: stored.id, ...claim }, payerId);
              if (original) {
                remittances.linkReversal(stored.id, original.id);
                for (const l of remittances.linesOfClaim(original.id)) {
                  if (l.administrationId !== null) touched.push(l.administrationId);
                }
              } else {
                warnings.push({
                  code: 'REVERSAL_WITHOUT_ORIGINAL',
                  segment: claim.segment ?? 0,
                  message: `Claim ${claim.patientControlNumber} reverses a payment this app has no record of; it is kept but counts for nothing.`,
                });
              }
            }
          });
        }
        remittances.setFileWarnings(fileId, JSON.stringify(warnings));
        variance.afterPayment(touched, at, actor);
        audit.record(at, actor, 'era_file', fileId, 'import', null, {
          fileName,
          sha256,
          claims: result.summary.claims,
          lines: result.summary.lines,
          matched: result.summary.matched,
          unmatched: result.summary.unmatched,
          totalPaid: result.summary.totalPaid,
        });
        return fileId;
      })();
      return { importId, ...result };
    },
  };
}
export type EraImport = ReturnType<typeof eraImport>;
