/**
 * The `j3490` command: a thin adapter that turns argv into contract calls and prints the Reply's
 * value as JSON. Exit codes: 0 success, 2 bad input or a refusal (the error JSON is printed on
 * stdout), 1 an internal failure. It never holds business logic; `j3490 call CHANNEL JSON`
 * reaches every channel of the contract.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { channels, contract } from '../shared/api/contract';
import { fail, type Reply } from '../shared/api/reply';
import { AppError } from './services/app-error';
import { attachmentCommand } from './cli-attachments';
import { backupCommand, restoreCommand } from './cli-backup';
import { checkCommand, REFERENCE_IMPORT_KINDS, referenceImportCommand } from './cli-reference';
import { reportCommand } from './cli-report';
import { camel, parseArgs } from './cli-args';
import { optionText } from './cli-common';
import { signInFromOptions } from './cli-sign-in';
import { accountsFor } from './services/accounts/account-service';
import { exitWhenFlushed } from './cli-exit';
import { openServices, type Services } from './services/context';
import { onTerminationSignals, signalExitCode } from './services/shutdown';
import { passphraseFrom, PASSPHRASE_FILE_OPTION } from './services/crypto/passphrase-source';
import { defaultDataDir } from './services/data-dir';
import { localDispatcher, type Dispatcher, type Logger } from './services/dispatch';
import { serveCommand } from './cli-serve';
import { connectToServer, SERVER_ENV } from './cli-server';
import { practiceDispatcher } from './host/practice-client';
import { doorLogger } from './services/log/logger';

export type CliIo = { out: (text: string) => void; err: (text: string) => void; readStdin: () => string };

const defaultIo: CliIo = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  readStdin: () => readFileSync(0, 'utf8'),
};

export const HELP = `j3490 — J3490 Desk from the command line. Prints JSON; exit 0 ok, 2 refused, 1 failed.

Usage: j3490 [--data-dir DIR] COMMAND

Commands:
  practice show                         the practice settings
  practice set --name N --address-line1 A [--address-line2 B] --city C --state ST --zip Z
               --phone P --billing-contact B --npi NPI --tin TIN
                                        save settings (given options replace stored ones)
  drugs list [--search TEXT] [--sort genericName|brandName|ndc11|updatedAt] [--desc] [--limit N]
  payers list                           every payer with its type and number of contract versions
  payers show ID|NAME                   one payer, its requirements profile and contract versions
  administrations list [--status S] [--payer ID] [--from D] [--to D] [--ready|--not-ready] [--limit N]
                                        administrations, newest date of service first
  stock [--search TEXT] [--status all|ok|expiring|expired|empty] [--days N] [--include-empty]
                                        lots with stock on hand by expiry; expiring = within N days (60)
  drugs add --ndc NDC --generic-name G [--brand-name B] --strength-amount 20 --strength-unit mg
            --package-size 10 --ndc-unit ML --container single-dose|multi-dose --route IV
  drugs show ID|NDC                     one drug
  drugs delete ID                       remove a drug
  estimate [FILE]                       the expected reimbursement of a scenario (JSON FILE, or stdin);
                                        format and a worked example in README.md
  import fee-schedule|prices|cms-asp|cms-noc FILE [--payer ID|NAME] [--quarter 2025Q3]
         [--map "field=Column[;field=Column...]"] [--accept-errors]
                                        read a CSV, XLSX or CMS zip, then import it in one transaction;
                                        rows with errors refuse the whole file (exit 2, listed) unless
                                        --accept-errors leaves them out. Fee schedules need --payer.
  import era FILE [--preview]           an 835 remittance: every payment, claim and line read, balanced and
                                        matched to the administrations, then posted in one transaction
                                        (--preview writes nothing); the same file twice is refused
  import crosswalk|hcpcs|fda-ndc FILE [FILE2] [--release 2025Q3|YYYY-MM-DD] [--accept-errors]
                                        reference data as CMS and FDA publish it: the ASP NDC-HCPCS
                                        crosswalk, the HCPCS quarterly update, the FDA NDC directory
                                        (ndctext.zip, or product.txt and package.txt); all or nothing
  check NDC --date D [--hcpcs CODE] [--dose "25 mg"]
                                        whether a specific HCPCS code covers the NDC on that date of
                                        service (so J3490 would be wrong), and what is wrong with CODE
  invoices import FILE --supplier ID|NAME [--map "field=Column[;...]"] [--accept-errors]
                                        a distributor's invoice export (CSV or XLSX, one row per
                                        line) as invoices of that supplier, the same way as import
  attachment ID --out FILE [--worksheet FILE] [--no-physician-notes]
                                        the PDF cost attachment of administration ID (its whole claim),
                                        stored as a new version and written to FILE (never over a file)
  attachments --payer ID|NAME --from D --to D --out DIR [--billed] [--merged] [--no-physician-notes]
                                        one attachment per claim of the payer's ready (or --billed)
                                        administrations in the dates, into DIR; progress on stderr,
                                        what was made and skipped (and why) as JSON
  report NAME --format csv|xlsx --out FILE [--from D] [--to D] [--payer ID|NAME] [--status S]
                                        a worklist or report as CSV or XLSX (never over a file). NAME:
                                        variance (every claim line, expected against paid; --status
                                        underpaid|denied|unpaid|... for one list), aging, unmatched,
                                        never-billed, expected-vs-paid, margin-by-drug, margin-by-payer,
                                        volume, days-to-payment
  backup                                a backup of the database and stored files now, into the data
                                        folder's backups/ (prints the folder)
  restore PATH                          replace the data with the backup in PATH after checking it
                                        (integrity, schema, checksums); the data as it was is kept
                                        as a before-restore backup, whose folder is printed
  serve [--listen HOST:PORT] [--tls-cert FILE --tls-key FILE] [--owner NAME]
                                        run this data folder as the practice server: HTTPS on the
                                        practice network (default 0.0.0.0:3490), with the certificate
                                        it made on first start or the one given; prints its address and
                                        SHA-256 fingerprint. Accounts are required: the first start
                                        makes the owner (--owner NAME, password as for --user)
  call CHANNEL [JSON|-]                 any contract channel with JSON arguments (- reads stdin)
  channels                              list the channels
  --help                                this text

Data folder: --data-dir, else $J3490_DATA_DIR, else the desktop app's folder
(${defaultDataDir()}).
Practice server: --server https://HOST:PORT (or $J3490_SERVER) sends every command to the server
instead of a data folder. The first time, add --fingerprint SHA256 as the server printed it: the
certificate the server presents is checked against it and remembered (known-servers.json in the
data folder); a different certificate later is refused (TLS_FINGERPRINT_MISMATCH).
Accounts (once the practice has them): --user NAME signs in before the command, with the password
from --password-file FILE (its first line), else $J3490_PASSWORD.
Encrypted data: --passphrase-file FILE (its first line), else $J3490_PASSPHRASE. Given for a
folder not yet encrypted, it encrypts the folder with that passphrase.`;

const BOOLEAN_FLAGS = new Set([
  'help',
  'desc',
  'include-empty',
  'ready',
  'not-ready',
  'billed',
  'merged',
  'no-physician-notes',
  'preview',
]);

export async function runCli(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const { positionals, options } = parseArgs(argv, BOOLEAN_FLAGS);
  const [command, sub, ...rest] = positionals;
  if (options.has('help') || command === undefined || command === 'help') {
    io.out(HELP);
    return 0;
  }
  if (command === 'channels') {
    io.out(
      JSON.stringify(
        channels.map((c) => ({ channel: c, summary: contract[c].summary })),
        null,
        2,
      ),
    );
    return 0;
  }
  const dataDirOpt = options.get('data-dir');
  if (dataDirOpt === true || dataDirOpt === '') {
    return print(io, fail('ARGUMENT_MISSING', '--data-dir needs a folder, e.g. --data-dir ./practice-data.'));
  }
  const dataDir = resolve(typeof dataDirOpt === 'string' ? dataDirOpt : defaultDataDir());

  const referenceImport = command === 'import' && (REFERENCE_IMPORT_KINDS as readonly string[]).includes(sub ?? '');
  const ownCommand =
    command === 'attachment' ||
    command === 'attachments' ||
    command === 'report' ||
    command === 'check' ||
    command === 'backup' ||
    command === 'restore' ||
    command === 'serve' ||
    referenceImport;
  const request = ownCommand ? { calls: [] } : toRequest(command, sub, rest, options, io);
  if ('error' in request) return print(io, request.error);

  if (command === 'serve') {
    const served = await serveCommand(options, dataDir, io);
    return 'stopped' in served ? 0 : print(io, served);
  }
  const serverOpt = optionText(options, 'server') ?? nonEmpty(process.env[SERVER_ENV]);
  let services: Services | undefined;
  let send: Dispatcher;
  let closeDoor: () => void;
  if (serverOpt !== undefined) {
    const connected = await connectToServer(serverOpt, optionText(options, 'fingerprint'), dataDir);
    if (!connected.ok) return print(io, connected);
    const remote = practiceDispatcher(connected.value);
    send = remote;
    closeDoor = remote.close;
  } else {
    try {
      const passphraseFile = optionText(options, PASSPHRASE_FILE_OPTION);
      const passphrase = passphraseFrom(passphraseFile === undefined ? undefined : resolve(passphraseFile));
      services = openServices({
        dataDir,
        mode: 'cli',
        ...(passphrase !== undefined ? { unlock: { passphrase } } : {}),
      });
    } catch (err) {
      if (err instanceof AppError) return print(io, fail(err.code, err.message));
      throw err;
    }
    const opened = services;
    // The log file gets the reduced error (services/log); the person at the terminal sees the cause.
    const door = doorLogger(opened.ctx.log, 'cli');
    const log: Logger = {
      ...door,
      error: (m, e) => {
        door.error(m, e);
        io.err(`${m}: ${String(e)}`);
      },
    };
    send = localDispatcher(opened.handlers, log);
    closeDoor = () => opened.close();
  }
  // A long command (an import, a backup) stopped with Ctrl+C or kill closes the database first.
  const stopSignals = onTerminationSignals((signal) => {
    closeDoor();
    process.exit(signalExitCode(signal));
  });
  let session: string | undefined;
  try {
    const signedIn = await signInFromOptions(options, (channel, args) => send(channel, args, {}));
    if (!signedIn.ok) return print(io, signedIn);
    session = signedIn.value;
    const caller = session === undefined ? {} : { session };
    if (ownCommand) {
      const call = (channel: string, args: unknown) => send(channel, args, caller);
      if (command === 'report') return print(io, await reportCommand(sub, options, call));
      if (command === 'check') return print(io, await checkCommand(sub, options, call));
      if (command === 'backup' || command === 'restore') {
        if (!services) {
          // On a server the backup is the server's own; a restore replaces every desk's data, so it
          // is done at the server (or by its owner in Settings → Backups), not from a desk's script.
          if (command === 'backup') return print(io, await call('backups:create', {}));
          return print(
            io,
            fail(
              'RESTORE_ON_SERVER',
              'Restore a practice server’s data on the server itself, or in Settings → Backups.',
            ),
          );
        }
        // Backups and restores run on the context itself: they ask the same question a channel would.
        const refused = refusalFor(services, session, command === 'backup' ? 'backups:create' : 'backups:restore');
        if (refused) return print(io, refused);
        if (command === 'backup') return print(io, await backupCommand(services.ctx));
        return print(io, await restoreCommand(services.ctx, sub));
      }
      if (referenceImport) return print(io, await referenceImportCommand(sub as string, rest, options, call, io.err));
      if (command === 'attachment' || command === 'attachments')
        return print(io, await attachmentCommand(command, sub, options, call, io));
    }
    const plan: Plan = 'calls' in request ? request : { calls: Array.isArray(request) ? request : [request] };
    let reply: Reply<unknown> = fail('INTERNAL', 'Nothing was run.');
    const replies: Reply<unknown>[] = [];
    for (const call of plan.calls) {
      const args = typeof call.args === 'function' ? call.args(reply) : call.args;
      if (args instanceof Refuse) {
        replies.push((reply = args.reply));
        break;
      }
      reply = await send(call.channel, args, caller);
      replies.push(reply);
      if (!reply.ok) break;
    }
    return print(io, plan.present ? plan.present(replies) : reply);
  } finally {
    stopSignals();
    closeDoor();
  }
}

const nonEmpty = (text: string | undefined): string | undefined =>
  text !== undefined && text.trim() !== '' ? text.trim() : undefined;

/** FORBIDDEN, NOT_SIGNED_IN or SESSION_EXPIRED when the practice's accounts refuse `channel`, else null. */
function refusalFor(services: Services, session: string | undefined, channel: 'backups:create' | 'backups:restore') {
  try {
    accountsFor(services.ctx).authorize(session, channel);
    return null;
  } catch (err) {
    if (err instanceof AppError) return fail(err.code, err.message);
    throw err;
  }
}

/** Options that choose the door and the person, never a record's fields. */
const DOOR_OPTIONS = new Set(['data-dir', PASSPHRASE_FILE_OPTION, 'server', 'fingerprint', 'user', 'password-file']);

type Call = { channel: string; args: unknown | ((previous: Reply<unknown>) => unknown) };

/** The bytes of a file named on the command line, or the FILE_UNREADABLE reply. */
function fileBytes(file: string): Buffer | { error: Reply<never> } {
  try {
    return readFileSync(file);
  } catch {
    return { error: fail('FILE_UNREADABLE', `Cannot read ${file}.`) };
  }
}
/** What a call's args function returns to stop the plan with this reply, calling nothing. */
class Refuse {
  constructor(readonly reply: Reply<never>) {}
}
/** Several calls in a row, and optionally how to print their replies as one report. */
type Plan = { calls: Call[]; present?: (replies: Reply<unknown>[]) => Reply<unknown> };

function toRequest(
  command: string,
  sub: string | undefined,
  rest: string[],
  options: Map<string, string | true>,
  io: CliIo,
): Call | Call[] | Plan | { error: Reply<never> } {
  const fields = (): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [k, v] of options) if (!DOOR_OPTIONS.has(k) && typeof v === 'string') out[camel(k)] = v;
    return out;
  };
  const key = `${command} ${sub ?? ''}`.trim();
  switch (key) {
    case 'practice show':
      return { channel: 'practice:get', args: {} };
    case 'practice set':
      // Merge the given options over what is stored, so one field can be changed at a time.
      return [
        { channel: 'practice:get', args: {} },
        {
          channel: 'practice:set',
          args: (prev: Reply<unknown>) => ({ ...(prev.ok ? (prev.value ?? {}) : {}), ...fields() }),
        },
      ];
    case 'drugs list': {
      const limit = options.get('limit');
      return {
        channel: 'drugs:list',
        args: {
          search: typeof options.get('search') === 'string' ? options.get('search') : '',
          ...(typeof options.get('sort') === 'string' ? { sortBy: options.get('sort') } : {}),
          sortDir: options.get('desc') ? 'desc' : 'asc',
          ...(typeof limit === 'string' ? { limit: Number(limit) } : {}),
        },
      };
    }
    case 'payers list':
      return { channel: 'payers:list', args: {} };
    case 'administrations list': {
      const text = (name: string): string | undefined => {
        const v = options.get(name);
        return typeof v === 'string' ? v : undefined;
      };
      const bare = ['status', 'from', 'to'].find((name) => options.get(name) === true);
      if (bare)
        return {
          error: fail(
            'ARGUMENT_MISSING',
            `--${bare} needs a value, e.g. --${bare} ${bare === 'status' ? 'ready' : '2025-01-31'}.`,
          ),
        };
      const payer = options.get('payer');
      const limit = options.get('limit');
      if (payer !== undefined && (typeof payer !== 'string' || !/^\d{1,9}$/.test(payer)))
        return { error: fail('ARGUMENT_INVALID', '--payer is a payer id, e.g. --payer 2 (see j3490 payers list).') };
      if (limit !== undefined && (typeof limit !== 'string' || !/^\d{1,3}$/.test(limit)))
        return { error: fail('ARGUMENT_INVALID', '--limit is a number of rows, e.g. --limit 100.') };
      if (options.has('ready') && options.has('not-ready'))
        return { error: fail('ARGUMENT_INVALID', 'Give --ready or --not-ready, not both.') };
      const status = text('status');
      const from = text('from');
      const to = text('to');
      return {
        channel: 'administrations:list',
        args: {
          ...(status !== undefined ? { status } : {}),
          ...(typeof payer === 'string' ? { payerId: Number(payer) } : {}),
          ...(from !== undefined ? { from } : {}),
          ...(to !== undefined ? { to } : {}),
          readiness: options.has('ready') ? 'ready' : options.has('not-ready') ? 'not-ready' : 'all',
          ...(typeof limit === 'string' ? { limit: Number(limit) } : {}),
        },
      };
    }
    case 'stock': {
      const search = options.get('search');
      const status = options.get('status');
      const days = options.get('days');
      if (days !== undefined && (typeof days !== 'string' || !/^\d{1,4}$/.test(days)))
        return { error: fail('ARGUMENT_INVALID', '--days is a whole number of days, e.g. --days 30.') };
      return {
        channel: 'stock:list',
        args: {
          ...(typeof search === 'string' ? { search } : {}),
          ...(typeof status === 'string' ? { status } : {}),
          ...(days !== undefined ? { expiringWithinDays: Number(days) } : {}),
          includeEmpty: options.has('include-empty'),
        },
      };
    }
    case 'payers show': {
      const ref = rest.join(' ').trim();
      if (!ref) return { error: fail('ARGUMENT_MISSING', 'Say which payer: j3490 payers show ID or NAME.') };
      return { channel: 'payers:get', args: /^\d{1,9}$/.test(ref) ? { id: Number(ref) } : { name: ref } };
    }
    case 'drugs add':
      return { channel: 'drugs:create', args: fields() };
    case 'drugs show':
    case 'drugs delete': {
      const ref = rest[0];
      if (!ref) return { error: fail('ARGUMENT_MISSING', `Say which drug: j3490 ${key} ID.`) };
      if (/^\d{1,9}$/.test(ref))
        return { channel: sub === 'show' ? 'drugs:get' : 'drugs:delete', args: { id: Number(ref) } };
      if (sub === 'show') return { channel: 'drugs:get', args: { ndc: ref } };
      return { error: fail('ARGUMENT_INVALID', 'A drug id is a whole number (see `j3490 drugs list`).') };
    }
  }
  if (command === 'estimate') {
    const file = sub;
    let raw: string;
    try {
      raw = file && file !== '-' ? readFileSync(file, 'utf8') : io.readStdin();
    } catch {
      return { error: fail('FILE_UNREADABLE', `Cannot read the scenario file ${file ?? '(stdin)'}.`) };
    }
    try {
      return { channel: 'estimate:scenario', args: JSON.parse(raw) };
    } catch {
      return { error: fail('NOT_JSON', 'The scenario is not valid JSON; see the format in README.md.') };
    }
  }
  if (command === 'import' && sub === 'era') {
    const [file] = rest;
    if (!file) return { error: fail('ARGUMENT_MISSING', 'Say which file: j3490 import era FILE [--preview].') };
    const content = fileBytes(file);
    if (!Buffer.isBuffer(content)) return content;
    return {
      channel: options.get('preview') === true ? 'remittances:preview' : 'remittances:import',
      args: { fileName: file.replace(/^.*[\\/]/, ''), contentBase64: content.toString('base64') },
    };
  }
  // `invoices import FILE` goes the same way as `import KIND FILE`, with kind 'invoices'.
  if (command === 'import' || key === 'invoices import') {
    const kind = command === 'invoices' ? 'invoices' : sub;
    const usage = kind === 'invoices' ? 'j3490 invoices import FILE' : `j3490 import ${sub} FILE`;
    // preview (writes nothing), then commit when no row was refused or --accept-errors says to
    // leave the refused rows out; IMPORT_HAS_ERRORS (exit 2) lists the refused rows otherwise.
    const kinds = ['fee-schedule', 'prices', 'cms-asp', 'cms-noc'];
    const acceptOpt = options.get('accept-errors');
    // `--accept-errors FILE` would hand FILE to the flag: take it back as the file.
    const args = typeof acceptOpt === 'string' && !/^(true|yes|1)$/i.test(acceptOpt) ? [...rest, acceptOpt] : rest;
    const [file, ...pairs] = args;
    if (command === 'import' && (!sub || !kinds.includes(sub)))
      return {
        error: fail(
          'ARGUMENT_INVALID',
          `Say what the file is: j3490 import ${[...kinds, 'era', ...REFERENCE_IMPORT_KINDS].join('|')} FILE.`,
        ),
      };
    if (!file) return { error: fail('ARGUMENT_MISSING', `Say which file: ${usage}.`) };
    const content = fileBytes(file);
    if (!Buffer.isBuffer(content)) return content;
    const map = options.get('map');
    const mapping: Record<string, string> = {};
    for (const pair of [...(typeof map === 'string' ? map.split(';') : []), ...pairs]) {
      const eq = pair.indexOf('=');
      if (eq <= 0) {
        return {
          error: fail(
            'ARGUMENT_INVALID',
            `"${pair}" is not a mapping; write --map "field=Column header[;field=Column]".`,
          ),
        };
      }
      mapping[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
    }
    const payer = options.get('payer');
    const quarter = options.get('quarter');
    const previewArgs = {
      kind,
      fileName: file.replace(/^.*[\\/]/, ''),
      contentBase64: content.toString('base64'),
      ...(Object.keys(mapping).length ? { mapping } : {}),
      ...(typeof quarter === 'string' ? { quarter } : {}),
      ...(typeof payer === 'string' && /^\d{1,9}$/.test(payer) ? { payerId: Number(payer) } : {}),
    };
    const supplier = options.get('supplier');
    if (kind === 'invoices' && (typeof supplier !== 'string' || supplier.trim() === '')) {
      return {
        error: fail('SUPPLIER_REQUIRED', 'Say which supplier sent the invoices: --supplier ID or --supplier NAME.'),
      };
    }
    const supplierRef = kind === 'invoices' && typeof supplier === 'string' ? supplier.trim() : null;
    const byName = typeof payer === 'string' && !/^\d{1,9}$/.test(payer) ? payer : null;
    const calls: Call[] = byName ? [{ channel: 'payers:get', args: { name: byName } }] : [];
    if (supplierRef !== null && !/^\d{1,9}$/.test(supplierRef)) {
      // By name (any case) from the supplier list; an unknown name stops before the file is read.
      calls.push({ channel: 'suppliers:list', args: {} });
      calls.push({
        channel: 'imports:preview',
        args: (prev: Reply<unknown>) => {
          const list = (prev.ok ? prev.value : []) as { id: number; name: string }[];
          const found = list.find((s) => s.name.toLowerCase() === supplierRef.toLowerCase());
          if (!found) {
            return new Refuse(
              fail(
                'SUPPLIER_NOT_FOUND',
                `There is no supplier named "${supplierRef}" (see j3490 call suppliers:list).`,
              ),
            );
          }
          return { ...previewArgs, supplierId: found.id };
        },
      });
    } else {
      calls.push({
        channel: 'imports:preview',
        args: byName
          ? (prev: Reply<unknown>) => ({
              ...previewArgs,
              payerId: (prev.ok && (prev.value as { payer: { id: number } }).payer.id) || undefined,
            })
          : { ...previewArgs, ...(supplierRef !== null ? { supplierId: Number(supplierRef) } : {}) },
      });
    }
    calls.push({
      channel: 'imports:commit',
      args: (prev: Reply<unknown>) => {
        const preview = (prev.ok ? prev.value : {}) as {
          stagedId?: string;
          refusedRows?: number;
          errors?: { row: number; column: string; message: string }[];
        };
        if (acceptOpt !== undefined && preview.refusedRows) {
          io.err(`Leaving out ${preview.refusedRows} refused row(s):`);
          for (const e of preview.errors ?? [])
            io.err(`  row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.message}`);
        }
        return { stagedId: preview.stagedId, acceptRefused: acceptOpt !== undefined };
      },
    });
    return { calls, present: importReport };
  }
  if (command === 'call') {
    if (!sub)
      return { error: fail('ARGUMENT_MISSING', 'Say which channel: j3490 call CHANNEL JSON (see j3490 channels).') };
    const raw = rest[0] === '-' ? io.readStdin() : (rest[0] ?? '{}');
    try {
      return { channel: sub, args: JSON.parse(raw) };
    } catch {
      return { error: fail('NOT_JSON', 'The arguments after the channel must be JSON, e.g. \'{"id": 1}\'.') };
    }
  }
  return { error: fail('UNKNOWN_COMMAND', `Unknown command "${key}". Run j3490 --help.`) };
}

/**
 * The import's JSON report: rows taken and refused, the refused rows' reasons, the import id.
 * A refusal keeps the Reply's error shape (exit 2) with the same counts beside it.
 */
function importReport(replies: Reply<unknown>[]): Reply<unknown> {
  const preview = replies.find((r, i) => i === replies.length - 2 || (r.ok && 'stagedId' in (r.value as object)));
  const last = replies[replies.length - 1];
  if (!last || !preview || !preview.ok || !('stagedId' in (preview.value as object)))
    return last ?? fail('INTERNAL', 'Nothing was run.');
  const p = preview.value as { refusedRows: number; errors: unknown[] };
  if (!last.ok) return { ...last, taken: 0, refused: p.refusedRows, errors: p.errors } as Reply<unknown>;
  const c = last.value as { importId: number; kind: string; fileName: string; taken: number; refused: number };
  return { ok: true, value: { ...c, errors: p.errors } };
}

function print(io: CliIo, reply: Reply<unknown>): number {
  io.out(JSON.stringify(reply.ok ? reply.value : reply, null, 2));
  if (reply.ok) return 0;
  return reply.error.code === 'INTERNAL' ? 1 : 2;
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(exitWhenFlushed, (err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    exitWhenFlushed(1);
  });
}
