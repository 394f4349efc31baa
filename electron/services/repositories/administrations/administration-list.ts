/**
 * The administrations list, built to stay fast over a million rows. Policy:
 * - The page is chosen from `administrations` alone (joined to patients only when sorting by
 *   name): every filter but the search is a column of that table, and sorting by date of service
 *   walks one of the (payer | status | ready | date) indexes backwards or forwards and stops at
 *   the page (the index names are the migration's: a renamed index fails loudly here). Only the
 *   page's rows are then joined to patient, payer, lot and drug, and only their snapshot JSON is
 *   read (for the expected amount).
 * - Every sort ends with the id, so pages never repeat or skip a row between ties.
 * - `total` is an exact count over the same filters: under payer, status and readiness alone, the
 *   sum of the counts the triggers of migration 0006 keep; with dates or a search, counted through
 *   the indexes without reading a row (see indexedFilters).
 * - A search matches each of its words against the patient (name, account/MRN), the lot number,
 *   the NDC's digits and the start of the claim number; see wordMatch.
 */
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import {
  ADMINISTRATION_STATUSES,
  type AdministrationSummary,
  type administrationListQuerySchema,
} from '../../../../shared/domain/administration';
import type { z } from 'zod';
import { parseNdc } from '../../../../shared/domain/ndc';
import type { Db } from '../../db/open';
import { drugNameOf, money, PATIENT_NAME_SQL } from './administration-rows';
import { foldedContains } from '../search-text';
import { expectedParts } from '../../../../shared/domain/expected-total';

export type AdministrationListQuery = z.output<typeof administrationListQuerySchema>;

// Whitelisted ORDER BY expressions: sort keys never reach SQL as text from the caller.
const STATUS_ORDER = `CASE a.status ${ADMINISTRATION_STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END`;
const ORDER: Record<AdministrationListQuery['sortBy'], (dir: 'ASC' | 'DESC') => string> = {
  dateOfService: (dir) => `a.date_of_service ${dir}, a.id ${dir}`,
  patient: (dir) => `p.last_name COLLATE NOCASE ${dir}, p.first_name COLLATE NOCASE ${dir}, a.id ${dir}`,
  billed: (dir) => `a.billed_cents ${dir}, a.id ${dir}`,
  status: (dir) => `${STATUS_ORDER} ${dir}, a.id ${dir}`,
};

// Past this many words the rest of a search is ignored (a bounded set of statement shapes).
const MAX_SEARCH_WORDS = 4;

type SummaryRow = Omit<
  AdministrationSummary,
  'drugName' | 'billedCharge' | 'expected' | 'expectedPayer' | 'expectedPatient' | 'ready' | 'missing' | 'estimateStale'
> & {
  genericName: string;
  brandName: string;
  billedCents: number;
  payerPays: string | null;
  patientPays: string | null;
  ready: number;
  missingJson: string;
  estimateStale: number;
};

export function administrationList(db: Db) {
  // The SQL varies only by which filters and sort are used: a bounded set of shapes, each prepared once.
  const statements = new Map<string, Statement>();
  const prepared = (sql: string): Statement => {
    let st = statements.get(sql);
    if (!st) statements.set(sql, (st = db.prepare(sql)));
    return st;
  };

  /**
   * The exact number of administrations the filters match. Under payer, status and readiness
   * alone it is the sum of the kept counts (migration 0006); dates or a search count the rows.
   */
  const countOf = (
    q: AdministrationListQuery,
    source: string,
    whereSql: string,
    params: Record<string, string | number>,
  ): number => {
    if (
      q.from === undefined &&
      q.to === undefined &&
      !q.outOfDate &&
      !q.noAttachment &&
      searchWords(q.search).length === 0
    ) {
      const kept: string[] = [];
      const keptParams: Record<string, string | number> = {};
      if (q.payerId !== undefined) {
        kept.push('payer_id = @payerId');
        keptParams.payerId = q.payerId;
      }
      if (q.status !== undefined) {
        kept.push('status = @status');
        keptParams.status = q.status;
      }
      if (q.readiness !== 'all') {
        kept.push('ready = @ready');
        keptParams.ready = q.readiness === 'ready' ? 1 : 0;
      }
      const where = kept.length ? `WHERE ${kept.join(' AND ')}` : '';
      return prepared(`SELECT coalesce(sum(n), 0) FROM administration_counts ${where}`)
        .pluck()
        .get(keptParams) as number;
    }
    return prepared(`SELECT count(*) FROM ${source} ${whereSql}`).pluck().get(params) as number;
  };

  return function list(q: AdministrationListQuery): { rows: AdministrationSummary[]; total: number } {
    const where: string[] = [];
    const params: Record<string, string | number> = { limit: q.limit, offset: q.offset };
    const { source, conditions } = indexedFilters(q, params);
    where.push(...conditions);
    if (q.from !== undefined) {
      where.push('a.date_of_service >= @from');
      params.from = q.from;
    }
    if (q.to !== undefined) {
      where.push('a.date_of_service <= @to');
      params.to = q.to;
    }
    // Out-of-date estimates are few (the partial index administrations_stale holds just them).
    if (q.outOfDate) where.push('a.estimate_stale = 1');
    if (q.noAttachment) {
      where.push('NOT EXISTS (SELECT 1 FROM generated_document_lines g WHERE g.administration_id = a.id)');
    }
    searchWords(q.search).forEach((word, i) => where.push(wordMatch(word, i, params)));
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const order = ORDER[q.sortBy](q.sortDir === 'asc' ? 'ASC' : 'DESC');
    const pageJoin = q.sortBy === 'patient' ? 'JOIN patients p ON p.id = a.patient_id' : '';

    // CROSS JOIN keeps the page as the outer loop: with LIMIT as a parameter the planner does not
    // know the page is small and would rather walk all administrations in date order to skip a sort.
    const rows = prepared(
      `SELECT a.id, a.date_of_service AS dateOfService, ${PATIENT_NAME_SQL} AS patientName, y.name AS payerName,
         d.generic_name AS genericName, d.brand_name AS brandName, a.ndc11, l.lot_number AS lotNumber, a.hcpcs,
         a.claim_number AS claimNumber,
         a.billed_cents AS billedCents, a.status, a.ready, a.missing_json AS missingJson,
         a.estimate_stale AS estimateStale,
         json_extract(a.estimate_json, '$.estimate.totals.payerPays') AS payerPays,
         json_extract(a.estimate_json, '$.estimate.totals.patientPays') AS patientPays
       FROM (SELECT a.id FROM ${source} ${pageJoin} ${whereSql}
             ORDER BY ${order} LIMIT @limit OFFSET @offset) page
       CROSS JOIN administrations a ON a.id = page.id
       JOIN patients p ON p.id = a.patient_id
       JOIN payers y ON y.id = a.payer_id
       JOIN invoice_lines l ON l.id = a.invoice_line_id
       JOIN drugs d ON d.ndc11 = l.ndc11
       ORDER BY ${order}`,
    ).all(params) as SummaryRow[];
    return { rows: rows.map(toSummary), total: countOf(q, source, whereSql, params) };
  };
}

type IndexedFilter = { column: string; index: string; param: string; value: string | number };

/**
 * Payer, status and readiness, answered from the migration's indexes alone. Each of those indexes
 * is (column, date_of_service DESC, id DESC), and no index holds two of the columns: filtering on
 * two with plain conditions reads every candidate row (a row carries its estimate snapshot, about
 * a page of the file each), which is 80 ms for one payer's 20,000 claims. So the most selective
 * filter drives the scan through its index (already in date order), and each other one is an
 * index probe on (value, date, id) of its own index: an exact count that touches no row.
 * Selectivity is guessed, not measured: a payer holds a few percent of the claims, not-ready ones
 * are the drafts being worked, and a status can be most of history (paid).
 */
function indexedFilters(
  q: AdministrationListQuery,
  params: Record<string, string | number>,
): { source: string; conditions: string[] } {
  const filters: IndexedFilter[] = [];
  const ready = q.readiness === 'all' ? null : q.readiness === 'ready' ? 1 : 0;
  const byReady = { column: 'ready', index: 'administrations_by_ready', param: 'ready', value: ready ?? 0 };
  if (q.payerId !== undefined) {
    filters.push({ column: 'payer_id', index: 'administrations_by_payer', param: 'payerId', value: q.payerId });
  }
  if (q.status !== undefined && ready !== null && q.payerId === undefined) {
    // Status and readiness together: one probe of (status, ready, date, id) does both.
    params.status = q.status;
    params.ready = ready;
    return {
      source: 'administrations a INDEXED BY administrations_by_status_ready',
      conditions: ['a.status = @status', 'a.ready = @ready'],
    };
  }
  if (ready === 0) filters.push(byReady);
  if (q.status !== undefined) {
    filters.push({ column: 'status', index: 'administrations_by_status', param: 'status', value: q.status });
  }
  if (ready === 1) filters.push(byReady);
  const [driver, ...probes] = filters;
  if (!driver) return { source: 'administrations a', conditions: [] };
  for (const f of filters) params[f.param] = f.value;
  return {
    source: `administrations a INDEXED BY ${driver.index}`,
    conditions: [
      `a.${driver.column} = @${driver.param}`,
      ...probes.map(
        (f) => `EXISTS (SELECT 1 FROM administrations b INDEXED BY ${f.index}
          WHERE b.${f.column} = @${f.param} AND b.date_of_service = a.date_of_service AND b.id = a.id)`,
      ),
    ],
  };
}

function toSummary(r: SummaryRow): AdministrationSummary {
  return {
    id: r.id,
    dateOfService: r.dateOfService,
    patientName: r.patientName,
    payerName: r.payerName,
    drugName: drugNameOf(r),
    ndc11: r.ndc11,
    lotNumber: r.lotNumber,
    hcpcs: r.hcpcs,
    claimNumber: r.claimNumber,
    billedCharge: money(r.billedCents),
    ...expectedParts(r.payerPays, r.patientPays),
    status: r.status,
    estimateStale: r.estimateStale === 1,
    ready: r.ready === 1,
    missing: JSON.parse(r.missingJson) as string[],
  };
}

const searchWords = (search: string): string[] =>
  search
    .split(/[\s,]+/)
    .filter(Boolean)
    .slice(0, MAX_SEARCH_WORDS);

/**
 * One search word as a condition on alias `a`; its parameters are added to `params`. Patients and
 * lots (with their NDC, which is the administration's) are matched in their own small tables and
 * reached through the patient and lot indexes; claim numbers by prefix through their index.
 */
function wordMatch(word: string, i: number, params: Record<string, string | number>): string {
  const like = `w${i}`;
  params[like] = `%${escapeLike(word)}%`;
  const lot = [`lot_number LIKE @${like} ESCAPE '\\'`];
  // NDCs by their digits as typed without hyphens, and by the exact code when the word is a whole
  // NDC in any printed form (5-3-2 "50242-040-62" is no substring of its 11 digits).
  const digits = word.replace(/-/g, '');
  if (/^\d+$/.test(digits)) {
    params[`d${i}`] = `%${digits}%`;
    lot.push(`ndc11 LIKE @d${i}`);
  }
  const ndc = parseNdc(word);
  if (ndc.ok) {
    params[`n${i}`] = ndc.ndc11;
    lot.push(`ndc11 = @n${i}`);
  }
  // Patient names ignoring case and accents ("zoe" finds "Zoë").
  const any = [
    `a.patient_id IN (SELECT id FROM patients
       WHERE ${foldedContains(['last_name', 'first_name', 'account_number'], word, `p${i}`, params)})`,
    `a.invoice_line_id IN (SELECT id FROM invoice_lines WHERE ${lot.join(' OR ')})`,
  ];
  // Claim numbers by their start, through administrations_by_claim (a substring match would read
  // every row); as typed and in capitals, as claim numbers are mostly printed ("pcn-1" finds "PCN-1").
  params[`c${i}`] = word;
  params[`ce${i}`] = `${word}\uffff`;
  any.push(`(a.claim_number >= @c${i} AND a.claim_number < @ce${i})`);
  if (word.toUpperCase() !== word) {
    params[`cu${i}`] = word.toUpperCase();
    params[`cue${i}`] = `${word.toUpperCase()}\uffff`;
    any.push(`(a.claim_number >= @cu${i} AND a.claim_number < @cue${i})`);
  }
  return `(${any.join(' OR ')})`;
}

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);
