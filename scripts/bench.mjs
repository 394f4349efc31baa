// `npm run bench`: runs every tests/bench/*.bench.ts with tsx, one after another (so figures are
// not disturbed by each other), each printing its figures one per line. Not a test: no pass/fail.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'tests/bench');
const filter = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();
let status = 0;
for (const f of files) {
  console.log(`\n# ${f}`);
  const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', '--expose-gc', join(dir, f)], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) status = 1;
}
process.exit(status);
