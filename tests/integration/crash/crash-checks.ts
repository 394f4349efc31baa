/**
 * What must hold after the `j3490` process was killed (SIGKILL) in the middle of its work, and
 * again after the same command is run once more. Each finding is filed under what it would cost a
 * practice:
 * - corruption: `PRAGMA integrity_check` not ok, or a foreign key pointing nowhere;
 * - partial import: an import neither wholly present nor wholly absent, or, after the re-run,
 *   not present exactly once;
 * - half-written document: a stored file (generated document, 835, invoice scan) missing, of
 *   another size or hash than its row says, a listed document the app cannot read, or a file the
 *   command reported (or left in its output folder, temp files aside) that is not whole;
 * - restart failed: the app does not open the folder, a list call refuses, or the re-run of the
 *   command does not end as it should.
 * Leftover temp files (`.NAME.RANDOM.tmp`, see durable-file.ts) are counted; they are harmless
 * as long as nothing lists them: not the document list, not the batch's report, not the stored
 * files a backup copies (any of these is a half-written document).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { runCli } from '../../../electron/cli';
import { storedFiles } from '../../../electron/services/backup/stored-folders';
import { readContent } from '../../../electron/services/content-file';
import { openServices, type Services } from '../../../electron/services/context';
import { dispatch } from '../../../electron/services/dispatch';
import type { Footprint, Phase, Work } from './crash-work';

export type Findings = {
  corruption: string[];
  partial: string[];
  halfWritten: string[];
  restart: string[];
};

export type RunCheck = Findings & {
  /** Whether the killed run had finished its work (its footprint is the whole run's); null if unknown. */
  complete: boolean | null;
  /** Where the kill fell; null when the folder could not be read. */
  phase: Phase | null;
  leftoverTemps: number;
};

const TEMP = /\.tmp$/;

const sha256Of = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Every file under `dir` (recursively), as full paths. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

const sameFootprint = (a: Footprint, b: Footprint): boolean =>
  Object.keys(b).every((k) => a[k] === b[k]) && Object.keys(a).length === Object.keys(b).length;

const described = (f: Footprint): string =>
  Object.entries(f)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

/**
 * Each stored file a row names: there, whole, and what the row says. Read the way the app reads it
 * (content-file.ts: in clear, or unsealed with the folder's key, and checked against the hash).
 */
function storedFileFindings(services: Services, halfWritten: string[]): void {
  const { db, dataDir, dataKey } = services.ctx;
  const stored: { what: string; folder: string; extension: string; sha256: string; size: number | null }[] = [];
  const rows = (sql: string) => db.prepare(sql).all() as { id: number; sha256: string; size: number }[];
  for (const d of rows(`SELECT id, sha256, byte_size AS size FROM generated_documents`)) {
    stored.push({ what: `document ${d.id}`, folder: 'documents', extension: 'pdf', ...d });
  }
  for (const f of rows(`SELECT id, sha256, byte_size AS size FROM era_files`)) {
    stored.push({ what: `835 file ${f.id}`, folder: 'remittances', extension: '835', ...f });
  }
  const extension: Record<string, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };
  for (const s of db
    .prepare(`SELECT id, scan_sha256 AS sha256, scan_media_type AS type FROM invoices WHERE scan_sha256 IS NOT NULL`)
    .all() as { id: number; sha256: string; type: string }[]) {
    stored.push({
      what: `scan of invoice ${s.id}`,
      folder: 'scans',
      extension: extension[s.type] ?? '?',
      sha256: s.sha256,
      size: null,
    });
  }
  for (const s of stored) {
    const bytes = readContent(join(dataDir, s.folder), s.sha256, s.extension, dataKey);
    if (bytes === 'missing') halfWritten.push(`${s.what}: its file in ${s.folder}/ is missing`);
    else if (bytes === 'damaged') halfWritten.push(`${s.what}: its file's bytes do not match its SHA-256`);
    else if (s.size !== null && bytes.length !== s.size)
      halfWritten.push(`${s.what}: ${bytes.length} bytes stored, ${s.size} in its row`);
  }
  const lineless = db
    .prepare(
      `SELECT id FROM generated_documents d WHERE NOT EXISTS (SELECT 1 FROM generated_document_lines WHERE document_id = d.id)`,
    )
    .pluck()
    .all() as number[];
  for (const id of lineless) halfWritten.push(`document ${id} has no administrations`);
}

/** The app's own doors: a few list calls, and every listed document read back (checked against its hash). */
async function appFindings(services: Services, f: Findings): Promise<void> {
  const call = (channel: string, args: unknown) => dispatch(services.handlers, channel, args);
  for (const [channel, args] of [
    ['invoices:list', {}],
    ['administrations:list', {}],
    ['remittances:files', {}],
    ['home:summary', {}],
  ] as const) {
    const r = await call(channel, args);
    if (!r.ok) f.restart.push(`${channel} refused: ${r.error.code} ${r.error.message}`);
  }
  const listed = await call('documents:list', { limit: 500 });
  if (!listed.ok) {
    f.restart.push(`documents:list refused: ${listed.error.code} ${listed.error.message}`);
    return;
  }
  for (const d of (listed.value as { rows: { id: number; fileName: string }[] }).rows) {
    if (TEMP.test(d.fileName)) f.halfWritten.push(`document ${d.id} is listed under a temp file's name`);
    const read = await call('documents:read', { id: d.id });
    if (!read.ok) f.halfWritten.push(`document ${d.id} is listed but cannot be read: ${read.error.code}`);
  }
}

/** Open the folder as the app does: the database checks, the stored files and (with `doors`) the list calls. */
async function inspect(work: Work, dataDir: string, f: Findings, doors: boolean): Promise<Services | null> {
  let services: Services;
  try {
    services = openServices({ dataDir, mode: 'cli', actor: 'crash-check', unlock: work.unlock });
  } catch (err) {
    f.restart.push(`the data folder does not open: ${String(err)}`);
    return null;
  }
  try {
    const db = services.ctx.db;
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') f.corruption.push(`integrity_check: ${String(integrity)}`);
    const orphans = db.pragma('foreign_key_check') as unknown[];
    if (orphans.length > 0) f.corruption.push(`foreign_key_check: ${JSON.stringify(orphans.slice(0, 3))}`);
    storedFileFindings(services, f.halfWritten);
    if (doors) await appFindings(services, f);
    return services;
  } catch (err) {
    services.close();
    f.restart.push(`checking the folder failed: ${String(err)}`);
    return null;
  }
}

/** Files the batch wrote into its output folder: whole copies of stored documents (temp files aside). */
function outputFindings(services: Services, outDir: string, f: Findings): number {
  const known = new Set(services.ctx.db.prepare(`SELECT sha256 FROM generated_documents`).pluck().all() as string[]);
  let temps = 0;
  for (const path of filesUnder(outDir)) {
    if (TEMP.test(path)) temps++;
    else if (!known.has(sha256Of(path))) f.halfWritten.push(`${path} in the output folder is not a whole document`);
  }
  return temps;
}

/** Run the same command again, in this process, through the CLI's own entry. */
async function rerun(work: Work, dataDir: string, outDir: string): Promise<{ code: number; json: unknown }> {
  const out: string[] = [];
  const code = await runCli(['--data-dir', dataDir, ...work.argv(outDir)], {
    out: (t) => out.push(t),
    err: () => undefined,
    readStdin: () => '',
  });
  let json: unknown = null;
  try {
    json = JSON.parse(out.join('\n'));
  } catch {
    // Left null: reported below as a re-run that printed no answer.
  }
  return { code, json };
}

/** The re-run's report of a batch: every claim made, each file it names whole and no temp file. */
function batchReportFindings(services: Services, json: unknown, claims: number, f: Findings): void {
  const report = json as { state?: string; made?: { documentId: number; file: string | null }[] } | null;
  if (report?.state !== 'done' || report.made?.length !== claims) {
    f.restart.push(
      `the re-run of the batch ended ${report?.state ?? 'without a report'} with ${report?.made?.length ?? 0} of ${claims} claims made`,
    );
    return;
  }
  const shaOf = services.ctx.db.prepare(`SELECT sha256 FROM generated_documents WHERE id = ?`).pluck();
  for (const m of report.made) {
    if (m.file === null || TEMP.test(m.file))
      f.halfWritten.push(`the re-run reported document ${m.documentId} as ${String(m.file)}`);
    else if (!existsSync(m.file) || sha256Of(m.file) !== shaOf.get(m.documentId))
      f.halfWritten.push(`the re-run reported ${m.file}, which is not document ${m.documentId} whole`);
  }
}

/**
 * All the checks of one killed run: the folder as the kill left it (compared with `before` and
 * `after`, the footprints of the template and of a whole run), then the re-run and the folder after it.
 */
export async function checkKilledRun(
  work: Work,
  dataDir: string,
  outDir: string,
  expected: { before: Footprint; after: Footprint; claims: number },
): Promise<RunCheck> {
  const result: RunCheck = {
    corruption: [],
    partial: [],
    halfWritten: [],
    restart: [],
    complete: null,
    phase: null,
    leftoverTemps: 0,
  };
  const temps = filesUnder(dataDir).filter((p) => TEMP.test(p));
  result.leftoverTemps = temps.length;
  // What lists the stored files (backups, sealing an encrypted folder) must pass a temp file by.
  for (const temp of temps) {
    if (storedFiles(dirname(temp)).includes(basename(temp)))
      result.halfWritten.push(`${temp} is listed as a stored file`);
  }

  const opened = await inspect(work, dataDir, result, true);
  if (!opened) return result;
  try {
    const footprint = work.footprint(opened.ctx.db);
    if (sameFootprint(footprint, expected.after)) result.complete = true;
    else if (sameFootprint(footprint, expected.before)) result.complete = false;
    else if (work.atomic) {
      result.partial.push(
        `after the kill: ${described(footprint)}; neither none (${described(expected.before)}) nor all (${described(expected.after)})`,
      );
    } else {
      result.complete = false;
      const over = Object.keys(footprint).filter((k) => (footprint[k] ?? 0) > (expected.after[k] ?? 0));
      if (over.length > 0) result.partial.push(`after the kill: ${described(footprint)}, more than a whole run's`);
    }
    result.phase = result.complete ? 'after the write' : work.phaseBeforeDone(dataDir, footprint);
    result.leftoverTemps += outputFindings(opened, outDir, result);
  } finally {
    opened.close();
  }

  let again: { code: number; json: unknown };
  try {
    again = await rerun(work, dataDir, outDir);
  } catch (err) {
    result.restart.push(`the re-run threw: ${String(err)}`);
    return result;
  }
  if (result.complete !== null && again.code !== work.rerunCode(result.complete)) {
    result.restart.push(
      `the re-run exited ${again.code}, expected ${work.rerunCode(result.complete)}: ${JSON.stringify(again.json).slice(0, 300)}`,
    );
  }

  // The app's doors were tried after the kill; after the re-run, the data is what is checked.
  const reopened = await inspect(work, dataDir, result, false);
  if (!reopened) return result;
  try {
    const footprint = work.footprint(reopened.ctx.db);
    if (!sameFootprint(footprint, expected.after)) {
      result.partial.push(`after the re-run: ${described(footprint)}; a whole run leaves ${described(expected.after)}`);
    }
    if (!work.atomic) {
      batchReportFindings(reopened, again.json, expected.claims, result);
      outputFindings(reopened, outDir, result);
    }
  } finally {
    reopened.close();
  }
  return result;
}

/** The footprint of a folder, opened and closed again. */
export function footprintOf(work: Work, dataDir: string): Footprint {
  const services = openServices({ dataDir, mode: 'cli', actor: 'crash-check', unlock: work.unlock });
  try {
    return work.footprint(services.ctx.db);
  } finally {
    services.close();
  }
}
