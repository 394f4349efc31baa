#!/usr/bin/env node
// The `j3490` command. Runs the TypeScript CLI through tsx so it works right after `npm ci`,
// with no build step. It exits once its output is written (see electron/cli-exit.ts).
require('tsx/cjs');
const { exitWhenFlushed } = require('../electron/cli-exit.ts');
require('../electron/cli.ts')
  .runCli(process.argv.slice(2))
  .then(exitWhenFlushed, (err) => {
    process.stderr.write(`${err && err.stack ? err.stack : String(err)}\n`);
    exitWhenFlushed(1);
  });
