import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BaseUrlError, DEVELOPMENT_ORIGIN, parseArgs, rewriteManifestBase, validateManifest } from '../../scripts/validate-manifest';

const ROOT = join(__dirname, '..', '..');
const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const assetsDir = join(ROOT, 'assets');

/** Every URL-valued attribute and AppDomain of the manifest, outside comments. */
function urls(xml: string): string[] {
  const body = xml.replace(/<!--[\s\S]*?-->/g, '');
  return [
    ...[...body.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]*)"/g)].map((m) => m[1] ?? ''),
    ...[...body.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1] ?? ''),
  ];
}

describe('rewriteManifestBase', () => {
  it('points every URL at the deployment origin and leaves the rest of the manifest as it was', () => {
    const rewritten = rewriteManifestBase(manifest, 'https://monitor.example.gov.cn');
    const before = urls(manifest);
    expect(before.length).toBeGreaterThanOrEqual(15); // icons, support page, task pane, ribbon resources, AppDomain
    expect(before.every((url) => url.startsWith(DEVELOPMENT_ORIGIN))).toBe(true);
    expect(urls(rewritten)).toEqual(before.map((url) => url.replace(DEVELOPMENT_ORIGIN, 'https://monitor.example.gov.cn')));
    expect(rewritten.replace(/<!--[\s\S]*?-->/g, '')).not.toContain('localhost');
    // nothing else changed: undo the URL change and get the original back
    expect(rewritten.replaceAll('https://monitor.example.gov.cn', DEVELOPMENT_ORIGIN)).toBe(manifest);
    expect(validateManifest(rewritten, { assetsDir })).toEqual([]);
  });

  it('accepts a path and a port; <AppDomain> gets the origin only', () => {
    const rewritten = rewriteManifestBase(manifest, 'https://gov.example.cn:8443/tianbao/');
    expect(rewritten).toContain('<SourceLocation DefaultValue="https://gov.example.cn:8443/tianbao/taskpane.html" />');
    expect(rewritten).toContain('<bt:Image id="Icon.80" DefaultValue="https://gov.example.cn:8443/tianbao/assets/icon-80.png" />');
    expect(rewritten).toContain('<AppDomain>https://gov.example.cn:8443</AppDomain>');
    expect(validateManifest(rewritten, { assetsDir })).toEqual([]);
  });

  it('refuses what Office could not load or what is not a base URL', () => {
    for (const base of ['http://monitor.example.gov.cn', 'monitor.example.gov.cn', 'https://x.cn/?a=1', 'https://x.cn/#top', 'https://user:pw@x.cn']) {
      expect(() => rewriteManifestBase(manifest, base)).toThrow(BaseUrlError);
    }
  });
});

describe('parseArgs', () => {
  it('defaults to manifest.xml and the assets/ next to it', () => {
    expect(parseArgs([])).toEqual({ file: 'manifest.xml', assetsDir: 'assets' });
    expect(parseArgs(['deploy/manifest.xml'])).toEqual({ file: 'deploy/manifest.xml', assetsDir: join('deploy', 'assets') });
  });

  it('reads --base, --out and --assets, with a space or =', () => {
    expect(parseArgs(['manifest.xml', '--out', 'dist/manifest.xml', '--base', 'https://x.cn'])).toEqual({
      file: 'manifest.xml', assetsDir: 'assets', out: 'dist/manifest.xml', base: 'https://x.cn',
    });
    expect(parseArgs(['--base=https://x.cn/a', '--assets=icons'])).toEqual({ file: 'manifest.xml', assetsDir: 'icons', base: 'https://x.cn/a' });
  });

  it('refuses --out without --base, options without values, unknown options and extra arguments', () => {
    expect(parseArgs(['manifest.xml', '--out', 'dist/manifest.xml'])).toEqual({ error: expect.stringContaining('--base') });
    expect(parseArgs(['--base'])).toEqual({ error: expect.stringContaining('--base needs a value') });
    expect(parseArgs(['--base', '--out', 'x'])).toEqual({ error: expect.stringContaining('--base needs a value') });
    expect(parseArgs(['--force'])).toEqual({ error: expect.stringContaining('unknown option --force') });
    expect(parseArgs(['a.xml', 'b.xml'])).toEqual({ error: expect.stringContaining('unexpected argument b.xml') });
  });
});

describe('the command (npm run validate / npm run manifest)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'xpm-manifest-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'validate-manifest.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

  it('exits 0 on the real manifest and 1 on a broken one, naming the problem', () => {
    const ok = run('manifest.xml');
    expect(ok.stdout).toContain('✔ 通过');
    expect(ok.status).toBe(0);

    const broken = join(dir, 'broken.xml');
    writeFileSync(broken, manifest.replace('<Label resid="OpenPane.Label" />', '<Label resid="Missing.Label" />'));
    const failed = run(broken, '--assets', assetsDir);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain('(undefined-resid)');
    expect(failed.stdout).toContain('The resid "Missing.Label" of <Label> is not defined in <bt:ShortStrings>.');
  });

  it('writes the deployment copy only when it is valid, and exits 2 on a bad --base', () => {
    const out = join(dir, 'out', 'manifest.xml');
    const written = run('manifest.xml', '--out', out, '--base', 'https://monitor.example.gov.cn');
    expect(written.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<SourceLocation DefaultValue="https://monitor.example.gov.cn/taskpane.html" />');

    const refused = run('manifest.xml', '--out', join(dir, 'http.xml'), '--base', 'http://monitor.example.gov.cn');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--base must be an https URL');
    expect(existsSync(join(dir, 'http.xml'))).toBe(false);
  });
});
