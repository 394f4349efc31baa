/**
 * Posting a paper EOB by hand on one claim line of an administration (issue 12, item 4): payment
 * date, allowed, paid, patient responsibility, adjustments (group + CARC + amount), remark codes,
 * check or EFT number. Policy:
 * - A posting is stored like an 835's (a remittance of source "paper" with one claim and one line)
 *   and matched to the claim line it was typed on, so the variance treats both alike.
 * - When patient-responsibility adjustments (group PR) are listed, they must add up to the
 *   patient responsibility typed (PATIENT_RESPONSIBILITY_MISMATCH); when none are, the typed
 *   figure stands for them, as CLP05 does on an 835.
 * - Only paper postings can be corrected or deleted (an 835 is what the payer sent); each
 *   create, correction and deletion is one transaction with its audit row, and the line's
 *   variance and the administration's status follow.
 */
import type { Administration } from '../../../shared/domain/administration';
import { addCents, asCents, formatUsd, parseCents } from '../../../shared/domain/money';
import type {
  PaperPostingFields,
  PostingAdjustment,
  PostingRemittance,
  RemittanceView,
} from '../../../shared/domain/remittance';
import { AppError, fieldError } from '../app-error';
import type { Db } from '../db/open';
import { administrationRepository } from '../repositories/administration-repository';
import type { AuditLog } from '../repositories/audit-log';
import { remittanceRepository } from '../repositories/remittance-repository';
import { remittanceView } from './remittance-views';
import type { VarianceService } from './variance-service';

const centsOf = (text: string, field: string, label: string): number => {
  const r = parseCents(text, { label, allowNegative: true });
  if (!r.ok) throw fieldError(field, r.error.code, r.error.message);
  return r.cents;
};

/** `variance` is the handler table's one variance service, shared with the other areas. */
export function paperPosting(db: Db, audit: AuditLog, variance: VarianceService) {
  const administrations = administrationRepository(db);
  const remittances = remittanceRepository(db);

  const namesOf = (administrationId: number) => {
    const { patientName, dateOfService } = administrations.rowOf(administrationId);
    return { patientName, dateOfService };
  };

  function view(remittanceId: number): RemittanceView {
    const r = remittances.remittance(remittanceId);
    if (!r) throw new AppError('PAYMENT_NOT_FOUND', `There is no posted payment with id ${remittanceId}.`);
    const claims = remittances.claimsOf(r.id).map((claim) => ({ claim, lines: remittances.linesOfClaim(claim.id) }));
    return remittanceView(r, claims, namesOf);
  }

  /** The posting's amounts in cents, checked against each other. */
  function amounts(f: PaperPostingFields) {
    const adjustments: PostingAdjustment[] = f.adjustments.map((a, i) => ({
      group: a.group,
      reason: a.reason,
      amountCents: centsOf(a.amount, `adjustments.${i}.amount`, 'Adjustment amount'),
      quantity: null,
    }));
    const patientTyped =
      f.patientResponsibility === ''
        ? null
        : centsOf(f.patientResponsibility, 'patientResponsibility', 'Patient responsibility');
    const prListed = adjustments.filter((a) => a.group === 'PR');
    const prTotal = addCents(...prListed.map((a) => asCents(a.amountCents)));
    if (prListed.length > 0 && patientTyped !== null && prTotal !== patientTyped) {
      throw fieldError(
        'patientResponsibility',
        'PATIENT_RESPONSIBILITY_MISMATCH',
        `The PR adjustments add up to ${usdOf(prTotal)}, but the patient responsibility says ${usdOf(patientTyped)}; make them agree.`,
      );
    }
    return {
      paidCents: centsOf(f.paid, 'paid', 'Paid'),
      allowedCents: f.allowed === '' ? null : centsOf(f.allowed, 'allowed', 'Allowed'),
      patientCents: patientTyped ?? prTotal,
      adjustments,
    };
  }

  function posting(a: Administration, f: PaperPostingFields): PostingRemittance {
    const line = a.estimate?.lines.find((l) => l.kind === f.lineKind);
    if (!line) {
      throw fieldError(
        'lineKind',
        'CLAIM_LINE_NOT_FOUND',
        f.lineKind === 'wasted'
          ? 'This administration has no JW line (nothing discarded is billed); post on the dose given.'
          : 'This administration has no estimate yet, so there is no claim line to post on.',
      );
    }
    const v = amounts(f);
    const chargeCents = centsOf(line.billedCharge, 'lineKind', 'Billed charge');
    return {
      source: 'paper',
      payerName: a.payerName,
      payerIdentifier: '',
      payeeName: '',
      payeeNpi: '',
      paymentCents: v.paidCents,
      method: 'paper',
      trace: f.checkNumber,
      paymentDate: f.paymentDate,
      balanced: true,
      providerAdjustments: [],
      claims: [
        {
          patientControlNumber: a.claimNumber,
          status: v.paidCents === 0 && (v.allowedCents ?? 0) === 0 ? '4' : '1',
          chargeCents,
          paidCents: v.paidCents,
          patientResponsibilityCents: v.patientCents,
          payerClaimNumber: '',
          patient: {
            last: a.patientName.split(', ')[0] ?? '',
            first: a.patientName.split(', ')[1] ?? '',
            memberId: '',
          },
          balanced: true,
          adjustments: [],
          lines: [
            {
              code: line.hcpcs,
              modifiers: line.modifiers,
              submittedCode: null,
              chargeCents,
              paidCents: v.paidCents,
              allowedCents: v.allowedCents,
              units: line.units,
              dateOfService: a.dateOfService,
              lineControlNumber: '',
              balanced: true,
              adjustments: v.adjustments,
              remarks: f.remarks,
            },
          ],
          segment: null,
        },
      ],
    };
  }

  function paperOnly(remittanceId: number) {
    const r = remittances.remittance(remittanceId);
    if (!r) throw new AppError('PAYMENT_NOT_FOUND', `There is no posted payment with id ${remittanceId}.`);
    if (r.source !== 'paper') {
      throw new AppError(
        'PAYMENT_FROM_ERA',
        'This payment came in an 835 file: it is what the payer sent and cannot be changed here. Post a correction as a paper EOB, or match its lines differently.',
      );
    }
    const claim = remittances.claimsOf(r.id)[0];
    const line = claim ? remittances.linesOfClaim(claim.id)[0] : undefined;
    if (!claim || !line || line.administrationId === null)
      throw new RangeError('A paper posting has one matched line.');
    return { r, claim, line, administrationId: line.administrationId };
  }

  return {
    view,

    post: db.transaction((f: PaperPostingFields, at: string, actor: string): RemittanceView => {
      const a = administrations.get(f.administrationId);
      const p = posting(a, f);
      const { remittanceId, claims } = remittances.insertRemittance(
        p,
        { eraFileId: null, payerId: a.payerId },
        at,
        actor,
      );
      const lineId = claims[0]?.lineIds[0];
      if (lineId === undefined) throw new RangeError('A paper posting writes one line.');
      remittances.setMatch(lineId, { administrationId: a.id, lineKind: f.lineKind, how: 'paper posting' });
      const posted = view(remittanceId);
      audit.record(at, actor, 'payment', remittanceId, 'create', null, posted);
      variance.afterPayment([a.id], at, actor);
      return posted;
    }),

    correct: db.transaction(
      (remittanceId: number, f: PaperPostingFields, at: string, actor: string): RemittanceView => {
        const { r, claim, line, administrationId } = paperOnly(remittanceId);
        if (f.administrationId !== administrationId || f.lineKind !== line.lineKind) {
          throw fieldError(
            'administrationId',
            'PAYMENT_LINE_CHANGE',
            'A correction keeps the claim line the payment was posted on; delete it and post it on the other line instead.',
          );
        }
        const before = view(remittanceId);
        const v = amounts(f);
        remittances.updatePaper(
          { remittanceId: r.id, claimId: claim.id, lineId: line.id },
          {
            paymentCents: v.paidCents,
            trace: f.checkNumber,
            paymentDate: f.paymentDate,
            paidCents: v.paidCents,
            patientResponsibilityCents: v.patientCents,
            allowedCents: v.allowedCents,
            adjustments: v.adjustments,
            remarks: f.remarks,
          },
          at,
        );
        const after = view(remittanceId);
        audit.record(at, actor, 'payment', remittanceId, 'update', before, after);
        variance.afterPayment([administrationId], at, actor);
        return after;
      },
    ),

    remove: db.transaction((remittanceId: number, at: string, actor: string): RemittanceView => {
      const { administrationId } = paperOnly(remittanceId);
      const before = view(remittanceId);
      remittances.deleteRemittance(remittanceId);
      audit.record(at, actor, 'payment', remittanceId, 'delete', before, null);
      variance.refresh(administrationId);
      return before;
    }),
  };
}
export type PaperPosting = ReturnType<typeof paperPosting>;

const usdOf = (c: number): string => formatUsd(asCents(c));
