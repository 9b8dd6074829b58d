import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const CORE = join(__dirname, '..', '..', 'src', 'core');
/** The only packages the pure core may import. */
const ALLOWED_PACKAGES = new Set(['zod', 'big.js']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the core is pure', () => {
  const sources = files(CORE);

  it('has source files', () => {
    expect(sources.length).toBeGreaterThan(15);
  });

  it.each(sources.map((path) => [relative(CORE, path), path]))('%s imports only core modules, zod and big.js', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    const imports = [...text.matchAll(/(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)/g)].map((m) => m[1] ?? m[2] ?? '');
    for (const specifier of imports) {
      if (specifier.startsWith('.')) {
        expect(join(path, '..', specifier).startsWith(CORE)).toBe(true);
      } else {
        expect(ALLOWED_PACKAGES.has(specifier)).toBe(true);
      }
    }
    expect(text).not.toMatch(/\b(Office|Excel|document|window|process)\./);
  });
});
