/**
 * Keeps `line_variance` in step with what was expected and what was paid. Policy:
 * - A claim line has a variance row once its claim is billed (expected: the frozen estimate line;
 *   actual: nothing yet, "unpaid"), or as soon as a payment reaches it, whatever its status.
 * - Actual is the sum of the remittance lines matched to it; claims reversed and their reversals
 *   are left out (remittance-repository.ts). A line that carries no patient responsibility (PR)
 *   and is its claim's only line takes the claim's: CAS and CLP05 at claim level then count.
 * - Each row is recomputed whole from the records whenever something that feeds it changes (a
 *   posting, a match, a reversal, the tolerance), never patched.
 * - After a payment, a billed (or denied, or appealed) administration whose every line has a
 *   posting becomes "paid", or "denied" when every line was denied. Each change is audited.
 */
import { FROZEN_STATUSES, STATUS_STEPS, type AdministrationStatus } from '../../../shared/domain/administration';
import { centsFromDecimal, Dec, parseAmount, parseCents, roundCents } from '../../../shared/domain/money';
import type { EstimateResult } from '../../../shared/domain/scenario';
import type { LineKind, PostingAdjustment } from '../../../shared/domain/remittance';
import {
  actualOf,
  adjustmentShares,
  lineVariance,
  type ExpectedLine,
  type PostedLine,
} from '../../../shared/domain/variance';
import { AppError, fieldError } from '../app-error';
import type { Db } from '../db/open';
import { administrationRepository } from '../repositories/administration-repository';
import { auditSnapshot, missingLabels, type Snapshot } from '../repositories/administrations/administration-rows';
import type { AuditLog } from '../repositories/audit-log';
import { remittanceRepository, type PostedRow } from '../repositories/remittance-repository';
import { varianceRepository, type VarianceRow } from '../repositories/variance-repository';

/** Adjustments that are the normal course of a paid claim, not a reason to look at it. */
const ROUTINE = new Set(['CO-45', 'PR-1', 'PR-2', 'PR-3', 'CO-253', 'OA-253', 'PI-253']);

export function varianceService(db: Db, audit: AuditLog) {
  const administrations = administrationRepository(db);
  const remittances = remittanceRepository(db);
  const variances = varianceRepository(db);

  const toleranceCents = (): number => {
    const r = parseCents(variances.toleranceText());
    return r.ok ? r.cents : 100;
  };

  function posted(row: PostedRow): { line: PostedLine; reasons: string[] } {
    const own = JSON.parse(row.adjustmentsJson) as PostingAdjustment[];
    const claimLevel = row.claimLineCount === 1 ? (JSON.parse(row.claimAdjustmentsJson) as PostingAdjustment[]) : [];
    const all = [...own, ...claimLevel];
    const shares = adjustmentShares(all);
    // CLP05 stands for the patient's share when no PR adjustment says it (a one-line claim).
    const patientCents =
      shares.patientCents === 0 && row.claimLineCount === 1 && !all.some((a) => a.group === 'PR')
        ? row.claimPatientCents
        : shares.patientCents;
    const reasons = all.map((a) => `${a.group}-${a.reason}`).filter((code) => !ROUTINE.has(code));
    if (row.claimStatus === '4') reasons.unshift('Claim denied');
    reasons.push(...(JSON.parse(row.remarksJson) as string[]));
    return {
      line: {
        allowedCents: row.allowedCents,
        paidCents: row.paidCents,
        patientCents,
        sequestrationCents: shares.sequestrationCents,
      },
      reasons,
    };
  }

  /** Recompute the variance rows of one administration from the records. */
  function refresh(administrationId: number): VarianceRow[] {
    const row = administrations.rowOf(administrationId);
    const snapshot = row.estimateJson ? (JSON.parse(row.estimateJson) as Snapshot) : null;
    const estimate = snapshot?.estimate ?? null;
    const billed = FROZEN_STATUSES.includes(row.status);
    const billedAt = administrations.billedAt(administrationId);
    const tolerance = toleranceCents();
    const written: VarianceRow[] = [];
    for (const line of estimate?.lines ?? []) {
      const rows = remittances.postedOf(administrationId, line.kind);
      if (!billed && rows.length === 0) continue;
      const postings = rows.map(posted);
      const actual = actualOf(postings.map((p) => p.line));
      const expected = expectedOf(estimate as EstimateResult, line.kind);
      const { status, varianceCents } = lineVariance(expected, actual, tolerance);
      const reasons = [...new Set(postings.flatMap((p) => p.reasons))];
      const dates = rows.map((r) => r.paymentDate).filter((d): d is string => d !== null);
      const v: VarianceRow = {
        administrationId,
        lineKind: line.kind,
        payerId: row.payerId,
        dateOfService: row.dateOfService,
        billedAt,
        hcpcs: line.hcpcs,
        modifiers: line.modifiers.join(','),
        ndc11: row.ndc11,
        claimNumber: row.claimNumber,
        patientId: row.patientId,
        units: Number(line.units),
        billedCents: cents(line.billedCharge),
        acquisitionCostCents: line.acquisitionCost === undefined ? null : cents(line.acquisitionCost),
        expectedAllowedCents: expected.allowedCents,
        expectedPaidCents: expected.paidCents,
        expectedPatientCents: expected.patientCents,
        expectedSequestrationCents: expected.sequestrationCents,
        actualAllowedCents: actual.allowedCents,
        actualPaidCents: actual.paidCents,
        actualPatientCents: actual.patientCents,
        actualSequestrationCents: actual.sequestrationCents,
        postedLines: actual.postedLines,
        lastPaymentDate: dates.length ? (dates.sort().at(-1) ?? null) : null,
        status,
        varianceCents,
        reasons: reasons.join(','),
      };
      written.push(v);
    }
    variances.removeOf(administrationId);
    for (const v of written) variances.upsert(v);
    return written;
  }

  /**
   * A billed, denied or appealed administration every line of which has a posting becomes paid,
   * or denied when every line was denied.
   */
  function settle(administrationId: number, rows: readonly VarianceRow[], at: string, actor: string): void {
    const row = administrations.rowOf(administrationId);
    if (!['billed', 'denied', 'appealed'].includes(row.status)) return;
    if (rows.length === 0 || rows.some((r) => r.postedLines === 0)) return;
    const next: AdministrationStatus = rows.every((r) => r.status === 'denied') ? 'denied' : 'paid';
    if (next === row.status || !STATUS_STEPS[row.status].includes(next)) return;
    const before = administrations.get(administrationId);
    administrations.setStatus(
      administrationId,
      next,
      { ready: before.readiness.ready, missingJson: JSON.stringify(missingLabels(before.readiness.items)) },
      at,
    );
    const after = administrations.get(administrationId);
    audit.record(at, actor, 'administration', administrationId, 'update', auditSnapshot(before), auditSnapshot(after));
  }

  return {
    refresh,
    /** Refresh then settle: what a posting, a match or a reversal calls for each administration it touches. */
    afterPayment(administrationIds: Iterable<number>, at: string, actor: string): void {
      for (const id of new Set(administrationIds)) settle(id, refresh(id), at, actor);
    },
    toleranceText: variances.toleranceText,
    /** A new tolerance, and every row's status again under it. */
    setTolerance: db.transaction((text: string, at: string, actor: string): string => {
      const parsed = parseAmount(text.trim(), { label: 'Tolerance', maxDecimals: 2 });
      if (!parsed.ok) throw fieldError('tolerance', parsed.error.code, parsed.error.message);
      if (parsed.value.greaterThan(1000)) {
        throw fieldError(
          'tolerance',
          'TOLERANCE_TOO_HIGH',
          'A tolerance above $1,000.00 would hide real underpayments.',
        );
      }
      const before = variances.toleranceText();
      const value = parsed.value.toFixed(2);
      variances.setToleranceText(value);
      for (const id of variances.allAdministrationIds()) refresh(id);
      audit.record(at, actor, 'setting', 'variance_tolerance', 'update', { value: before }, { value });
      return value;
    }),
    list: variances.list,
    each: variances.each,
    eachForCsv: variances.eachForCsv,
    csvReadInRanges: variances.csvReadInRanges,
    names: variances.names,
    ofAdministration: variances.ofAdministration,
  };
}
export type VarianceService = ReturnType<typeof varianceService>;

const cents = (text: string): number => {
  const r = parseCents(text, { allowNegative: true });
  if (!r.ok) throw new AppError('ESTIMATE_UNREADABLE', `A stored estimate amount "${text}" cannot be read.`);
  return r.cents;
};

/**
 * What the estimate expected of one claim line. Estimates made before per-line cost sharing have
 * no per-line shares: a one-line claim takes its totals, a two-line claim shares the totals in
 * proportion to each line's allowed amount, the JW line taking the rest (cost-allocation's rule).
 */
function expectedOf(estimate: EstimateResult, kind: LineKind): ExpectedLine {
  const line = estimate.lines.find((l) => l.kind === kind);
  if (!line) throw new RangeError(`The estimate has no ${kind} line.`);
  if (line.payerPays !== undefined && line.patientPays !== undefined && line.sequestration !== undefined) {
    return {
      allowedCents: cents(line.allowed),
      paidCents: cents(line.payerPays),
      patientCents: cents(line.patientPays),
      sequestrationCents: cents(line.sequestration),
    };
  }
  const t = estimate.totals;
  if (estimate.lines.length === 1) {
    return {
      allowedCents: cents(t.allowed),
      paidCents: cents(t.payerPays),
      patientCents: cents(t.patientPays),
      sequestrationCents: cents(t.sequestration),
    };
  }
  const totalAllowed = new Dec(t.allowed);
  const share = (amount: string): number => {
    const whole = new Dec(amount);
    if (totalAllowed.isZero()) return kind === 'given' ? cents(amount) : 0;
    const given = roundCents(whole.times(new Dec(estimate.lines[0]?.allowed ?? '0')).dividedBy(totalAllowed));
    const part = kind === 'given' ? given : whole.minus(given);
    return centsFromDecimal(part);
  };
  return {
    allowedCents: cents(line.allowed),
    paidCents: share(t.payerPays),
    patientCents: share(t.patientPays),
    sequestrationCents: share(t.sequestration),
  };
}
