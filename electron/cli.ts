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
import { camel, parseArgs } from './cli-args';
import { openServices, type Services } from './services/context';
import { defaultDataDir } from './services/data-dir';
import { dispatch } from './services/dispatch';

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
  drugs add --ndc NDC --generic-name G [--brand-name B] --strength-amount 20 --strength-unit mg
            --package-size 10 --ndc-unit ML --container single-dose|multi-dose --route IV
  drugs show ID|NDC                     one drug
  drugs delete ID                       remove a drug
  estimate [FILE]                       the expected reimbursement of a scenario (JSON FILE, or stdin);
                                        format and a worked example in README.md
  call CHANNEL [JSON|-]                 any contract channel with JSON arguments (- reads stdin)
  channels                              list the channels
  --help                                this text

Data folder: --data-dir, else $J3490_DATA_DIR, else the desktop app's folder
(${defaultDataDir()}).`;

const BOOLEAN_FLAGS = new Set(['help', 'desc']);

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

  const request = toRequest(command, sub, rest, options, io);
  if ('error' in request) return print(io, request.error);

  let services: Services;
  try {
    services = openServices({ dataDir, mode: 'cli' });
  } catch (err) {
    if (err instanceof AppError) return print(io, fail(err.code, err.message));
    throw err;
  }
  try {
    const calls = Array.isArray(request) ? request : [request];
    let reply: Reply<unknown> = fail('INTERNAL', 'Nothing was run.');
    for (const call of calls) {
      const args = typeof call.args === 'function' ? call.args(reply) : call.args;
      reply = await dispatch(services.handlers, call.channel, args, { error: (m, e) => io.err(`${m}: ${String(e)}`) });
      if (!reply.ok) break;
    }
    return print(io, reply);
  } finally {
    services.close();
  }
}

type Call = { channel: string; args: unknown | ((previous: Reply<unknown>) => unknown) };

function toRequest(
  command: string,
  sub: string | undefined,
  rest: string[],
  options: Map<string, string | true>,
  io: CliIo,
): Call | Call[] | { error: Reply<never> } {
  const fields = (): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [k, v] of options) if (k !== 'data-dir' && typeof v === 'string') out[camel(k)] = v;
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

function print(io: CliIo, reply: Reply<unknown>): number {
  io.out(JSON.stringify(reply.ok ? reply.value : reply, null, 2));
  if (reply.ok) return 0;
  return reply.error.code === 'INTERNAL' ? 1 : 2;
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`${String(err)}\n`);
      process.exit(1);
    },
  );
}
