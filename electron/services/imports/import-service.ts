/**
 * The import use cases behind `imports:preview`, `imports:commit` and `imports:mapping`.
 *
 * preview: read the whole file (nothing is written), find its header, map its columns (chosen >
 * remembered > guessed), validate every row, and stage the result under a random id.
 * commit: write a staged preview in one transaction. Rows with errors are left out only when the
 * person accepted that; an incomplete mapping or an expired preview is refused; the mapping used
 * is remembered for this kind of file (per payer, or per supplier for invoices) so the next file of the same layout needs none.
 */
import { createHash } from 'node:crypto';
import type { ArgsOut, Result } from '../../../shared/api/contract';
import type { ImportPreview, ImportReport } from '../../../shared/api/import-schemas';
import { quarterSpan } from '../../../shared/domain/drug-price';
import { AppError } from '../app-error';
import type { ServiceContext } from '../context';
import type { AuditLog } from '../repositories/audit-log';
import { importRepository } from '../repositories/import-repository';
import { locateHeader, type Located } from './header';
import { KINDS } from './kinds';
import { quarterFromText } from './quarter';
import { readTable } from './read-table';
import { dropStaged, findStaged, stage, type StagedImport } from './staging';
import { PriceKeys } from './price-keys';
import { emptyRecords, recordCount, RowCollector, sampleOf, type Records } from './staged-rows';
import { ReadError, type Table } from './table';
import { validateRows } from './validate-rows';

const DATA_URL_PREFIX = /^data:[^,]*;base64,/;

export function importService(ctx: ServiceContext, audit: AuditLog) {
  const repo = importRepository(ctx.db, audit);
  const nowMs = (): number => Date.parse(ctx.now());
  const ownerKey = (payerId: number | null | undefined): string => (payerId == null ? '' : String(payerId));
  /** Invoices are remembered per supplier, everything else per payer (or none). */
  const ownerOf = (kind: string, payerId: number | null | undefined, supplierId: number | null | undefined) =>
    ownerKey(kind === 'invoices' ? supplierId : payerId);

  async function preview(args: ArgsOut<'imports:preview'>): Promise<ImportPreview> {
    const spec = KINDS[args.kind];
    const payerId = args.payerId ?? null;
    if (args.kind === 'fee-schedule' && payerId === null) {
      throw new AppError('PAYER_REQUIRED', 'A fee schedule belongs to a payer; choose the payer it comes from.');
    }
    if (payerId !== null && repo.payerName(payerId) === null) {
      throw new AppError('PAYER_NOT_FOUND', `There is no payer with id ${payerId}; it may have been deleted.`);
    }
    const supplierId = args.kind === 'invoices' ? (args.supplierId ?? null) : null;
    if (args.kind === 'invoices' && supplierId === null) {
      throw new AppError('SUPPLIER_REQUIRED', 'Invoices come from a supplier; choose the supplier that sent them.');
    }
    if (supplierId !== null && repo.supplierName(supplierId) === null) {
      throw new AppError(
        'SUPPLIER_NOT_FOUND',
        `There is no supplier with id ${supplierId}; it may have been deleted, or add it first.`,
      );
    }
    const unknown = Object.keys(args.mapping ?? {}).filter((f) => !spec.fields.some((s) => s.field === f));
    if (unknown.length > 0) {
      throw new AppError(
        'MAPPING_FIELD_UNKNOWN',
        `A ${spec.title} has no field named ${unknown.join(', ')}; its fields are ${spec.fields.map((f) => f.field).join(', ')}.`,
      );
    }

    const bytes = Buffer.from(args.contentBase64.replace(DATA_URL_PREFIX, ''), 'base64');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    let table: Table;
    try {
      table = await readTable(bytes, args.fileName, spec.entry);
    } catch (err) {
      if (err instanceof ReadError)
        throw new AppError(err.code === 'FILE_EMPTY' ? 'FILE_UNREADABLE' : err.code, err.message);
      throw err;
    }

    const remembered = repo.mapping(args.kind, ownerOf(args.kind, payerId, supplierId));
    const located = locateHeader(table, spec, args.mapping, remembered);
    const missing = spec.missing((field) => (located.at[field] ?? -1) >= 0);

    let quarter: string | null = null;
    if (args.kind === 'cms-asp' || args.kind === 'cms-noc') {
      quarter =
        args.quarter ??
        quarterFromText(args.fileName) ??
        quarterFromText(table.source) ??
        preambleQuarter(table, located);
      if (quarter === null) {
        throw new AppError(
          'QUARTER_REQUIRED',
          `Say which quarter ${args.fileName} prices (e.g. 2025Q3); neither its name nor its title rows say.`,
        );
      }
    }

    let records: Records;
    let collector: RowCollector;
    if (missing.length > 0) {
      ({ records, collector } = unusable(args.kind, table, located, missing));
    } else {
      ({ records, collector } = validateRows(
        args.kind,
        table,
        located,
        args.kind === 'prices'
          ? { keys: new Set(), prices: new PriceKeys(repo.drugNdcs(), repo.storedPrices()) }
          : args.kind === 'invoices'
            ? { keys: repo.invoiceNumbers(supplierId ?? 0), packageSizes: repo.packageSizes() }
            : { keys: repo.existingKeys(args.kind, payerId, quarter) },
      ));
    }

    const mapping: Record<string, string> = {};
    for (const [field, column] of Object.entries(located.mapping)) if (column !== null) mapping[field] = column;
    const staged: StagedImport = {
      kind: args.kind,
      fileName: args.fileName,
      sha256,
      payerId,
      supplierId,
      quarter,
      mapping,
      missing,
      records,
      validRows: collector.validRows,
      refusedRows: collector.refusedRows,
      errors: collector.errors,
    };
    const stagedId = stage(staged, ctx.databaseFile, nowMs());
    const extra = quarterFields(quarter);
    return {
      stagedId,
      kind: args.kind,
      fileName: args.fileName,
      source: table.source,
      columns: located.columns,
      fields: spec.fields.map(({ field, label, required }) => ({ field, label, required })),
      mapping: located.mapping,
      mappingComplete: missing.length === 0,
      quarter,
      totalRows: collector.totalRows,
      validRows: collector.validRows,
      refusedRows: collector.refusedRows,
      sample: sampleOf(records).map((s) => ({ ...s, ...extra })),
      errors: collector.errors,
    };
  }

  function commit(args: ArgsOut<'imports:commit'>): ImportReport {
    const staged = findStaged(args.stagedId, ctx.databaseFile, nowMs());
    if (!staged) {
      throw new AppError(
        'IMPORT_NOT_FOUND',
        'This preview is no longer available (it expired, was already imported, or the app restarted); preview the file again.',
      );
    }
    if (staged.missing.length > 0) {
      throw new AppError(
        'MAPPING_INCOMPLETE',
        `Nothing was imported: no column is mapped to ${staged.missing.join('; ')}. Choose the columns and preview again.`,
      );
    }
    if (staged.refusedRows > 0 && !args.acceptRefused) {
      throw new AppError(
        'IMPORT_HAS_ERRORS',
        `${staged.refusedRows} of ${staged.refusedRows + staged.validRows} rows have errors, so nothing was imported. Correct the file, or import the other ${staged.validRows} rows and leave these out.`,
        staged.errors.map((e) => ({
          field: `row ${e.row}${e.column ? `, ${e.column}` : ''}`,
          code: e.code,
          message: e.message,
        })),
      );
    }
    if (recordCount(staged.records) === 0) {
      dropStaged(args.stagedId);
      throw new AppError('NOTHING_TO_IMPORT', `Nothing in ${staged.fileName} can be imported: every row was refused.`);
    }
    let importId: number;
    try {
      importId = repo.commit(
        {
          kind: staged.kind,
          fileName: staged.fileName,
          sha256: staged.sha256,
          payerId: staged.payerId,
          supplierId: staged.supplierId,
          quarter: staged.quarter,
          mapping: staged.mapping,
          records: staged.records,
          taken: staged.validRows,
          refused: staged.refusedRows,
        },
        ownerOf(staged.kind, staged.payerId, staged.supplierId),
        ctx.now(),
        ctx.actor,
      );
    } catch (err) {
      if (err instanceof AppError) dropStaged(args.stagedId);
      throw err;
    }
    dropStaged(args.stagedId);
    return {
      importId,
      kind: staged.kind,
      fileName: staged.fileName,
      taken: staged.validRows,
      refused: staged.refusedRows,
    };
  }

  const mapping = (args: ArgsOut<'imports:mapping'>): Result<'imports:mapping'> =>
    repo.mapping(args.kind, ownerOf(args.kind, args.payerId, args.supplierId));

  return { preview, commit, mapping };
}

/** A mapping that leaves a required field unmapped: every row counts as refused, for one reason. */
function unusable(
  kind: StagedImport['kind'],
  table: Table,
  located: Located,
  missing: string[],
): { records: Records; collector: RowCollector } {
  const collector = new RowCollector();
  const cells: string[] = [];
  for (let r = located.index + 1; r < table.rowCount; r++) {
    const n = table.rowInto(r, cells);
    for (let i = 0; i < n; i++) {
      if (cells[i] !== '') {
        collector.totalRows++;
        break;
      }
    }
  }
  // One error for the whole file (not one per row): the header row is where the fix is.
  const headerLine = table.lines[located.index] ?? located.index + 1;
  collector.errors.push({
    row: headerLine,
    column: '',
    code: 'MAPPING_INCOMPLETE',
    message: `No column is mapped to ${missing.join('; ')}; choose the columns before importing.`,
  });
  collector.refusedRows = collector.totalRows;
  return { records: emptyRecords(kind), collector };
}

function preambleQuarter(table: Table, located: Located): string | null {
  for (let r = 0; r < located.index; r++) {
    const q = quarterFromText(table.row(r).join(' '));
    if (q) return q;
  }
  return null;
}

function quarterFields(quarter: string | null): Record<string, string> {
  const span = quarter === null ? null : quarterSpan(quarter);
  return span && quarter !== null ? { quarter, ...span } : {};
}
