/**
 * The variance CSV read on worker threads (issue 12: a million lines exported in ≤ 5 s): the
 * same bytes as the cell-by-cell CSV (csvRecord of varianceCells, row by row on this thread),
 * on lines made hostile on purpose — quotes, commas and line breaks in names and claim numbers,
 * text a spreadsheet would run as a formula (= + - @), negative and zero amounts, no billing or
 * payment date — with the report cut into several day ranges, filtered, in an encrypted folder,
 * and a reader that fails.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { openServices } from '../../electron/services/context';
import { readOrderedInParallel, rowsOf } from '../../electron/services/db/parallel-ordered-read';
import { varianceService } from '../../electron/services/remittances/variance-service';
import { csvBytes } from '../../electron/services/reports/export-file';
import { tableOf, type TableQuery } from '../../electron/services/reports/report-tables';
import { databaseAccess, tableSources } from '../../electron/services/reports/table-sources';
import type { Db } from '../../electron/services/db/open';
import { auditLog } from '../../electron/services/repositories/audit-log';
import { billedAdministration, seedPractice } from '../fixtures/claim-seed';
import { serviceHarness } from './service-harness';

const { value, services, dir } = serviceHarness();

const DAYS = ['2025-02-03', '2025-02-04', '2025-02-06', '2025-02-11', '2025-02-17', '2025-02-25', '2025-02-28'];

// Values no form would take, written straight into the stored lines to prove the CSV survives them.
const CLAIMS = ['=1+2', '-12.50', '+CMD', '@SUM(A1)', 'A,"B"', 'two\r\nlines', '-', '', 'CLM-PLAIN', '"'];
const PATIENTS: [first: string, last: string][] = [
  ['Ana', 'Reyes'],
  ['Cell', '=HYPERLINK("http://x")'],
  ['Jo "JJ"', 'O,Neil'],
  ['Line\nBreak', '+Plus'],
  ['@at', '-Minus'],
];

beforeEach(async () => {
  const s = await seedPractice(value, { patients: PATIENTS.map(() => ['Seed', 'Patient']) });
  for (const [i, date] of DAYS.entries()) {
    for (const patient of [s.patients[i % 5]!, ...(i % 2 ? [] : [s.patients[(i + 3) % 5]!])]) {
      await billedAdministration(value, s, patient, {
        dateOfService: date,
        claimNumber: `CLM-${date}-${patient.id}`,
        ...(i % 2 ? { wastedAmount: '0' } : {}),
      });
    }
  }
  const db = services().ctx.db;
  PATIENTS.forEach(([first, last], i) =>
    db.prepare('UPDATE patients SET first_name = ?, last_name = ? WHERE id = ?').run(first, last, s.patients[i]!.id),
  );
  db.prepare(`UPDATE payers SET name = '=cmd|'' /C calc''!A0, "Medicare"'`).run();
  db.prepare(
    `UPDATE drugs SET generic_name = '-Drug, "X"', brand_name = '@Brand' WHERE ndc11 IN (SELECT ndc11 FROM line_variance)`,
  ).run();
  const lines = db.prepare('SELECT administration_id, line_kind FROM line_variance ORDER BY rowid').all() as {
    administration_id: number;
    line_kind: string;
  }[];
  const change = db.prepare(
    `UPDATE line_variance SET claim_number = @claim, modifiers = @modifiers, reasons = @reasons,
       variance_cents = @variance, actual_paid_cents = @paid, actual_allowed_cents = 0,
       billed_at = CASE WHEN @noDates THEN NULL ELSE billed_at END,
       last_payment_date = CASE WHEN @noDates THEN NULL ELSE '2025-04-20' END
     WHERE administration_id = @id AND line_kind = @kind`,
  );
  lines.forEach((l, i) =>
    change.run({
      id: l.administration_id,
      kind: l.line_kind,
      claim: CLAIMS[i % CLAIMS.length],
      modifiers: i % 3 === 0 ? 'JW,KX' : '',
      reasons: i % 4 === 0 ? 'CO-45,N350' : i % 4 === 1 ? '=N1' : '',
      variance: [-505, 0, 1, -1, 99, -100, 123456789][i % 7],
      paid: i % 5 === 0 ? -2500 : i * 37,
      noDates: i % 6 === 0 ? 1 : 0,
    }),
  );
});

/** The CSV of a report: cell by cell, on this thread's fast path, and read by workers over every day range. */
async function threeWays(db: Db, q: TableQuery, file = databaseAccess(services().ctx)) {
  const text = async (t: ReturnType<typeof tableOf>) => (await csvBytes(t)).bytes.toString('utf8');
  const table = tableOf(q, tableSources(db, auditLog(db)));
  const parallel = await csvBytes(
    tableOf(q, tableSources(db, auditLog(db), { database: file, parallelFrom: 0, rangesPerReader: 3 })),
  );
  return {
    cellByCell: await text({ ...table, csvChunks: undefined }),
    thisThread: await text(table),
    workers: parallel.bytes.toString('utf8'),
    workerRows: parallel.rows,
  };
}

describe('the variance CSV read on worker threads', () => {
  it('is byte for byte the cell-by-cell CSV, over several day ranges and hostile values', async () => {
    const db = services().ctx.db;
    const { read, lines } = varianceService(db, auditLog(db)).csvReadInRanges({ sortDir: 'desc' }, 6);
    expect(read.ranges.length).toBeGreaterThanOrEqual(4);
    expect(lines).toBe(db.prepare('SELECT count(*) FROM line_variance').pluck().get());

    const { cellByCell, thisThread, workers, workerRows } = await threeWays(db, {
      report: 'variance',
      search: '',
      today: '2025-06-01',
    });
    expect(workers).toBe(cellByCell);
    expect(thisThread).toBe(cellByCell);
    // The hostile values are there, escaped: a formula gets an apostrophe, a field with a quote,
    // comma or line break is quoted, a negative amount stays a number.
    expect(workerRows).toBe(lines);
    expect(workers).toContain(`,'=1+2,`);
    expect(workers).toContain(`,-12.50,`);
    expect(workers).toContain(`,"A,""B""",`);
    expect(workers).toContain(`,"two\r\nlines",`);
    expect(workers).toContain(`,"'=HYPERLINK(""http://x""), Cell",`);
    expect(workers).toContain(`,"'+Plus, Line\nBreak",`);
    expect(workers).toContain(`,"'=cmd|' /C calc'!A0, ""Medicare""",`);
    expect(workers).toContain(`,"'-Drug, ""X"" (@Brand)",`);
    expect(workers).toContain(`,-5.05,`);
    expect(workers).toContain(`,"CO-45, N350"\r\n`);
    expect(workers).toContain(`,'=N1\r\n`);
    expect(workers).toContain(`,JW KX,`);
    // Newest date of service first, across the ranges.
    expect(workers.indexOf('\r\n2025-02-28,')).toBeLessThan(workers.indexOf('\r\n2025-02-03,'));
  });

  it('filtered by status, payer and dates, the same bytes as cell by cell', async () => {
    const db = services().ctx.db;
    const payerId = db.prepare('SELECT min(id) FROM payers').pluck().get() as number;
    for (const q of [
      { status: 'unpaid' as const },
      { payerId },
      { from: '2025-02-04', to: '2025-02-25' },
      { from: '2025-02-20' },
    ]) {
      const { cellByCell, workers } = await threeWays(db, {
        report: 'variance',
        search: '',
        today: '2025-06-01',
        ...q,
      });
      expect(workers).toBe(cellByCell);
      expect(workers.split('\r\n').length).toBeGreaterThan(2);
    }
  });

  it('oldest first, the rows are those read on this thread, in the same order', async () => {
    const db = services().ctx.db;
    const variance = varianceService(db, auditLog(db));
    const { read } = variance.csvReadInRanges({ sortDir: 'asc' }, 5);
    const rows: unknown[][] = [];
    for await (const batch of readOrderedInParallel(databaseAccess(services().ctx), read)) {
      rows.push(...rowsOf(batch, read.repeated));
    }
    expect(rows).toEqual([...variance.eachForCsv({ sortDir: 'asc' })]);
  });

  it('in an encrypted data folder, the readers open the database with its key', async () => {
    services().close();
    const encrypted = openServices({
      dataDir: dir(),
      mode: 'cli',
      actor: 'tester',
      unlock: { passphrase: 'correct horse battery staple' },
    });
    try {
      expect(encrypted.ctx.dataKey).toBeDefined();
      const db = encrypted.ctx.db;
      const { cellByCell, workers } = await threeWays(
        db,
        { report: 'variance', search: '', today: '2025-06-01' },
        databaseAccess(encrypted.ctx),
      );
      expect(workers).toBe(cellByCell);
      expect(workers).toContain(`,'=1+2,`);
    } finally {
      encrypted.close();
    }
  });

  it('a reader that fails ends the export with its error, and the other readers are stopped', async () => {
    const read = readOrderedInParallel(databaseAccess(services().ctx), {
      sql: 'SELECT date_of_service FROM line_variance WHERE date_of_service = @day AND no_such_column = 1',
      ranges: DAYS.map((day) => ({ day })),
      repeated: [true],
    });
    await expect(read.next()).rejects.toThrow(/no such column/);
  });
});
