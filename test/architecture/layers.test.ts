import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, posix, relative, sep } from 'node:path';
import { execFileSync } from 'node:child_process';

const ROOT = join(__dirname, '..', '..');

interface Layer {
  readonly name: string;
  readonly paths: readonly string[];
  readonly may: readonly string[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the rule is CommonJS so ESLint's config and this test share it
const layers = require('../../scripts/layers.cjs') as {
  LAYERS: readonly Layer[];
  layerOf(path: string): Layer | undefined;
  violation(from: string, target: string | { package: string }): string | undefined;
};

const BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
const repoPath = (absolute: string) => relative(ROOT, absolute).split(sep).join('/');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(tsx?|cjs|js)$/.test(name) ? [path] : [];
  });
}

/** Every module specifier a file imports (import/export from, import(), require). */
function specifiers(text: string): string[] {
  const found = text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|import\((?:\s*\/\*.*?\*\/)?\s*['"]([^'"]+)['"]\s*\)|require\(['"]([^'"]+)['"]\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g);
  return [...found].map((match) => match[1] ?? match[2] ?? match[3] ?? match[4] ?? '').filter(Boolean);
}

describe('the layers of src/ (scripts/layers.cjs)', () => {
  const files = sources(join(ROOT, 'src'));

  it('every file of src/ is in a layer (new code goes into one)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.map(repoPath).filter((path) => !layers.layerOf(path))).toEqual([]);
    for (const layer of layers.LAYERS) for (const path of layer.paths) expect([path, existsSync(join(ROOT, path))]).toEqual([path, true]);
  });

  it('every import of src/ goes along the direction', () => {
    const against: string[] = [];
    for (const file of files) {
      const from = repoPath(file);
      for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
        if (BUILTINS.has(specifier)) continue;
        const target = specifier.startsWith('.') ? posix.normalize(posix.join(posix.dirname(from), specifier)) : { package: specifier };
        const why = layers.violation(from, target);
        if (why) against.push(`${from} → ${specifier}: ${why}`);
      }
    }
    expect(against).toEqual([]);
  });

  /** One file of a layer, and a module of another that it would import. */
  const sample = (layer: Layer): string => {
    const root = layer.paths[0]!;
    return /\.tsx?$/.test(root) ? root : `${root}/probe.ts`;
  };
  const forbidden = layers.LAYERS.flatMap((from) => layers.LAYERS.filter((to) => to !== from && !from.may.includes(to.name)).map((to) => [from.name, to.name, from, to] as const));

  it('has fences to prove', () => {
    expect(forbidden.length).toBeGreaterThan(40);
  });

  /** Every probe file of the tests below, linted in one ESLint run (outside jest: see lint-probes.mjs). */
  const probes: { code: string; path: string }[] = [];
  const probe = (code: string, path: string) => probes.push({ code, path }) - 1;
  let findings: { ruleId: string | null; message: string }[][] = [];
  const lint = (index: number) => findings[index]!.filter((finding) => finding.ruleId === 'layers/import-direction');
  const importOf = (from: Layer, to: Layer) => {
    const file = sample(from);
    const specifier = posix.relative(posix.dirname(file), to.paths[0]!.replace(/\.tsx?$/, '')) || '.';
    return { file, specifier: specifier.startsWith('.') ? specifier : `./${specifier}` };
  };
  const forbiddenProbes = forbidden.map(([, , from, to]) => {
    const { file, specifier } = importOf(from, to);
    return probe(`import { probe } from '${specifier}';\nexport const used = probe;\n`, file);
  });
  const allowed = layers.LAYERS.flatMap((from) => from.may.map((name) => [from.name, name, from, layers.LAYERS.find((layer) => layer.name === name)!] as const));
  const allowedProbes = allowed.map(([, , from, to]) => {
    const { file, specifier } = importOf(from, to);
    return probe(`import { probe } from '${specifier}';\nexport const used = probe;\n`, file);
  });
  const nonUi = layers.LAYERS.filter((layer) => !['ui', 'task pane', 'web app'].includes(layer.name));
  const uiProbes = nonUi.map((layer) => probe(`import { Button } from '@fluentui/react-components';\nimport { useState } from 'react';\nexport const used = [Button, useState];\n`, sample(layer)));
  const kindsProbe = probe(
    "export { x } from '../server/app';\nexport const lazy = () => import('../client/outbox');\n// eslint-disable-next-line @typescript-eslint/no-require-imports\nexport const old = require('../ui/probe');\n",
    'src/core/probe.ts',
  );
  beforeAll(() => {
    const output = execFileSync(process.execPath, [join(__dirname, 'lint-probes.mjs'), ROOT], { input: JSON.stringify(probes), maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
    findings = JSON.parse(output.toString()) as typeof findings;
  }, 120_000);

  it.each(forbidden.map((row, index) => [...row, index] as const))('%s may not import %s: the rule refuses it, and ESLint reports it', (_from, _to, from, to, index) => {
    const { file, specifier } = importOf(from, to);
    expect(layers.violation(file, posix.normalize(posix.join(posix.dirname(file), specifier)))).toMatch(/must not import/);
    expect(lint(forbiddenProbes[index]!).map((finding) => finding.message)).toEqual([expect.stringContaining(`must not import ${to.name}`)]);
  });

  it.each(allowed.map((row, index) => [...row, index] as const))('%s may import %s: no finding', (_from, _to, _fromLayer, _toLayer, index) => {
    expect(lint(allowedProbes[index]!)).toEqual([]);
  });

  it.each(nonUi.map((layer, index) => [layer.name, index] as const))('%s may not use React or Fluent UI', (_name, index) => {
    expect(lint(uiProbes[index]!)).toHaveLength(2);
  });

  it('the rule sees every kind of import: export-from, import() and require', () => {
    expect(lint(kindsProbe).map((finding) => finding.message)).toEqual([
      expect.stringContaining('must not import server'),
      expect.stringContaining('must not import client'),
      expect.stringContaining('must not import ui'),
    ]);
  });

  it('a file outside src/ (tests, scripts) is not fenced', () => {
    expect(layers.violation('test/server/app.test.ts', 'src/apps/taskpane/App')).toBeUndefined();
    expect(layers.layerOf(dirname('scripts/layers.cjs'))).toBeUndefined();
  });
});
