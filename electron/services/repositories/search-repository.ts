/**
 * The SQL behind the search box in the header: a few records of each kind matching one text.
 * Policy:
 * - Names (patients, drugs) match every word typed, in any column, ignoring case and accents
 *   (search-text.ts); codes (claim, invoice and lot numbers) match the whole text.
 * - Claim numbers match by their start, through administrations_by_claim: a substring search
 *   would read a million administrations on every key. Invoice and lot numbers, in tables a
 *   thousand times smaller, match anywhere.
 * - An NDC is found in any printed form (4-4-2, 5-3-2, 5-4-1 with hyphens, 11 digits) and as 10
 *   bare digits, which stand for three possible codes: all three are looked for, since only
 *   codes the practice has are found.
 * - Each kind asks for `limit` rows; the caller asks one more than it shows to know there are more.
 */
import { ndc11Candidates, parseNdc } from '../../../shared/domain/ndc';
import type { AdministrationStatus } from '../../../shared/domain/administration';
import type { Db } from '../db/open';
import { escapeLike, foldedContains, type SearchParams } from './search-text';
import { statementCache } from './statement-cache';

export type PatientFound = {
  id: number;
  lastName: string;
  firstName: string;
  dateOfBirth: string;
  accountNumber: string;
  memberId: string;
  payerName: string | null;
};
export type ClaimFound = {
  id: number;
  claimNumber: string;
  dateOfService: string;
  status: AdministrationStatus;
  patientName: string;
  genericName: string | null;
  brandName: string | null;
};
export type InvoiceFound = { id: number; invoiceNumber: string; invoiceDate: string; supplierName: string };
export type LotFound = {
  id: number;
  invoiceId: number;
  lotNumber: string;
  ndc11: string;
  expiryDate: string;
  genericName: string | null;
  brandName: string | null;
  invoiceNumber: string;
  supplierName: string;
};
export type DrugFound = {
  id: number;
  ndc11: string;
  genericName: string;
  brandName: string;
  strengthAmount: string;
  strengthUnit: string;
  container: string;
};

const MAX_WORDS = 6;

/** The words of a name search: "Łukasiewicz, Zoë" is two words. */
export const searchWords = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .filter(Boolean)
    .slice(0, MAX_WORDS);

/** The 11-digit codes `text` can stand for as a whole NDC: one, three for 10 bare digits, or none. */
export function ndcsOfSearch(text: string): string[] {
  const ndc = parseNdc(text);
  if (ndc.ok) return [ndc.ndc11];
  const digits = text.trim();
  return /^\d{10}$/.test(digits) ? ndc11Candidates(digits).map((c) => c.ndc11) : [];
}

/** `column IN (@n0, @n1 …)` for the codes, with their parameters; null when there are none. */
function ndcIn(column: string, ndcs: readonly string[], params: SearchParams): string | null {
  if (ndcs.length === 0) return null;
  ndcs.forEach((n, i) => (params[`n${i}`] = n));
  return `${column} IN (${ndcs.map((_, i) => `@n${i}`).join(', ')})`;
}

export function searchRepository(db: Db) {
  const prepared = statementCache(db);

  return {
    patients(text: string, limit: number): PatientFound[] {
      const words = searchWords(text);
      if (words.length === 0) return [];
      const params: SearchParams = { limit };
      const where = words.map((word, i) =>
        foldedContains(['p.last_name', 'p.first_name', 'p.account_number', 'p.member_id'], word, `w${i}`, params),
      );
      return prepared(
        `SELECT p.id, p.last_name AS lastName, p.first_name AS firstName, p.date_of_birth AS dateOfBirth,
                p.account_number AS accountNumber, p.member_id AS memberId, y.name AS payerName
           FROM patients p LEFT JOIN payers y ON y.id = p.payer_id
          WHERE ${where.join(' AND ')}
          ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, p.id LIMIT @limit`,
      ).all(params) as PatientFound[];
    },

    /** Administrations whose claim number starts with `text`, as typed or in capitals. */
    claims(text: string, limit: number): ClaimFound[] {
      const prefix = text.trim();
      if (prefix === '') return [];
      const statement = prepared(
        `SELECT a.id, a.claim_number AS claimNumber, a.date_of_service AS dateOfService, a.status,
                p.last_name || ', ' || p.first_name AS patientName, d.generic_name AS genericName,
                d.brand_name AS brandName
           FROM administrations a INDEXED BY administrations_by_claim
           JOIN patients p ON p.id = a.patient_id LEFT JOIN drugs d ON d.ndc11 = a.ndc11
          WHERE a.claim_number >= @from AND a.claim_number < @to
          ORDER BY a.claim_number, a.date_of_service DESC, a.id DESC LIMIT @limit`,
      );
      const found = new Map<number, ClaimFound>();
      for (const from of new Set([prefix, prefix.toUpperCase()])) {
        for (const row of statement.all({ from, to: `${from}\uffff`, limit }) as ClaimFound[]) found.set(row.id, row);
      }
      return [...found.values()]
        .sort(
          (a, b) =>
            (a.claimNumber < b.claimNumber ? -1 : a.claimNumber > b.claimNumber ? 1 : 0) ||
            b.dateOfService.localeCompare(a.dateOfService) ||
            b.id - a.id,
        )
        .slice(0, limit);
    },

    /** Invoices whose number contains `text`: the exact number first, then the newest. */
    invoices(text: string, limit: number): InvoiceFound[] {
      const trimmed = text.trim();
      if (trimmed === '') return [];
      return prepared(
        `SELECT i.id, i.invoice_number AS invoiceNumber, i.invoice_date AS invoiceDate, s.name AS supplierName
           FROM invoices i JOIN suppliers s ON s.id = i.supplier_id
          WHERE i.invoice_number LIKE @like ESCAPE '\\'
          ORDER BY i.invoice_number = @exact COLLATE NOCASE DESC, i.invoice_date DESC, i.id DESC LIMIT @limit`,
      ).all({ like: `%${escapeLike(trimmed)}%`, exact: trimmed, limit }) as InvoiceFound[];
    },

    /** Lots whose number contains `text`, or of the NDC `text` is: the exact lot number first, then the latest expiry. */
    lots(text: string, limit: number): LotFound[] {
      const trimmed = text.trim();
      if (trimmed === '') return [];
      const params: SearchParams = { like: `%${escapeLike(trimmed)}%`, exact: trimmed, limit };
      const any = [`l.lot_number LIKE @like ESCAPE '\\'`];
      const byNdc = ndcIn('l.ndc11', ndcsOfSearch(trimmed), params);
      if (byNdc) any.push(byNdc);
      return prepared(
        `SELECT l.id, l.invoice_id AS invoiceId, l.lot_number AS lotNumber, l.ndc11, l.expiry_date AS expiryDate,
                d.generic_name AS genericName, d.brand_name AS brandName, i.invoice_number AS invoiceNumber,
                s.name AS supplierName
           FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id JOIN suppliers s ON s.id = i.supplier_id
           LEFT JOIN drugs d ON d.ndc11 = l.ndc11
          WHERE ${any.join(' OR ')}
          ORDER BY l.lot_number = @exact COLLATE NOCASE DESC, l.expiry_date DESC, l.id DESC LIMIT @limit`,
      ).all(params) as LotFound[];
    },

    /**
     * Drugs by every word in their generic or brand name, by the NDC `text` is, or by the digits
     * of an NDC typed in part ("0002-7597" finds 00002759701).
     */
    drugs(text: string, limit: number): DrugFound[] {
      const words = searchWords(text);
      if (words.length === 0) return [];
      const params: SearchParams = { limit };
      const any = [
        words.map((word, i) => foldedContains(['generic_name', 'brand_name'], word, `w${i}`, params)).join(' AND '),
      ];
      const byNdc = ndcIn('ndc11', ndcsOfSearch(text), params);
      if (byNdc) any.push(byNdc);
      const digits = text.trim().replace(/-/g, '');
      if (/^\d{3,}$/.test(digits)) {
        params.digits = `%${digits}%`;
        any.push('ndc11 LIKE @digits');
      }
      return prepared(
        `SELECT id, ndc11, generic_name AS genericName, brand_name AS brandName, strength_amount AS strengthAmount,
                strength_unit AS strengthUnit, container
           FROM drugs WHERE ${any.map((c) => `(${c})`).join(' OR ')}
          ORDER BY generic_name COLLATE NOCASE, brand_name COLLATE NOCASE, id LIMIT @limit`,
      ).all(params) as DrugFound[];
    },
  };
}
export type SearchRepository = ReturnType<typeof searchRepository>;
