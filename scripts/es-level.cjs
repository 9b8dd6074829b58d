/**
 * The ECMAScript levels the front ends are held to, and the check (es-check, run as its command line).
 *
 * - GUARD_ES_LEVEL: src/apps/taskpane/unsupported-browser.js, the first script of both pages, must parse on
 *   Internet Explorer 11 (Office 2016/2019's webview) to tell those users what to use instead: ES5.
 * - BUNDLE_ES_LEVEL: the built bundles. Our code goes through SWC to ES2017 (webpack.config.js), but React 19
 *   and Fluent UI v9 are shipped as their packages publish them, which needs ES2022 (es-check finds ES2021
 *   syntax errors in them). This is the level README.md's supported hosts are stated for.
 *
 * Used by webpack.config.js (every production build fails above the level) and test/build/syntax-level.test.ts.
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const GUARD_ES_LEVEL = 'es5';
const BUNDLE_ES_LEVEL = 'es2022';
// the package exports only its API; its command line is lib/cli/index.js beside lib/index.js
const ES_CHECK = path.join(path.dirname(require.resolve('es-check')), 'cli', 'index.js');

/**
 * Parses `files` at `level` with es-check; `{ ok, output }` (its report, naming each failing file and place).
 * Checks syntax only (no --checkFeatures): what a webview cannot parse leaves a blank page, while a missing
 * built-in fails where it is used.
 */
function checkEsLevel(level, files) {
  if (files.length === 0) return { ok: false, output: `es-check ${level}: no files to check` };
  const run = spawnSync(process.execPath, [ES_CHECK, level, ...files, '--noColor'], { encoding: 'utf8' });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`.trim();
  return { ok: run.status === 0, output: run.error ? String(run.error) : output };
}

module.exports = { GUARD_ES_LEVEL, BUNDLE_ES_LEVEL, checkEsLevel };
