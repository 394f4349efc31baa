#!/usr/bin/env node
// The `j3490` command. Runs the TypeScript CLI through tsx so it works right after `npm ci`,
// with no build step.
require('tsx/cjs');
require('../electron/cli.ts')
  .runCli(process.argv.slice(2))
  .then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`${err && err.stack ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
