#!/usr/bin/env node
// The `indicators` command: runs the TypeScript CLI through tsx, so there is no build step to forget.
require('tsx/cjs/api').register();

// `indicators catalog | head`: the reader went away; stop quietly instead of printing a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error && error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
const { runCli } = require('../src/cli/main.ts');

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`内部错误：${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 70;
  },
);
