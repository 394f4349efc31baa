/**
 * The appeal letter of an administration whose claim was underpaid or denied (issue 12, item 6):
 * gathered from the record, rendered by pdf/appeal-letter-pdf.ts.
 *
 * Policy:
 * - A letter appeals the lines the variance rates underpaid, partially paid or denied
 *   (line_variance, kept by variance-service.ts); an administration with none is refused
 *   (APPEAL_NOTHING_TO_APPEAL). Unknown ids are refused as everywhere (ADMINISTRATION_NOT_FOUND).
 * - The expected figures are the frozen estimate's (as the variance has them), the contract is the
 *   version the estimate used, the computation is the estimate's own trace for that line
 *   (shared/domain/line-trace.ts), the actual figures and codes are the remittance lines matched to
 *   it, reversed claims and their reversals left out (as the variance counts them).
 * - What the payer owes is the contracted payer payment less what it paid, over the lines appealed.
 * - Nothing is written: a letter is made on request and handed back with its file name. The date is
 *   the practice's today (ctx.today()), so the same record on the same day gives the same bytes.
 * - A field the PDF cannot print refuses the letter (TEXT_UNPRINTABLE), naming the field.
 */
import { CARC, RARC } from '../../../shared/domain/adjustment-codes';
import { traceOfLine } from '../../../shared/domain/line-trace';
import { asCents, decimalFromCents, Dec, formatUsd } from '../../../shared/domain/money';
import { formatNdc542 } from '../../../shared/domain/ndc';
import type { PracticeSettings } from '../../../shared/domain/practice-settings';
import type { LineKind, PostingAdjustment } from '../../../shared/domain/remittance';
import { VARIANCE_STATUS_LABELS, type VarianceStatus } from '../../../shared/domain/variance';
import { AppError } from '../app-error';
import { practiceHeader } from '../attachments/attachment-data';
import { safeFileName } from '../attachments/attachment-service';
import type { ServiceContext } from '../context';
import type { AppealAmountRow, AppealLetterModel, AppealLine } from '../pdf/appeal-letter-model';
import { renderAppealLetter } from '../pdf/appeal-letter-pdf';
import { TextUnprintableError } from '../pdf/printable-text';
import { administrationRepository } from '../repositories/administration-repository';
import { parseSnapshot, toAdministration } from '../repositories/administrations/administration-rows';
import { auditLog } from '../repositories/audit-log';
import { contractRepository } from '../repositories/contract-repository';
import { patientRepository } from '../repositories/patient-repository';
import { practiceRepository } from '../repositories/practice-repository';
import { remittanceRepository, type StoredClaim, type StoredLine } from '../repositories/remittance-repository';
import { varianceRepository, type VarianceRow } from '../repositories/variance-repository';
import { contractTermsText } from './appeal-terms';

/** The statuses a letter asks the payer to reconsider. */
const APPEALABLE: ReadonlySet<VarianceStatus> = new Set(['underpaid', 'partially-paid', 'denied']);

const LINE_WORDS: Record<LineKind, string> = { given: 'dose given', wasted: 'amount discarded' };

const usd = (cents: number): string => formatUsd(asCents(cents));
const dollars = (cents: number): Dec => decimalFromCents(asCents(cents));

function amountRow(label: string, expectedCents: number, actualCents: number): AppealAmountRow {
  return {
    label,
    expected: usd(expectedCents),
    actual: usd(actualCents),
    difference: formatUsd(dollars(expectedCents).minus(dollars(actualCents))),
  };
}

function requireLetterhead(settings: PracticeSettings | null): PracticeSettings {
  if (!settings || settings.name.trim() === '' || settings.npi === '') {
    throw new AppError(
      'PRACTICE_SETTINGS_MISSING',
      'An appeal letter is headed with the practice’s name, address, NPI and TIN: enter them in Settings first.',
    );
  }
  return settings;
}

export function appealLetters(ctx: ServiceContext) {
  const audit = auditLog(ctx.db);
  const administrations = administrationRepository(ctx.db);
  const contracts = contractRepository(ctx.db, audit);
  const patients = patientRepository(ctx.db, audit);
  const practice = practiceRepository(ctx.db, audit);
  const remittances = remittanceRepository(ctx.db);
  const variances = varianceRepository(ctx.db);

  /** The remittance lines that count for the administration, each with its claim (reversals left out). */
  function postings(administrationId: number): { line: StoredLine; claim: StoredClaim }[] {
    const out: { line: StoredLine; claim: StoredClaim }[] = [];
    for (const line of remittances.linesOfAdministration(administrationId)) {
      const claim = remittances.claim(line.claimId);
      if (!claim || claim.reversesClaimId !== null || claim.reversedByClaimId !== null) continue;
      out.push({ line, claim });
    }
    return out;
  }

  /** The codes and payments of the remittance lines paying one claim line. */
  function remittanceFacts(posted: readonly { line: StoredLine; claim: StoredClaim }[]) {
    const adjustments: AppealLine['adjustments'] = [];
    const remarks = new Map<string, string>();
    const payments: string[] = [];
    for (const { line, claim } of posted) {
      const own = JSON.parse(line.adjustmentsJson) as PostingAdjustment[];
      // Claim-level CAS belongs to the line when it is the claim's only one (as the variance counts it).
      const whole = JSON.parse(claim.adjustmentsJson) as PostingAdjustment[];
      const onlyLine = remittances.linesOfClaim(claim.id).length === 1;
      for (const [list, suffix] of [
        [own, ''],
        [whole, onlyLine ? '' : ' (whole claim)'],
      ] as const) {
        for (const a of list) {
          adjustments.push({
            code: `${a.group}-${a.reason}${suffix}`,
            amount: usd(a.amountCents),
            meaning: CARC.get(a.reason) ?? '',
          });
        }
      }
      for (const code of JSON.parse(line.remarksJson) as string[]) remarks.set(code, RARC.get(code) ?? '');
      const r = remittances.remittance(claim.remittanceId);
      if (r) {
        const what = r.source === 'era' ? 'Electronic remittance (835)' : 'Paper EOB';
        const trace = r.traceNumber.trim() === '' ? '' : `, check or EFT ${r.traceNumber}`;
        const text = `${what} of ${r.paymentDate ?? 'no date given'}${trace}`;
        if (!payments.includes(text)) payments.push(text);
      }
    }
    return { adjustments, remarks: [...remarks].map(([code, meaning]) => ({ code, meaning })), payments };
  }

  function modelOf(administrationId: number): AppealLetterModel {
    const row = administrations.rowOf(administrationId);
    const appealed = variances.ofAdministration(administrationId).filter((v) => APPEALABLE.has(v.status));
    if (appealed.length === 0) {
      throw new AppError('APPEAL_NOTHING_TO_APPEAL', 'This administration has no underpaid or denied line to appeal.');
    }
    const settings = requireLetterhead(practice.get());
    const a = toAdministration(row);
    const snapshot = parseSnapshot(row.estimateJson);
    const estimate = snapshot.estimate;
    const patient = patients.get(a.patientId);
    const contract =
      snapshot.contractId === null
        ? null
        : (contracts.forPayer(a.payerId).find((c) => c.id === snapshot.contractId) ?? null);
    const posted = postings(administrationId);

    const lineOf = (v: VarianceRow): AppealLine => {
      const billed = estimate?.lines.find((l) => l.kind === v.lineKind);
      const facts = remittanceFacts(posted.filter((p) => p.line.lineKind === v.lineKind));
      return {
        label: LINE_WORDS[v.lineKind],
        codes: [v.hcpcs, ...(v.modifiers === '' ? [] : v.modifiers.split(','))].join(' '),
        units: billed?.units ?? '',
        status: VARIANCE_STATUS_LABELS[v.status],
        amounts: [
          amountRow('Allowed amount', v.expectedAllowedCents, v.actualAllowedCents),
          amountRow(`Paid by ${a.payerName}`, v.expectedPaidCents, v.actualPaidCents),
          amountRow('Patient responsibility', v.expectedPatientCents, v.actualPatientCents),
          amountRow('Sequestration (CARC 253)', v.expectedSequestrationCents, v.actualSequestrationCents),
        ],
        trace: estimate ? traceOfLine(estimate.trace, v.lineKind) : [],
        ...facts,
      };
    };

    const owed = appealed.reduce(
      (sum, v) => sum.plus(dollars(v.expectedPaidCents)).minus(dollars(v.actualPaidCents)),
      new Dec(0),
    );
    const payerClaimNumbers = [...new Set(posted.map((p) => p.claim.payerClaimNumber.trim()).filter((n) => n !== ''))];
    return {
      letterDate: ctx.today(),
      practice: practiceHeader(settings),
      payerName: a.payerName,
      subject: appealed.every((v) => v.status === 'denied') ? 'denied' : 'underpaid',
      patient: {
        name: `${patient.firstName} ${patient.lastName}`,
        memberId: patient.memberId,
        dateOfBirth: patient.dateOfBirth,
      },
      claimNumber: a.claimNumber,
      payerClaimNumbers,
      dateOfService: a.dateOfService,
      drug: { name: a.drugName, ndc: formatNdc542(a.ndc11) },
      claimLines: (estimate?.lines ?? []).map(
        (l) =>
          `${[l.hcpcs, ...l.modifiers].join(' ')}, ${l.units} unit${l.units === '1' ? '' : 's'} (${LINE_WORDS[l.kind]})`,
      ),
      contractTerms: contractTermsText({
        contract,
        prices: snapshot.prices,
        dateOfService: a.dateOfService,
        estimateAt: a.estimateAt,
      }),
      lines: appealed.map(lineOf),
      amountOwed: owed.greaterThan(0) ? formatUsd(owed) : null,
    };
  }

  return {
    /** The letter for one administration: its PDF bytes and the name to save it under. */
    async letterOf(administrationId: number): Promise<{ fileName: string; bytes: Uint8Array }> {
      const model = modelOf(administrationId);
      let bytes: Uint8Array;
      try {
        bytes = await renderAppealLetter(model);
      } catch (err) {
        if (!(err instanceof TextUnprintableError)) throw err;
        throw new AppError('TEXT_UNPRINTABLE', err.message);
      }
      const claim = model.claimNumber.trim() === '' ? `administration-${administrationId}` : model.claimNumber;
      // The claim number only: no patient name or date of service in a file name (issue 15, item 5).
      return { fileName: `${safeFileName(`appeal-${claim}`)}.pdf`, bytes };
    },
  };
}
export type AppealLetters = ReturnType<typeof appealLetters>;
