// `npm start`: the desktop app.
// 1. Build if the bundles are missing or stale.
// 2. Get Electron's own program. `npm ci` skips its download (package.json allowScripts), so the
//    first start fetches it; where that is impossible we say so in one sentence and name
//    `npm run web`.
// 3. The SQLite driver (better-sqlite3-multiple-ciphers: better-sqlite3 with encryption) is
//    compiled for Node (tests, CLI, browser mode). Electron needs a build for its own ABI: we
//    make one once, in .cache/electron-native/sqlite3mc-<electron version>/, without touching the
//    Node build, and pass its path to the main process (J3490_SQLITE_BINDING).
import { spawnSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIsStale } from './build-state.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const WEB_HINT =
  'J3490 Desk could not get Electron’s own program on this machine (it is downloaded from GitHub on first start); run `npm run web` to use the app in your browser instead.';

function run(cmd, args, cwd) {
  return spawnSync(cmd, args, { cwd, stdio: 'inherit', env: process.env }).status === 0;
}

if (buildIsStale(root)) {
  console.log('Building J3490 Desk…');
  if (
    !run(
      process.execPath,
      [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '-c', 'electron.config.ts'],
      root,
    )
  )
    process.exit(1);
}

let electronPath;
try {
  electronPath = require('electron'); // downloads the binary on first use
  if (!existsSync(electronPath)) throw new Error('missing');
} catch {
  console.error(WEB_HINT);
  process.exit(1);
}

const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
// Named for the driver too: a binding of plain better-sqlite3 cached by an older version would not encrypt.
const bindingDir = join(root, '.cache/electron-native', `sqlite3mc-${electronVersion}`);
const binding = join(bindingDir, 'better_sqlite3.node');
if (!existsSync(binding)) {
  console.log(`Preparing the database driver for Electron ${electronVersion} (once)…`);
  const work = join(bindingDir, 'better-sqlite3-multiple-ciphers');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(bindingDir, { recursive: true });
  cpSync(join(root, 'node_modules/better-sqlite3-multiple-ciphers'), work, { recursive: true });
  rmSync(join(work, 'build'), { recursive: true, force: true });
  const prebuilt = run(
    process.execPath,
    [
      require.resolve('prebuild-install/bin.js', {
        paths: [join(root, 'node_modules/better-sqlite3-multiple-ciphers')],
      }),
      '--runtime',
      'electron',
      '--target',
      electronVersion,
    ],
    work,
  );
  const built =
    prebuilt ||
    run(
      process.platform === 'win32' ? 'npx.cmd' : 'npx',
      [
        '--yes',
        'node-gyp',
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${electronVersion}`,
        '--dist-url=https://electronjs.org/headers',
      ],
      work,
    );
  if (!built || !existsSync(join(work, 'build/Release/better_sqlite3.node'))) {
    console.error(`The database driver could not be prepared for Electron ${electronVersion}. ${WEB_HINT}`);
    process.exit(1);
  }
  copyFileSync(join(work, 'build/Release/better_sqlite3.node'), binding);
  rmSync(work, { recursive: true, force: true });
}

const env = { ...process.env, J3490_SQLITE_BINDING: binding };
delete env.ELECTRON_RUN_AS_NODE; // would make Electron behave as plain Node
const child = spawn(electronPath, [root, ...process.argv.slice(2)], { stdio: 'inherit', env });
child.on('exit', (code) => process.exit(code ?? 0));
