import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
    // The pure core must not reach for Node, the DOM, Office.js or a database.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'src/core is pure: no Node imports.' },
          { group: ['react', 'react-dom', '@fluentui/*', 'exceljs', 'better-sqlite3', 'pg', 'kysely', 'fastify'], message: 'src/core is pure: adapters live outside src/core.' },
          { group: ['**/adapters/**', '**/cli/**', '**/server/**', '**/taskpane/**'], message: 'src/core must not import adapters.' },
        ],
      }],
      'no-restricted-globals': ['error', 'Office', 'Excel', 'document', 'window', 'process', 'require'],
    },
  },
  {
    // The Excel task pane runs in the browser (an Office webview), not in Node.
    files: ['src/taskpane/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-globals': ['error', 'process', 'require', 'module', '__dirname', '__filename', 'Buffer', 'global'],
    },
  },
  {
    // Office.js is reached only through src/taskpane/office-host.ts; components get plain data.
    files: ['src/taskpane/**/*.{ts,tsx}'],
    ignores: ['src/taskpane/office-host.ts'],
    rules: {
      'no-restricted-globals': ['error', 'process', 'require', 'module', '__dirname', '__filename', 'Buffer', 'global', 'Office', 'Excel', 'OfficeExtension'],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
