import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import officeAddins from 'eslint-plugin-office-addins';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import layers from './scripts/layers.cjs';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/**
 * The import direction of src/ (scripts/layers.cjs): every import, export-from, import() and require of a
 * file in a layer is resolved against the file's place and refused when it points against the direction.
 */
const layersPlugin = {
  rules: {
    'import-direction': {
      meta: { type: 'problem', schema: [], messages: { against: '{{why}} (scripts/layers.cjs)' } },
      create(context) {
        const file = path.relative(ROOT, context.filename).split(path.sep).join('/');
        if (!layers.layerOf(file)) return {};
        const check = (node) => {
          const specifier = node && node.type === 'Literal' && typeof node.value === 'string' ? node.value : undefined;
          if (specifier === undefined || BUILTINS.has(specifier)) return;
          const target = specifier.startsWith('.')
            ? path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier))
            : { package: specifier };
          const why = layers.violation(file, target);
          if (why) context.report({ node, messageId: 'against', data: { why } });
        };
        return {
          ImportDeclaration: (node) => check(node.source),
          ExportNamedDeclaration: (node) => check(node.source),
          ExportAllDeclaration: (node) => check(node.source),
          ImportExpression: (node) => check(node.source),
          CallExpression: (node) => {
            if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node.arguments[0]);
          },
        };
      },
    },
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'node_modules/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // one import direction across the layers of src/ (scripts/layers.cjs); test/architecture proves it can fail
    files: ['src/**/*.{ts,tsx,js,cjs}'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/import-direction': 'error' },
  },
  {
    // Test doubles (the strict fake Excel host, the e2e Excel stand-in) never ship.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/test/**'], message: 'src must not import test code (fakes and stand-ins are not shipped).' }] }],
    },
  },
  {
    // The pure core must not reach for Node, the DOM, Office.js or a database.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'src/core is pure: no Node imports.' },
          { group: ['react', 'react-dom', '@fluentui/*', 'exceljs', 'better-sqlite3', 'pg', 'kysely', 'fastify'], message: 'src/core is pure: adapters live outside src/core.' },
          { group: ['**/test/**'], message: 'src must not import test code.' },
        ],
      }],
      'no-restricted-globals': ['error', 'Office', 'Excel', 'document', 'window', 'process', 'require'],
    },
  },
  {
    // The shared ui and the web app run in a browser; they never touch Office.js (only the task pane does).
    files: ['src/ui/**/*.{ts,tsx}', 'src/apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-globals': ['error', 'process', 'require', 'module', '__dirname', '__filename', 'Buffer', 'global', 'Office', 'Excel', 'OfficeExtension'],
    },
  },
  {
    // The Excel task pane runs in the browser (an Office webview), not in Node.
    files: ['src/apps/taskpane/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-globals': ['error', 'process', 'require', 'module', '__dirname', '__filename', 'Buffer', 'global'],
    },
  },
  {
    // Office.js is reached only through src/apps/taskpane/office-host.ts; components get plain data.
    // Views get storage, fetch and the clock from the services context (src/apps/taskpane/services.tsx), built
    // once in index.tsx, so tests inject them.
    files: ['src/apps/taskpane/**/*.{ts,tsx}'],
    ignores: ['src/apps/taskpane/office-host.ts', 'src/apps/taskpane/index.tsx'],
    rules: {
      'no-restricted-globals': ['error', 'process', 'require', 'module', '__dirname', '__filename', 'Buffer', 'global', 'Office', 'Excel', 'OfficeExtension',
        { name: 'localStorage', message: 'Use services.store (per-user, partitioned storage).' },
        { name: 'sessionStorage', message: 'Use services.store.' },
        { name: 'fetch', message: 'Use services.fetch.' }],
    },
  },
  {
    files: ['src/apps/taskpane/index.tsx'],
    rules: {
      'no-restricted-globals': ['error', 'process', 'require', 'module', '__dirname', '__filename', 'Buffer', 'global', 'Office', 'Excel', 'OfficeExtension'],
    },
  },
  {
    // Office.js batches: load before reading, sync before reading, no sync in a loop, null objects tested
    // with isNullObject (Microsoft's eslint-plugin-office-addins, as errors).
    files: ['src/office-workbook/**/*.ts', 'src/apps/taskpane/office-host.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/no-office-initialize': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
  {
    // The workbook adapter gets its Excel injected (ExcelHost); only src/apps/taskpane/office-host.ts touches the
    // Office.js globals. Types (Excel.Range …) are fine; values (Excel.run, Office.context …) are not.
    files: ['src/office-workbook/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require'],
      'no-restricted-syntax': ['error', {
        selector: "Identifier[name=/^(Excel|Office|OfficeExtension)$/]:not(TSQualifiedName > Identifier, TSTypeReference > Identifier)",
        message: 'src/office-workbook takes an injected ExcelHost: do not use the Excel/Office globals (types are fine).',
      }],
    },
  },
  {
    // Migrations are frozen in time and typed on Kysely<any> (Kysely's advice): no app types in them.
    files: ['src/server/db/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
