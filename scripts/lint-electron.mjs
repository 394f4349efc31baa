/**
 * `npm run lint:electron`: the electronegativity scan of electron/ (issue 15 item 6). The tool
 * itself exits 0 whatever it finds, so this reads its SARIF report and fails on any finding that
 * electronegativity-suppressions.json does not explain (by check and file), and on a suppression
 * that no longer matches a finding (a reviewed reason must not outlive its code).
 * A step of `npm test` (so CI fails on an unexplained finding). The tool first tries to download
 * Electron's release list for its "security fixes available" check; offline (CI here) that one
 * check is skipped and every other is made from the code alone. With a network, a newer Electron
 * carrying security fixes fails the scan, which is what it is for.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const electronVersion = String(pkg.devDependencies.electron).replace(/^[^\d]*/, '');
const suppressions = JSON.parse(readFileSync(join(root, 'electronegativity-suppressions.json'), 'utf8'));

const out = mkdtempSync(join(tmpdir(), 'electronegativity-'));
const report = join(out, 'report.sarif');
const bin = process.env.ELECTRONEGATIVITY_BIN ?? join(root, 'node_modules', '.bin', 'electronegativity');
const run = spawnSync(bin, ['-i', join(root, 'electron'), '-r', '-e', electronVersion, '-o', report, '-v', 'false'], {
  encoding: 'utf8',
  timeout: 120_000,
});
if (run.status !== 0) {
  process.stderr.write(`electronegativity did not run (${run.status ?? run.error}):\n${run.stderr}\n`);
  process.exit(2);
}
const results = JSON.parse(readFileSync(report, 'utf8')).runs[0].results;
rmSync(out, { recursive: true, force: true });

const fileOf = (r) => {
  const uri = r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
  return uri === 'file:///' ? '' : `electron/${uri}`;
};
const explained = (r) => suppressions.find((s) => s.check === r.ruleId && s.file === fileOf(r));
const unexplained = results.filter((r) => !explained(r));
const stale = suppressions.filter((s) => !results.some((r) => s.check === r.ruleId && s.file === fileOf(r)));

for (const r of results.filter(explained)) {
  process.stdout.write(`explained  ${r.ruleId} ${fileOf(r) || '(whole app)'}\n`);
}
for (const r of unexplained) {
  const line = r.locations?.[0]?.physicalLocation?.region?.startLine ?? 0;
  process.stdout.write(`FINDING    ${r.ruleId} ${fileOf(r) || '(whole app)'}:${line} ${r.message.text}\n`);
}
for (const s of stale) process.stdout.write(`STALE      ${s.check} ${s.file}: no such finding any more\n`);
process.stdout.write(`${results.length} findings, ${unexplained.length} unexplained, ${stale.length} stale\n`);
process.exit(unexplained.length + stale.length === 0 ? 0 : 1);
