/**
 * The finance reports and the unpaid worklist (issue 12, items 6–8 and 10), over claims billed
 * and paid through the services: expected against paid by payer and month, margin, volume, days
 * to payment, unpaid by age with the timely filing day, Home's counts, and the exports (CSV and
 * XLSX read back, cells that would run as formulas escaped). Migration 12's backfill is proved
 * on a file taken back to version 11.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import type {
  AgingRowView,
  DaysToPaymentRowView,
  ExpectedVsPaidRowView,
  HomeSummary,
  MarginRowView,
  VolumeRowView,
} from '../../shared/api/report-channels';
import type { Administration } from '../../shared/domain/administration';
import { Dec } from '../../shared/domain/money';
import {
  billedAdministration,
  estimateLine,
  readyAdministration,
  seedPractice,
  type Seeded,
} from '../fixtures/claim-seed';
import { csvBytes } from '../../electron/services/reports/export-file';
import { tableOf } from '../../electron/services/reports/report-tables';
import { tableSources } from '../../electron/services/reports/table-sources';
import { auditLog } from '../../electron/services/repositories/audit-log';
import { runCliIn } from './cli-run';
import { undoMigration12 } from './migration-12-undo';
import { serviceHarness } from './service-harness';

const { value, refusal, clock, services, open, dir } = serviceHarness();

let s: Seeded;
let february: Administration;
let march: Administration;

const sum = (...xs: string[]) => xs.reduce((t, x) => t.plus(x), new Dec(0)).toFixed(2);

beforeEach(async () => {
  s = await seedPractice(value, {
    patients: [
      ['Ana', 'Reyes'],
      ['Cell', '=HYPERLINK("http://x")'],
    ],
  });
  clock.set('2025-04-01T12:00:00.000Z');
  february = await billedAdministration(value, s, s.patients[0]!, {
    claimNumber: 'CLM-FEB',
    dateOfService: '2025-02-20',
  });
  march = await billedAdministration(value, s, s.patients[1]!, {
    claimNumber: 'CLM-MAR',
    dateOfService: '2025-03-10',
    wastedAmount: '0',
  });
  // February's given line paid $10.00 under its allowed amount, 19 days after billing.
  const g = estimateLine(february, 'given');
  const allowed = new Dec(g.allowed).minus(10).toFixed(2);
  const paid = new Dec(g.payerPays!).minus(8).toFixed(2);
  const patient = new Dec(g.patientPays!).minus(2).toFixed(2);
  await value('payments:post', {
    administrationId: february.id,
    lineKind: 'given',
    paymentDate: '2025-04-20',
    allowed,
    paid,
    patientResponsibility: patient,
    adjustments: [{ group: 'PR', reason: '2', amount: patient }],
    checkNumber: 'CHK-1',
  });
});

describe('reports', () => {
  it('expected against paid by payer and month: sums of the claim lines, paid less expected on the lines paid', async () => {
    const { rows } = await value<{ rows: ExpectedVsPaidRowView[] }>('reports:expectedVsPaid', {});
    const g = estimateLine(february, 'given');
    const w = estimateLine(february, 'wasted');
    expect(rows).toEqual([
      expect.objectContaining({
        month: '2025-02',
        payerName: 'Medicare Part B',
        lines: 2,
        paidLines: 1,
        expectedPaid: sum(g.payerPays!, w.payerPays!),
        paid: new Dec(g.payerPays!).minus(8).toFixed(2),
        expectedOfPaid: g.payerPays,
        difference: '-8.00',
        underpaid: '10.00',
      }),
      expect.objectContaining({
        month: '2025-03',
        lines: 1,
        paidLines: 0,
        expectedPaid: estimateLine(march, 'given').payerPays,
        paid: '0.00',
        difference: '0.00',
      }),
    ]);
    const only = await value<{ rows: ExpectedVsPaidRowView[] }>('reports:expectedVsPaid', {
      from: '2025-02-01',
      to: '2025-02-28',
    });
    expect(only.rows.map((r) => r.month)).toEqual(['2025-02']);
  });

  it('margin by drug: what payer and patient owe less the acquisition cost of the lines', async () => {
    const { rows } = await value<{ rows: MarginRowView[] }>('reports:margin', { by: 'drug' });
    expect(rows).toHaveLength(1);
    const lines = [estimateLine(february, 'given'), estimateLine(february, 'wasted'), estimateLine(march, 'given')];
    const cost = sum(...lines.map((l) => l.acquisitionCost!));
    const expectedRevenue = sum(...lines.flatMap((l) => [l.payerPays!, l.patientPays!]));
    const g = estimateLine(february, 'given');
    expect(rows[0]).toEqual(
      expect.objectContaining({
        label: 'Examplemab',
        lines: 3,
        paidLines: 1,
        linesWithoutCost: 0,
        cost,
        expectedRevenue,
        expectedMargin: new Dec(expectedRevenue).minus(cost).toFixed(2),
        paidCost: g.acquisitionCost,
        revenue: new Dec(g.payerPays!).plus(g.patientPays!).minus(10).toFixed(2),
        margin: new Dec(g.payerPays!).plus(g.patientPays!).minus(10).minus(g.acquisitionCost!).toFixed(2),
      }),
    );
    const byPayer = await value<{ rows: MarginRowView[] }>('reports:margin', { by: 'payer' });
    expect(byPayer.rows.map((r) => [r.label, r.cost])).toEqual([['Medicare Part B', cost]]);
  });

  it('volume by drug and month, and days from billing to payment by payer', async () => {
    const { rows } = await value<{ rows: VolumeRowView[] }>('reports:volume', {});
    expect(rows.map((r) => [r.month, r.drugName, r.administrations, r.units])).toEqual([
      [
        '2025-02',
        'Examplemab',
        1,
        Number(estimateLine(february, 'given').units) + Number(estimateLine(february, 'wasted').units),
      ],
      ['2025-03', 'Examplemab', 1, Number(estimateLine(march, 'given').units)],
    ]);
    expect(rows[0]?.billed).toBe(
      sum(estimateLine(february, 'given').billedCharge, estimateLine(february, 'wasted').billedCharge),
    );
    const days = await value<{ rows: DaysToPaymentRowView[] }>('reports:daysToPayment', {});
    expect(days.rows).toEqual([
      expect.objectContaining({
        payerName: 'Medicare Part B',
        paidLines: 1,
        averageDays: 19,
        longestDays: 19,
        within30: 1,
      }),
    ]);
  });

  it('a date that is not a real day is refused next to the field', async () => {
    const r = await refusal('reports:volume', { from: '2025-02-30' });
    expect(r.code).toBe('DATE_INVALID');
    expect(r.fields?.map((f) => f.field)).toEqual(['from']);
  });
});

describe('unpaid by age', () => {
  it('puts each unpaid line in its age bucket, oldest billing first, with the timely filing day', async () => {
    clock.set('2025-06-15T15:00:00.000Z'); // 75 days after billing on 2025-04-01
    const aging = await value<{
      buckets: { bucket: string; lines: number; expectedPaid: string }[];
      rows: AgingRowView[];
      total: number;
    }>('worklists:aging', {});
    expect(aging.total).toBe(2);
    expect(aging.buckets.map((b) => [b.bucket, b.lines])).toEqual([
      ['0–30 days', 0],
      ['31–60 days', 0],
      ['61–90 days', 2],
      ['Over 90 days', 0],
    ]);
    expect(aging.buckets[2]?.expectedPaid).toBe(
      sum(estimateLine(february, 'wasted').payerPays!, estimateLine(march, 'given').payerPays!),
    );
    const jan = aging.rows.find((r) => r.claimNumber === 'CLM-MAR')!;
    expect(jan).toEqual(
      expect.objectContaining({
        billedOn: '2025-04-01',
        ageDays: 75,
        bucket: '61–90 days',
        timelyFilingDays: 365,
        timelyFilingEnds: '2026-03-10',
        timelyFilingDaysLeft: 268,
      }),
    );
    const older = await value<{ total: number }>('worklists:aging', { minAgeDays: 76 });
    expect(older.total).toBe(0);
    const exactly = await value<{ total: number }>('worklists:aging', { minAgeDays: 75 });
    expect(exactly.total).toBe(2);
  });
});

describe('Home', () => {
  it('counts the day’s work and charts twelve months of expected against paid', async () => {
    await readyAdministration(value, s, s.patients[0]!, { claimNumber: 'CLM-R', dateOfService: '2025-03-25' });
    clock.set('2025-06-15T15:00:00.000Z');
    const home = await value<HomeSummary>('home:summary', {});
    expect(home).toEqual(
      expect.objectContaining({
        readyWithoutAttachment: 1,
        underpaidLines: 1,
        deniedLines: 0,
        unpaidOver60Days: 2,
        unmatchedLines: 0,
      }),
    );
    expect(home.months.map((m) => m.month)).toEqual([
      '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12',
      '2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06',
    ]); // prettier-ignore
    expect(home.months[7]?.paid).toBe(new Dec(estimateLine(february, 'given').payerPays!).minus(8).toFixed(2));
  });
});

describe('exports', () => {
  const exported = (args: Record<string, unknown>) =>
    value<{ fileName: string; contentBase64: string; rows: number }>('reports:export', { search: '', ...args });

  it('the underpaid worklist as CSV: header, one row per line, amounts exact, named for its dates', async () => {
    const file = await exported({ report: 'variance', status: 'underpaid', format: 'csv', from: '2025-01-01' });
    expect(file.fileName).toBe('expected-vs-paid-lines-underpaid-2025-01-01-to-2025-04-01.csv');
    expect(file.rows).toBe(1);
    const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFFDate of service,Claim number,Patient,Payer,')).toBe(true);
    const [, row] = text.replace('\uFEFF', '').trimEnd().split('\r\n');
    const g = estimateLine(february, 'given');
    expect(row).toContain(`2025-02-20,CLM-FEB,"Reyes, Ana",Medicare Part B,Examplemab (Brandix),`);
    expect(row).toContain(`,Given,Underpaid,${g.allowed},${g.payerPays},`);
    expect(row).toContain(',10.00,2025-04-01,2025-04-20,');
  });

  it('a patient name that a spreadsheet would run as a formula is written as text', async () => {
    const file = await exported({ report: 'variance', format: 'csv' });
    const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://x""), Cell"`);
    // Negative amounts are numbers, not formulas: never prefixed.
    expect(text).not.toContain(`'-`);
  });

  it('the variance CSV written from SQLite’s runs of amounts is the cell-by-cell CSV, field for field', async () => {
    // An overpaid line gives a negative difference; the patient named like a formula is escaped.
    const m = estimateLine(march, 'given');
    await value('payments:post', {
      administrationId: march.id,
      lineKind: 'given',
      paymentDate: '2025-04-25',
      allowed: new Dec(m.allowed).plus('5.05').toFixed(2),
      paid: new Dec(m.payerPays!).plus('5.05').toFixed(2),
      patientResponsibility: m.patientPays!,
      adjustments: [{ group: 'PR', reason: '2', amount: m.patientPays! }],
      checkNumber: 'CHK-2',
    });
    const db = services().ctx.db;
    const table = tableOf({ report: 'variance', search: '', today: '2025-06-01' }, tableSources(db, auditLog(db)));
    expect(table.csvChunks).toBeDefined();
    const fast = (await csvBytes(table)).bytes.toString('utf8');
    const cellByCell = (await csvBytes({ ...table, csvChunks: undefined })).bytes.toString('utf8');
    expect(fast).toBe(cellByCell);
    expect(fast).toContain(',Overpaid,');
    expect(fast).toContain(',-5.05,');
    expect(fast).toContain(`"'=HYPERLINK(""http://x""), Cell"`);
  });

  it('a report as XLSX: read back, amounts are numbers with two decimals shown', async () => {
    const file = await exported({ report: 'expected-vs-paid', format: 'xlsx' });
    expect(file.fileName).toBe('expected-vs-paid-by-payer-and-month-to-2025-04-01.xlsx');
    const workbook = new ExcelJS.Workbook();
    const bytes = Buffer.from(file.contentBase64, 'base64');
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet('Expected vs paid')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Month');
    expect(sheet.getRow(2).getCell(1).value).toBe('2025-02');
    expect(sheet.getRow(2).getCell(9).value).toBe(-8);
    expect(sheet.getRow(2).getCell(10).value).toBe(10);
    expect(sheet.getRow(2).getCell(10).numFmt).toBe('#,##0.00');
    expect(file.rows).toBe(2);
  });

  it('the unpaid worklist as CSV with the age bucket of each line', async () => {
    clock.set('2025-06-15T15:00:00.000Z');
    const file = await exported({ report: 'aging', format: 'csv' });
    const lines = Buffer.from(file.contentBase64, 'base64').toString('utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^61–90 days,75,2025-04-01,/);
  });
});

describe('j3490 report', () => {
  it('writes the variance report of a date range to --out as CSV, never over a file', async () => {
    services().close();
    const file = join(dir(), 'q1.csv');
    const made = await runCliIn(dir(), [
      'report',
      'variance',
      '--from',
      '2025-02-01',
      '--to',
      '2025-02-28',
      '--format',
      'csv',
      '--out',
      file,
    ]);
    expect(made.code).toBe(0);
    expect(made.json).toEqual({ file, format: 'csv', rows: 2 });
    const lines = readFileSync(file, 'utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('2025-02-20,CLM-FEB,"Reyes, Ana"');
    const again = await runCliIn(dir(), ['report', 'variance', '--format', 'csv', '--out', file]);
    expect(again.code).toBe(2);
    expect(again.json).toEqual(expect.objectContaining({ error: expect.objectContaining({ code: 'FILE_EXISTS' }) }));
    const xlsx = await runCliIn(dir(), ['report', 'margin-by-payer', '--out', join(dir(), 'margin.xlsx')]);
    expect(xlsx.json).toEqual(expect.objectContaining({ format: 'xlsx', rows: 1 }));
    const unknown = await runCliIn(dir(), ['report', 'everything', '--out', join(dir(), 'x.csv')]);
    expect(unknown.code).toBe(2);
    expect(unknown.json).toEqual(
      expect.objectContaining({ error: expect.objectContaining({ code: 'ARGUMENT_MISSING' }) }),
    );
    open(dir());
  });
});

describe('migration 12', () => {
  it('keeps each line’s claim number and patient equal to its administration’s, whatever writes them', () => {
    const db = services().ctx.db;
    db.prepare(`UPDATE administrations SET claim_number = 'CLM-FEB-2', patient_id = ? WHERE id = ?`).run(
      s.patients[1]!.id,
      february.id,
    );
    expect(
      db
        .prepare(
          `SELECT DISTINCT claim_number AS claim, patient_id AS patient FROM line_variance WHERE administration_id = ?`,
        )
        .all(february.id),
    ).toEqual([{ claim: 'CLM-FEB-2', patient: s.patients[1]!.id }]);
  });

  it('fills the drug, units, charge, acquisition cost, claim number and patient of the lines already kept', async () => {
    const facts = () =>
      services()
        .ctx.db.prepare(
          `SELECT administration_id AS id, line_kind AS kind, ndc11, units, billed_cents AS billed,
                  acquisition_cost_cents AS cost, claim_number AS claim, patient_id AS patient
             FROM line_variance ORDER BY id, kind`,
        )
        .all();
    const written = facts();
    expect(written).toHaveLength(3);
    const db = services().ctx.db;
    undoMigration12(db);
    services().close();
    open(dir());
    expect(facts()).toEqual(written);
    const g = estimateLine(february, 'given');
    expect(written[0]).toEqual({
      id: february.id,
      kind: 'given',
      ndc11: february.estimate!.ndc11,
      units: Number(g.units),
      billed: Number(g.billedCharge.replace('.', '')),
      cost: Number(g.acquisitionCost!.replace('.', '')),
      claim: 'CLM-FEB',
      patient: february.patientId,
    });
  });
});
