/**
 * Importing reference data (issue 13 item 1), with the price files' rules: a preview reads the
 * whole file and writes nothing (rows, refusals with line, column and reason, what the release
 * changes against the newest on file); the commit writes everything of one release in one
 * transaction or nothing, and refuses rows with errors unless the person accepted leaving them out.
 *
 * Previews wait in this process's memory (an FDA directory is ≈ 250,000 rows, so at most two are
 * kept, each for five idle minutes); a restart forgets them and the person previews again.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { ImportRowError } from '../../../shared/api/import-schemas';
import type { ReferencePreview, ReferenceImportView } from '../../../shared/api/reference-channels';
import { quarterSpan } from '../../../shared/domain/drug-price';
import { formatNdc542 } from '../../../shared/domain/ndc';
import { AppError } from '../app-error';
import type { ServiceContext } from '../context';
import { ReadError } from '../imports/table';
import type { AuditLog } from '../repositories/audit-log';
import { referenceRepository, type ImportHeader, type ReferenceImportRow } from '../repositories/reference-repository';
import { readCrosswalk } from './crosswalk-reader';
import { readFdaNdc } from './fda-ndc-reader';
import { readHcpcs } from './hcpcs-reader';
import type { CrosswalkRow, FdaPackageRow, HcpcsRow, ReferenceKind, ReferenceRead } from './reference-rows';
import { releaseChanges } from './release-changes';
import { localDay } from '../../../shared/domain/local-time';

const ERRORS_SHOWN = 500;
const SAMPLE_ROWS = 20;
const STAGED_IDLE_MS = 5 * 60 * 1000;
const MAX_STAGED = 2;

type Staged =
  | { kind: 'crosswalk'; header: ImportHeader; rows: CrosswalkRow[]; errors: ImportRowError[] }
  | { kind: 'hcpcs'; header: ImportHeader; rows: HcpcsRow[]; errors: ImportRowError[] }
  | { kind: 'fda-ndc'; header: ImportHeader; rows: FdaPackageRow[]; errors: ImportRowError[] };

type Entry = { staged: Staged; databaseFile: string; lastUsed: number };
const store = new Map<string, Entry>();

export const KIND_TITLES: Record<ReferenceKind, string> = {
  crosswalk: 'CMS NDC-HCPCS crosswalk',
  hcpcs: 'HCPCS quarterly update',
  'fda-ndc': 'FDA NDC directory',
};

export function referenceImportService(ctx: ServiceContext, audit: AuditLog) {
  const repo = referenceRepository(ctx.db, audit);
  const nowMs = (): number => Date.parse(ctx.now());

  async function read(
    kind: ReferenceKind,
    files: { fileName: string; bytes: Buffer }[],
  ): Promise<ReferenceRead<CrosswalkRow | HcpcsRow | FdaPackageRow>> {
    const first = files[0] as { fileName: string; bytes: Buffer };
    if (kind !== 'fda-ndc' && files.length > 1) {
      throw new AppError(
        'REFERENCE_ONE_FILE',
        `A ${KIND_TITLES[kind]} is one file (or the zip CMS publishes); choose one.`,
      );
    }
    try {
      if (kind === 'crosswalk') return await readCrosswalk(first.bytes, first.fileName);
      if (kind === 'hcpcs') return await readHcpcs(first.bytes, first.fileName);
      return await readFdaNdc(files);
    } catch (err) {
      if (err instanceof ReadError)
        throw new AppError(err.code === 'FILE_EMPTY' ? 'FILE_UNREADABLE' : err.code, err.message);
      throw err;
    }
  }

  async function preview(args: {
    kind: ReferenceKind;
    files: { fileName: string; contentBase64: string }[];
    release?: string | undefined;
  }): Promise<ReferencePreview> {
    const files = args.files.map((f) => ({
      fileName: f.fileName,
      bytes: Buffer.from(f.contentBase64.replace(/^data:[^,]*;base64,/, ''), 'base64'),
    }));
    const hash = createHash('sha256');
    for (const f of files) hash.update(f.bytes);
    const sha256 = hash.digest('hex');
    const fileName = files.map((f) => f.fileName).join(' + ');

    const same = repo.bySha(args.kind, sha256);
    if (same) {
      throw new AppError(
        'REFERENCE_DUPLICATE',
        `${fileName} was already imported on ${localDay(same.createdAt)} as the ${KIND_TITLES[args.kind]} ${same.release}; nothing to do.`,
      );
    }
    const result = await read(args.kind, files);
    const release = args.release ?? result.release ?? (args.kind === 'fda-ndc' ? ctx.today() : null);
    if (release === null) {
      throw new AppError(
        'RELEASE_REQUIRED',
        `Say which quarter this ${KIND_TITLES[args.kind]} is for (e.g. 2025Q3): neither the file's name nor its title rows say.`,
      );
    }
    const releaseStart = startOf(release);
    const header: ImportHeader = {
      kind: args.kind,
      release,
      releaseStart,
      fileName,
      sha256,
      rowsTaken: result.rows.length,
      rowsRefused: result.errors.length,
    };
    const staged = { kind: args.kind, header, rows: result.rows, errors: result.errors } as Staged;
    const stagedId = stageIt(staged);
    const previous = repo.byRelease(args.kind, release);
    return {
      stagedId,
      kind: args.kind,
      source: result.source,
      release,
      totalRows: result.totalRows,
      validRows: result.rows.length,
      refusedRows: result.errors.length,
      sample: result.rows.slice(0, SAMPLE_ROWS).map((r) => sampleOf(args.kind, r)),
      errors: result.errors.slice(0, ERRORS_SHOWN),
      replaces: previous ? { importedAt: previous.createdAt, fileName: previous.fileName } : null,
      changes: releaseChanges(repo, staged),
    };
  }

  function commit(args: { stagedId: string; acceptRefused: boolean }): ReferenceImportView {
    const entry = store.get(args.stagedId);
    if (!entry || entry.databaseFile !== ctx.databaseFile || nowMs() - entry.lastUsed > STAGED_IDLE_MS) {
      store.delete(args.stagedId);
      throw new AppError(
        'IMPORT_NOT_FOUND',
        'This preview is no longer available (it expired, was already imported, or the app restarted); preview the file again.',
      );
    }
    const { staged } = entry;
    const refused = staged.errors.length;
    if (refused > 0 && !args.acceptRefused) {
      throw new AppError(
        'IMPORT_HAS_ERRORS',
        `${refused} of ${refused + staged.rows.length} rows have errors, so nothing was imported. Correct the file, or import the other ${staged.rows.length} rows and leave these out.`,
      );
    }
    if (staged.rows.length === 0) {
      store.delete(args.stagedId);
      throw new AppError(
        'NOTHING_TO_IMPORT',
        `Nothing in ${staged.header.fileName} can be imported: every row was refused.`,
      );
    }
    const at = ctx.now();
    const id =
      staged.kind === 'crosswalk'
        ? repo.commitCrosswalk(staged.header, staged.rows, at, ctx.actor)
        : staged.kind === 'hcpcs'
          ? repo.commitHcpcs(staged.header, staged.rows, at, ctx.actor)
          : repo.commitFda(staged.header, staged.rows, at, ctx.actor);
    store.delete(args.stagedId);
    return view(repo.importById(id) as ReferenceImportRow, true);
  }

  function imports(): ReferenceImportView[] {
    const current = new Set<number>();
    for (const kind of ['crosswalk', 'hcpcs', 'fda-ndc'] as const) {
      const latest = repo.latest(kind);
      if (latest) current.add(latest.id);
    }
    return repo.imports().map((r) => view(r, current.has(r.id)));
  }

  function stageIt(staged: Staged): string {
    const now = nowMs();
    for (const [id, e] of store) if (now - e.lastUsed > STAGED_IDLE_MS) store.delete(id);
    while (store.size >= MAX_STAGED) store.delete(store.keys().next().value as string);
    const id = randomUUID();
    store.set(id, { staged, databaseFile: ctx.databaseFile, lastUsed: now });
    return id;
  }

  return { preview, commit, imports };
}

function view(r: ReferenceImportRow, current: boolean): ReferenceImportView {
  return {
    id: r.id,
    kind: r.kind,
    release: r.release,
    releaseStart: r.releaseStart,
    fileName: r.fileName,
    rowsTaken: r.rowsTaken,
    rowsRefused: r.rowsRefused,
    rowsKept: r.rowsKept,
    current,
    createdAt: r.createdAt,
    actor: r.actor,
  };
}

/** A quarter's first day, or the date itself. */
function startOf(release: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(release)) return release;
  const span = quarterSpan(release);
  if (!span) throw new AppError('RELEASE_INVALID', `"${release}" is not a quarter (2025Q3) or a date (2025-06-30).`);
  return span.effectiveFrom;
}

/** The first rows as a person reads them (column labels, not field names). */
function sampleOf(kind: ReferenceKind, r: CrosswalkRow | HcpcsRow | FdaPackageRow): Record<string, string> {
  if (kind === 'crosswalk') {
    const c = r as CrosswalkRow;
    return {
      NDC: formatNdc542(c.ndc11),
      'HCPCS code': c.hcpcs,
      Description: c.shortDescription,
      'Drug name': c.drugName,
      'HCPCS dosage': c.hcpcsDosage,
      'Billing units per package': c.billUnitsPerPackage,
    };
  }
  if (kind === 'hcpcs') {
    const h = r as HcpcsRow;
    return {
      'HCPCS code': h.hcpcs,
      Description: h.longDescription || h.shortDescription,
      Added: h.addedOn ?? '',
      Effective: h.effectiveFrom ?? '',
      Ended: h.terminatedOn ?? '',
      Action: h.actionCode,
    };
  }
  const f = r as FdaPackageRow;
  return {
    NDC: formatNdc542(f.ndc11),
    'As printed': f.packageCode,
    Name: f.proprietaryName,
    'Generic name': f.nonproprietaryName,
    Labeler: f.labelerName,
    Form: f.dosageForm,
    Route: f.route,
    Package: f.packageDescription,
  };
}
