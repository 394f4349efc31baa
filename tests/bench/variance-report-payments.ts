/**
 * The 835 payments behind the variance bench's posted lines (variance-report-data.ts), by SQL from
 * its TEMP plan and the `line_variance` rows already written: one 835 file and remittance per payer
 * and month of payment, one claim per administration paid, one line per posted claim line, matched
 * to it by line control number, with the CAS adjustments its amounts imply.
 */
import type { Db } from '../../electron/services/db/open';

/** `firstDay`: the first day of the plan's months (remittance ids are payer × 100 + month). */
export function insertPayments(db: Db, at: string, firstDay: string, run: <T>(name: string, run: () => T) => T): void {
  // One 835 per payer and month of payment, one claim per administration paid, one line per line.
  run('era_files', () =>
    db
      .prepare(
        `INSERT INTO era_files (id, file_name, sha256, byte_size, transaction_count, claim_count, line_count,
       out_of_balance, total_paid_cents, imported_at, imported_by)
     SELECT DISTINCT remittance_id, 'era-' || remittance_id || '.835', printf('%064x', remittance_id), 1, 1, 0, 0, 0, 0, ?, 'bench'
       FROM bench_plan WHERE remittance_id IS NOT NULL`,
      )
      .run(at),
  );
  run('remittances', () =>
    db
      .prepare(
        `INSERT INTO remittances (id, source, era_file_id, payer_id, payer_name, payment_cents, payment_method,
       trace_number, payment_date, created_at, created_by, updated_at)
     SELECT f.id, 'era', f.id, y.id, y.name, 0, 'ACH', 'TRN-' || f.id,
            date('${firstDay}', '+' || (f.id % 100) || ' months', '+27 days'), ?, 'bench', ?
       FROM era_files f JOIN payers y ON y.id = f.id / 100`,
      )
      .run(at, at),
  );
  run('remittance_claims', () =>
    db
      .prepare(
        `INSERT INTO remittance_claims (id, remittance_id, position, patient_control_number, status, charge_cents,
       paid_cents, patient_responsibility_cents, payer_claim_number, patient_last, patient_first, member_id)
     SELECT p.id, p.remittance_id, p.id, 'CLM-' || printf('%07d', p.id), CASE p.outcome WHEN 'denied' THEN '4' ELSE '1' END,
            s.charge, s.paid, s.patient, 'PCN' || p.id, pt.last_name, pt.first_name, pt.member_id
       FROM bench_plan p JOIN patients pt ON pt.id = p.patient_id
       JOIN (SELECT administration_id AS id, sum(billed_cents) AS charge, sum(actual_paid_cents) AS paid,
                    sum(actual_patient_cents) AS patient
               FROM line_variance WHERE posted_lines > 0 GROUP BY administration_id) s ON s.id = p.id
      WHERE p.remittance_id IS NOT NULL ORDER BY p.id`,
      )
      .run(),
  );
  run('remittance_lines', () =>
    db
      .prepare(
        `INSERT INTO remittance_lines (claim_id, position, code, modifiers, charge_cents, paid_cents, allowed_cents, units,
       date_of_service, line_control_number, adjustments_json, remarks_json, administration_id, line_kind, match_how)
     SELECT v.administration_id, v.line_kind = 'wasted', v.hcpcs, v.modifiers, v.billed_cents,
            v.actual_paid_cents, v.actual_allowed_cents, CAST(v.units AS TEXT), v.date_of_service,
            v.administration_id || '-' || (v.line_kind = 'wasted'),
            CASE WHEN v.status = 'denied'
                 THEN json_array(json_object('group', 'CO', 'reason', '16', 'amountCents', v.billed_cents, 'quantity', NULL))
                 ELSE json_array(json_object('group', 'CO', 'reason', '45', 'amountCents', max(v.billed_cents - v.actual_allowed_cents, 0), 'quantity', NULL),
                                 json_object('group', 'PR', 'reason', '2', 'amountCents', v.actual_patient_cents, 'quantity', NULL),
                                 json_object('group', 'CO', 'reason', '253', 'amountCents', v.actual_sequestration_cents, 'quantity', NULL)) END,
            CASE WHEN v.status = 'denied' THEN '["N350"]' ELSE '[]' END,
            v.administration_id, v.line_kind, 'line-control'
       FROM line_variance v JOIN bench_plan p ON p.id = v.administration_id
      WHERE v.posted_lines > 0 ORDER BY v.administration_id, v.line_kind`,
      )
      .run(),
  );
  run('payment totals', () =>
    db.exec(`UPDATE remittances SET payment_cents = (SELECT coalesce(sum(paid_cents), 0) FROM remittance_claims c WHERE c.remittance_id = remittances.id)
            WHERE source = 'era';
           UPDATE era_files SET total_paid_cents = (SELECT payment_cents FROM remittances r WHERE r.id = era_files.id),
             claim_count = (SELECT count(*) FROM remittance_claims c WHERE c.remittance_id = era_files.id);`),
  );
}
