/**
 * Browser mode start-up: from launching `npm run web` (already built) to the first page served,
 * median of 5 launches (target ≤ 2 s). Runs `node scripts/web.mjs`, the script `npm run web` runs,
 * so npm's own start-up (~0.3 s) is not included; it is printed separately.
 */
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { figure, median, ms, tempDir } from './bench-util';

async function launchOnce(dataDir: string): Promise<number> {
  const t = process.hrtime.bigint();
  const child = spawn(process.execPath, ['scripts/web.mjs', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`web exited with ${code}: ${out}`)));
    });
    const res = await fetch(url);
    const html = await res.text();
    if (res.status !== 200 || !html.includes('<div id="root">')) throw new Error(`unexpected page: ${res.status}`);
    return ms(t);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function main(): Promise<void> {
  const build = spawnSync(
    process.execPath,
    ['node_modules/electron-vite/bin/electron-vite.js', 'build', '-c', 'electron.config.ts'],
    { stdio: 'ignore' },
  );
  if (build.status !== 0) throw new Error('build failed');
  const dir = tempDir();
  try {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) times.push(await launchOnce(dir));
    figure('browser mode: launch to first page served (median of 5)', `${median(times).toFixed(0)} ms`, '≤ 2000 ms');
    const t = process.hrtime.bigint();
    spawnSync('npm', ['--version'], { stdio: 'ignore' });
    figure('npm launcher overhead (npm --version)', `${ms(t).toFixed(0)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
