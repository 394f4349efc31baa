/**
 * Reference data on file (issue 13): the imports with their releases, the crosswalk and HCPCS
 * rows of each release, the newest FDA NDC directory, and the lookups the code check makes for one
 * NDC and date (a handful of indexed reads: the check must answer in well under a millisecond).
 *
 * "Current" is the newest release of each kind (by the date it speaks for, then the later import).
 * A release imported again replaces its rows; an FDA directory replaces the previous one's rows
 * (only its count stays listed), since keeping 250,000 packages per release would only grow the file.
 */
import type { Db } from '../db/open';
import type { AuditLog } from './audit-log';
import { estimateStaleness } from './estimate-staleness';
import { fdaDirectory, type FdaPackage } from './fda-directory';
import type { CrosswalkRow, FdaPackageRow, HcpcsRow, ReferenceKind } from '../reference/reference-rows';

export type ReferenceImportRow = {
  id: number;
  kind: ReferenceKind;
  release: string;
  releaseStart: string;
  fileName: string;
  sha256: string;
  rowsTaken: number;
  rowsRefused: number;
  rowsKept: boolean;
  createdAt: string;
  actor: string;
};

export type ImportHeader = {
  kind: ReferenceKind;
  release: string;
  releaseStart: string;
  fileName: string;
  sha256: string;
  rowsTaken: number;
  rowsRefused: number;
};

export type CrosswalkHit = {
  hcpcs: string;
  shortDescription: string;
  hcpcsDosage: string;
  billUnitsPerPackage: string;
  release: string;
  /** The first release on file that lists this NDC with this code. */
  firstListedFrom: string;
  firstListedRelease: string;
};

export type HcpcsHit = {
  hcpcs: string;
  longDescription: string;
  shortDescription: string;
  addedOn: string | null;
  effectiveFrom: string | null;
  terminatedOn: string | null;
  release: string;
};

export type { FdaPackage };

const IMPORT_COLUMNS = `id, kind, release, release_start AS releaseStart, file_name AS fileName, sha256,
  rows_taken AS rowsTaken, rows_refused AS rowsRefused, rows_kept AS rowsKept, created_at AS createdAt, actor`;

export function referenceRepository(db: Db, audit: AuditLog) {
  // A new crosswalk or HCPCS release may give an open administration's drug its own code.
  const staleness = estimateStaleness(db);
  const allImports = db.prepare(
    `SELECT ${IMPORT_COLUMNS} FROM reference_imports ORDER BY kind, release_start DESC, id DESC`,
  );
  const latestOf = db.prepare(
    `SELECT ${IMPORT_COLUMNS} FROM reference_imports WHERE kind = ? AND rows_kept = 1 ORDER BY release_start DESC, id DESC LIMIT 1`,
  );
  const byRelease = db.prepare(`SELECT ${IMPORT_COLUMNS} FROM reference_imports WHERE kind = ? AND release = ?`);
  const bySha = db.prepare(`SELECT ${IMPORT_COLUMNS} FROM reference_imports WHERE kind = ? AND sha256 = ?`);
  const byId = db.prepare(`SELECT ${IMPORT_COLUMNS} FROM reference_imports WHERE id = ?`);
  const deleteImport = db.prepare(`DELETE FROM reference_imports WHERE id = ?`);
  const insertImport = db.prepare(
    `INSERT INTO reference_imports (kind, release, release_start, file_name, sha256, rows_taken, rows_refused, created_at, actor)
     VALUES (@kind, @release, @releaseStart, @fileName, @sha256, @rowsTaken, @rowsRefused, @createdAt, @actor)`,
  );
  const insertCrosswalk = db.prepare(
    `INSERT OR REPLACE INTO reference_crosswalk (import_id, ndc11, hcpcs, short_description, labeler_name, drug_name,
       hcpcs_dosage, package_size, package_quantity, bill_units, bill_units_per_package)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertHcpcs = db.prepare(
    `INSERT OR REPLACE INTO reference_hcpcs (import_id, hcpcs, long_description, short_description, added_on,
       effective_from, terminated_on, action_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const retireFda = db.prepare(`UPDATE reference_imports SET rows_kept = 0 WHERE kind = 'fda-ndc' AND id <> ?`);

  const crosswalkFor = db.prepare(
    `SELECT c.hcpcs, c.short_description AS shortDescription, c.hcpcs_dosage AS hcpcsDosage,
            c.bill_units_per_package AS billUnitsPerPackage, i.release,
            (SELECT min(f.release_start) FROM reference_crosswalk e JOIN reference_imports f ON f.id = e.import_id
              WHERE e.ndc11 = c.ndc11 AND e.hcpcs = c.hcpcs) AS firstListedFrom,
            (SELECT f.release FROM reference_crosswalk e JOIN reference_imports f ON f.id = e.import_id
              WHERE e.ndc11 = c.ndc11 AND e.hcpcs = c.hcpcs ORDER BY f.release_start LIMIT 1) AS firstListedRelease
       FROM reference_crosswalk c JOIN reference_imports i ON i.id = c.import_id
      WHERE c.ndc11 = ? AND c.import_id = ?`,
  );
  const hcpcsIn = db.prepare(
    `SELECT h.hcpcs, h.long_description AS longDescription, h.short_description AS shortDescription,
            h.added_on AS addedOn, h.effective_from AS effectiveFrom, h.terminated_on AS terminatedOn, i.release
       FROM reference_hcpcs h JOIN reference_imports i ON i.id = h.import_id
      WHERE h.hcpcs = ? AND h.import_id = ?`,
  );
  const inCrosswalk = db.prepare(`SELECT 1 FROM reference_crosswalk WHERE import_id = ? AND hcpcs = ? LIMIT 1`);
  const fda = fdaDirectory(db);
  const crosswalkRows = db.prepare(
    `SELECT ndc11, hcpcs, short_description AS shortDescription, drug_name AS drugName, hcpcs_dosage AS hcpcsDosage
       FROM reference_crosswalk WHERE import_id = ? ORDER BY hcpcs, ndc11`,
  );
  const hcpcsRows = db.prepare(
    `SELECT hcpcs, long_description AS longDescription, short_description AS shortDescription, added_on AS addedOn,
            effective_from AS effectiveFrom, terminated_on AS terminatedOn, action_code AS actionCode
       FROM reference_hcpcs WHERE import_id = ? ORDER BY hcpcs`,
  );

  const catalog = db.prepare(
    `SELECT ndc11, generic_name AS genericName, brand_name AS brandName FROM drugs ORDER BY ndc11`,
  );
  const previousOf = db.prepare(
    `SELECT ${IMPORT_COLUMNS} FROM reference_imports WHERE kind = ? AND rows_kept = 1 AND id <> ?
      AND (release_start < ? OR (release_start = ? AND id < ?)) ORDER BY release_start DESC, id DESC LIMIT 1`,
  );

  const generation = db.prepare(`SELECT coalesce(max(id), 0) || ':' || count(*) AS g FROM reference_imports`).pluck();

  const toImport = (r: (Omit<ReferenceImportRow, 'rowsKept'> & { rowsKept: number }) | undefined) =>
    r ? { ...r, rowsKept: r.rowsKept === 1 } : null;

  /** The import row, replacing an earlier import of the same release (its rows go with it). */
  function openImport(header: ImportHeader, at: string, actor: string): number {
    const previous = toImport(byRelease.get(header.kind, header.release) as never);
    if (previous) {
      deleteImport.run(previous.id);
      audit.record(at, actor, 'reference_import', previous.id, 'delete', previous, null);
    }
    const id = Number(insertImport.run({ ...header, createdAt: at, actor }).lastInsertRowid);
    audit.record(at, actor, 'reference_import', id, 'import', previous, { ...header, id });
    return id;
  }

  /** A new import (see openImport), open administrations' estimates marked stale, then each row under it. */
  function commitRows<R>(
    header: ImportHeader,
    at: string,
    actor: string,
    rows: readonly R[],
    insert: (importId: number, row: R) => unknown,
  ): number {
    const id = openImport(header, at, actor);
    staleness.all();
    for (const r of rows) insert(id, r);
    return id;
  }

  return {
    imports: (): ReferenceImportRow[] => (allImports.all() as never[]).map((r) => toImport(r) as ReferenceImportRow),
    importById: (id: number): ReferenceImportRow | null => toImport(byId.get(id) as never),
    latest: (kind: ReferenceKind): ReferenceImportRow | null => toImport(latestOf.get(kind) as never),
    bySha: (kind: ReferenceKind, sha256: string): ReferenceImportRow | null =>
      toImport(bySha.get(kind, sha256) as never),
    byRelease: (kind: ReferenceKind, release: string): ReferenceImportRow | null =>
      toImport(byRelease.get(kind, release) as never),

    commitCrosswalk: db.transaction(
      (header: ImportHeader, rows: readonly CrosswalkRow[], at: string, actor: string): number =>
        commitRows(header, at, actor, rows, (id, r) =>
          insertCrosswalk.run(
            id,
            r.ndc11,
            r.hcpcs,
            r.shortDescription,
            r.labelerName,
            r.drugName,
            r.hcpcsDosage,
            r.packageSize,
            r.packageQuantity,
            r.billUnits,
            r.billUnitsPerPackage,
          ),
        ),
    ),
    commitHcpcs: db.transaction((header: ImportHeader, rows: readonly HcpcsRow[], at: string, actor: string): number =>
      commitRows(header, at, actor, rows, (id, r) =>
        insertHcpcs.run(
          id,
          r.hcpcs,
          r.longDescription,
          r.shortDescription,
          r.addedOn,
          r.effectiveFrom,
          r.terminatedOn,
          r.actionCode,
        ),
      ),
    ),
    commitFda: db.transaction(
      (header: ImportHeader, rows: readonly FdaPackageRow[], at: string, actor: string): number => {
        const id = openImport(header, at, actor);
        fda.replace(rows);
        retireFda.run(id);
        return id;
      },
    ),

    crosswalkFor: (ndc11: string, importId: number): CrosswalkHit[] =>
      crosswalkFor.all(ndc11, importId) as CrosswalkHit[],
    hcpcsIn: (hcpcs: string, importId: number): HcpcsHit | null => (hcpcsIn.get(hcpcs, importId) as HcpcsHit) ?? null,
    inCrosswalk: (hcpcs: string, importId: number): boolean => inCrosswalk.get(importId, hcpcs) !== undefined,
    fdaPackage: fda.byNdc11,
    fdaByNdc10: fda.byNdc10,
    crosswalkRows: (importId: number) =>
      crosswalkRows.all(importId) as Array<
        Pick<CrosswalkRow, 'ndc11' | 'hcpcs' | 'shortDescription' | 'drugName' | 'hcpcsDosage'>
      >,
    hcpcsRows: (importId: number) => hcpcsRows.all(importId) as HcpcsRow[],
    /** The release on file just before this one (what a quarterly summary compares with). */
    previous: (r: ReferenceImportRow): ReferenceImportRow | null =>
      toImport(previousOf.get(r.kind, r.id, r.releaseStart, r.releaseStart, r.id) as never),
    /** Changes whenever an import is added or replaced (by this process or another): caches key on it. */
    generation: (): string => generation.get() as string,
    catalogDrugs: () => catalog.all() as Array<{ ndc11: string; genericName: string; brandName: string }>,
  };
}

export type ReferenceRepository = ReturnType<typeof referenceRepository>;
