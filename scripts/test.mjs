// `npm test`: every check, in order, each run even if an earlier one failed, then one closing
// line `N passed, N failed` counting every test of every suite (lint and type-check count as one
// check each). Exit code 1 if anything failed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser, systemProbes } from './find-browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, '.cache/test');
mkdirSync(cache, { recursive: true });
const bin = (name) => join(root, 'node_modules/.bin', name);
const only = process.argv[2]; // optional: lint | typecheck | unit | e2e

let passed = 0;
let failed = 0;
const summary = [];

function step(name, cmd, args, env = {}) {
  if (only && only !== name) return null;
  console.log(`\n── ${name}: ${[cmd.replace(root + '/', ''), ...args].join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: r.status === 0, seconds };
}

/** `step` for a list of checks, two at a time; results in the list's order. */
async function inPairs(checks) {
  const results = new Array(checks.length);
  let next = 0;
  const lane = async () => {
    while (next < checks.length) {
      const i = next++;
      const [name, , cmd, args] = checks[i];
      results[i] = [name, await quietStep(name, cmd, args)];
    }
  };
  await Promise.all([lane(), lane()]);
  return results;
}

/** One check run with its output kept, then printed in one piece with its heading. */
function quietStep(name, cmd, args) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: process.env });
    const output = [];
    child.stdout.on('data', (c) => output.push(c));
    child.stderr.on('data', (c) => output.push(c));
    let settled = false;
    // A program that cannot start gives 'error' and then 'close': report it once.
    const done = (ok) => {
      if (settled) return;
      settled = true;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`\n── ${name}: ${[cmd.replace(root + '/', ''), ...args].join(' ')}`);
      process.stdout.write(Buffer.concat(output));
      resolve({ ok, seconds });
    };
    child.on('error', () => done(false));
    child.on('close', (code) => done(code === 0));
  });
}

function check(name, result) {
  if (!result) return;
  if (result.ok) passed++;
  else failed++;
  summary.push(`${name}: ${result.ok ? 'passed' : 'FAILED'} (${result.seconds} s)`);
}

// The static checks read files and share nothing: run two at a time (the machines have 2 cores),
// each one's output printed whole when it ends, so the log reads as if they had run in turn.
const staticChecks = [
  ['lint', 'lint', bin('eslint'), ['.', '--max-warnings', '0']],
  ['format', 'lint', bin('prettier'), ['--check', '.', '--log-level', 'warn']],
  ['electron security scan', 'lint', process.execPath, [join(root, 'scripts/lint-electron.mjs')]],
  ['typecheck node', 'typecheck', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit']],
  ['typecheck web', 'typecheck', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit']],
].filter(([, group]) => !only || only === group);
for (const [name, result] of await inPairs(staticChecks)) check(name, result);

const vitestJson = join(cache, 'vitest.json');
rmSync(vitestJson, { force: true });
const unit = step('unit', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
if (unit) {
  if (existsSync(vitestJson)) {
    const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.numFailedTestSuites ?? 0);
    summary.push(
      `unit + integration: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numFailedTestSuites ?? 0} suites failed to load (${unit.seconds} s)`,
    );
  } else {
    failed++;
    summary.push('unit + integration: vitest produced no report');
  }
}

if (!only || only === 'e2e') {
  // The browser first: found, or provisioned (scripts/find-browser.mjs); without one the stage
  // stops with what to install, counted as a failure.
  console.log('\n── e2e: finding Chromium');
  const browser = findBrowser(systemProbes(root));
  if (!browser.path) {
    console.log(browser.advice);
    failed++;
    summary.push(`end to end: not run. ${browser.advice}`);
  } else {
    console.log(`Chromium: ${browser.path} (${browser.source})`);
    const build = step('e2e', process.execPath, [
      join(root, 'node_modules/electron-vite/bin/electron-vite.js'),
      'build',
      '-c',
      'electron.config.ts',
    ]);
    check('build (main, preload, renderer)', build);
    const pwJson = join(cache, 'playwright.json');
    rmSync(pwJson, { force: true });
    const e2e = step('e2e', bin('playwright'), ['test', '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
      CHROMIUM_PATH: browser.path,
    });
    if (e2e) {
      if (existsSync(pwJson)) {
        const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats;
        passed += s.expected + s.flaky;
        failed += s.unexpected;
        summary.push(
          `end to end: ${s.expected + s.flaky} passed, ${s.unexpected} failed, ${s.skipped} skipped (${e2e.seconds} s)`,
        );
      } else {
        failed++;
        summary.push('end to end: playwright produced no report');
      }
    }
  }
}

console.log(`\n── summary\n${summary.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
