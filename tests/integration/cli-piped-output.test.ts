/**
 * The real `j3490` bin writing a large answer into a pipe whose reader is slower than it: every
 * byte arrives and the exit code is the CLI's. (It used to exit right after the write, so a
 * pipe received 64 or 128 KiB of a 1.3 MB answer, with exit 0.)
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runCliIn, seedDataDir } from './cli-run';
import { makeTempDir, removeTempDir } from './temp-dir';

const repoRoot = resolve(__dirname, '../..');

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

/** Reads stdin in small bites with a pause after each, then prints how many bytes it got. */
const SLOW_READER = `
let bytes = 0;
process.stdin.on('data', (chunk) => {
  bytes += chunk.length;
  process.stdin.pause();
  setTimeout(() => process.stdin.resume(), 3);
});
process.stdin.on('end', () => process.stdout.write(String(bytes)));
`;

/** `node bin/j3490.cjs ARGS | node -e SLOW_READER` in a shell: what the reader counted, and the bin's exit code. */
function pipeThroughSlowReader(args: string[]): Promise<{ received: number; exitCode: number; stderr: string }> {
  const codeFile = join(dir, 'exit-code');
  const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const script = `{ "$NODE" bin/j3490.cjs ${quoted}; echo $? > "$CODE_FILE"; } | "$NODE" -e "$READER"`;
  return new Promise((done, fail) => {
    const sh = spawn('sh', ['-c', script], {
      cwd: repoRoot,
      env: { ...process.env, NODE: process.execPath, CODE_FILE: codeFile, READER: SLOW_READER },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let stderr = '';
    sh.stdout.on('data', (c: Buffer) => (out += c.toString()));
    sh.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    sh.on('error', fail);
    sh.on('close', () =>
      done({ received: Number(out), exitCode: Number(readFileSync(codeFile, 'utf8').trim()), stderr }),
    );
  });
}

it('writes a 1.4 MB answer whole into a slow pipe, then exits 0', async () => {
  seedDataDir(dir, ['00002759701'], () => undefined);
  const call = async (channel: string, args: unknown) => {
    const r = await runCliIn(dir, ['call', channel, '-'], JSON.stringify(args));
    expect(r.code).toBe(0);
    return r.json;
  };
  await call('suppliers:create', { name: 'McKesson' });
  await call('invoices:create', {
    supplierId: 1,
    invoiceNumber: 'INV-1',
    invoiceDate: '2025-02-20',
    lines: [
      {
        ndc: '00002-7597-01',
        lotNumber: 'LOT1',
        expiryDate: '2026-06-30',
        packageQuantity: '1',
        costPerPackage: '10.00',
      },
    ],
  });
  // A 1 MB "scan": a PNG signature and then bytes; its answer is 1.4 MB of base64.
  const scan = Buffer.alloc(1024 * 1024, 0x41);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(scan);
  await call('invoices:attachScan', { invoiceId: 1, fileName: 'scan.png', contentBase64: scan.toString('base64') });

  const expected = await runCliIn(dir, ['call', 'invoices:scan', '{"invoiceId":1}']);
  const expectedBytes = Buffer.byteLength(`${JSON.stringify(expected.json, null, 2)}\n`);
  expect(expectedBytes).toBeGreaterThan(1_300_000);

  const piped = await pipeThroughSlowReader(['--data-dir', dir, 'call', 'invoices:scan', '{"invoiceId":1}']);
  expect(piped.stderr).toBe('');
  expect(piped.received).toBe(expectedBytes);
  expect(piped.exitCode).toBe(0);
}, 60_000);
