/** Running the `j3490` command in-process on a data folder, with stdout parsed as its JSON and stderr kept. */
import { runCli } from '../../electron/cli';

export async function runCliIn(dir: string, argv: readonly string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--data-dir', dir, ...argv], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readStdin: () => stdin,
  });
  return { code, json: JSON.parse(out.join('\n')) as Record<string, unknown>, err };
}
