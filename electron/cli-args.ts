/**
 * A small argv parser for the CLI: `--name value`, `--name=value`, bare `--flag` (true) and
 * positionals. No dependency; the CLI's grammar is small and its errors are ours to word.
 */
export type ParsedArgs = { positionals: string[]; options: Map<string, string | true> };

export function parseArgs(argv: readonly string[], booleanFlags: ReadonlySet<string>): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq >= 0 ? eq : undefined);
      if (eq >= 0) options.set(name, arg.slice(eq + 1));
      else if (booleanFlags.has(name)) options.set(name, true);
      else {
        const next = argv[i + 1];
        if (next === undefined || next.startsWith('--')) options.set(name, true);
        else {
          options.set(name, next);
          i++;
        }
      }
    } else positionals.push(arg);
  }
  return { positionals, options };
}

/** camelCase key for a kebab-case option: --generic-name → genericName. */
export const camel = (kebab: string): string => kebab.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
