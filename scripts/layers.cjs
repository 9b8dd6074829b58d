'use strict';
/**
 * The layers of src/ and what each may import: the one import rule of the project, read by ESLint
 * (eslint.config.mjs, rule `layers/import-direction`) and by the architecture test
 * (test/architecture/layers.test.ts). Imports go one way:
 *
 *   core ← contract ← client ← ui ← apps        core ← workbook ← office adapter ← task pane
 *   core ← xlsx adapter ← server ← cli           (the server: core, contract and its adapters only)
 *
 * A folder of src/ that is in no layer is refused by the architecture test: new code goes into a layer.
 */

/** @typedef {{ name: string, paths: string[], may: string[], doc: string }} Layer */

/** @type {Layer[]} */
const LAYERS = [
  { name: 'core', paths: ['src/core'], may: [], doc: 'the pure domain: catalog, parsing, rules, assessment, warnings, templates (no Node, DOM, Office.js or database)' },
  { name: 'contract', paths: ['src/contract'], may: ['core'], doc: 'every wire schema of the API, used by the server and the clients' },
  { name: 'workbook', paths: ['src/workbook'], may: ['core'], doc: 'the host-independent workbook port and its decisions (what to flag, own writes)' },
  { name: 'client', paths: ['src/client'], may: ['core', 'contract', 'workbook'], doc: 'the endpoint client, outbox, storage and runners the front ends share (no React, no Office)' },
  { name: 'ui', paths: ['src/ui'], may: ['core', 'contract', 'client'], doc: 'Fluent UI components the front ends share (receipts, statuses)' },
  { name: 'seed catalog', paths: ['src/seed-catalog.ts'], may: ['core'], doc: 'the catalog shipped in seeds/' },
  { name: 'office adapter', paths: ['src/office-workbook'], may: ['core', 'workbook'], doc: 'the Office.js implementation of the workbook host' },
  { name: 'xlsx adapter', paths: ['src/xlsx'], may: ['core'], doc: 'writing and (bounded) reading of .xlsx templates' },
  { name: 'task pane', paths: ['src/apps/taskpane'], may: ['core', 'contract', 'workbook', 'client', 'ui', 'seed catalog', 'office adapter'], doc: 'the Excel add-in' },
  { name: 'web app', paths: ['src/apps/web'], may: ['core', 'contract', 'client', 'ui', 'seed catalog', 'xlsx adapter'], doc: 'the department portal (its quick check reads .xlsx in the browser: src/xlsx/read-xlsx-browser.ts) and the bureau workspace' },
  { name: 'server', paths: ['src/server'], may: ['core', 'contract', 'seed catalog', 'xlsx adapter'], doc: 'the shared endpoint' },
  { name: 'cli', paths: ['src/cli'], may: ['core', 'contract', 'seed catalog', 'xlsx adapter', 'server'], doc: 'the indicators command' },
];

/** npm packages only the front ends may use: everything else runs without a browser UI. */
const UI_PACKAGES = ['react', 'react-dom', '@fluentui/'];
const UI_LAYERS = new Set(['ui', 'task pane', 'web app']);

/** A repository path without its script extension (imports name modules without one). */
const bare = (path) => path.replace(/\.(tsx?|c?js|mjs)$/, '');

/** The layer a repository path (posix, relative to the repository root) belongs to, or undefined. */
function layerOf(path) {
  const module = bare(path);
  return LAYERS.find((layer) => layer.paths.some((root) => module === bare(root) || module.startsWith(`${bare(root)}/`)));
}

/**
 * Why an import is against the direction, or undefined when it is fine. `from` is the importing file,
 * `target` the imported file (both repository paths) or, for a package, `{ package: name }`.
 */
function violation(from, target) {
  const source = layerOf(from);
  if (!source) return undefined;
  if (typeof target === 'object') {
    const name = target.package;
    if (!UI_LAYERS.has(source.name) && UI_PACKAGES.some((ui) => name === ui || (ui.endsWith('/') && name.startsWith(ui)))) {
      return `${source.name} (${source.paths[0]}) must not import ${name}: only the ui layer and the apps use React and Fluent UI`;
    }
    return undefined;
  }
  const destination = layerOf(target);
  if (!destination || destination === source) return undefined;
  if (source.may.includes(destination.name)) return undefined;
  return `${source.name} (${source.paths[0]}) must not import ${destination.name} (${destination.paths[0]}): it may import ${source.may.length ? source.may.join(', ') : 'nothing of ours'}`;
}

module.exports = { LAYERS, UI_PACKAGES, layerOf, violation };
