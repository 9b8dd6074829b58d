#!/usr/bin/env node
// The `indicators` command: runs the TypeScript CLI through tsx, so there is no build step to forget.
require('tsx/cjs/api').register();
const { runCli } = require('../src/cli/main.ts');

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`内部错误：${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 70;
  },
);
