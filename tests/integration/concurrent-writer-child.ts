/**
 * One CLI writer for concurrent-writers.test.ts, run in its own process: it says "ready", waits for
 * "go" on stdin (so every writer starts together), then runs `j3490 call suppliers:create` COUNT
 * times through the CLI's own entry (runCli: open the data folder, write, close, as each command
 * does) and prints one JSON line with what succeeded and every refusal it met.
 */
import { runCli } from '../../electron/cli';

const [dataDir, prefix, countText] = process.argv.slice(2);

async function main(): Promise<void> {
  const count = Number(countText);
  const refusals: string[] = [];
  let written = 0;
  for (let i = 0; i < count; i++) {
    const out: string[] = [];
    const args = JSON.stringify({ name: `${prefix} ${String(i).padStart(3, '0')}` });
    const code = await runCli(['--data-dir', String(dataDir), 'call', 'suppliers:create', args], {
      out: (t) => out.push(t),
      err: (t) => refusals.push(t),
      readStdin: () => '',
    });
    if (code === 0) written++;
    else refusals.push(out.join('\n'));
  }
  process.stdout.write(`${JSON.stringify({ written, refusals })}\n`);
}

process.stdout.write('ready\n');
process.stdin.once('data', () => {
  process.stdin.pause();
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stdout.write(`${JSON.stringify({ written: -1, refusals: [String(err)] })}\n`);
      process.exit(1);
    },
  );
});
