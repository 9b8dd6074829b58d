import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findIconFileProblems, ICON_FILE_MAX_BYTES, pngDimensions } from '../../scripts/validate-manifest';

const ROOT = join(__dirname, '..', '..');
const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const assets = join(ROOT, 'assets');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xpm-assets-'));
  for (const file of readdirSync(assets)) copyFileSync(join(assets, file), join(dir, file));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const codes = (xml = manifest) => findIconFileProblems(xml, dir).map((p) => p.code);

describe('the icons in assets/', () => {
  it('are PNGs of the sizes their names say, and every one the manifest names exists', () => {
    for (const file of readdirSync(assets).filter((f) => /^icon-\d+\.png$/.test(f))) {
      const size = Number(/\d+/.exec(file)?.[0]);
      expect({ file, dimensions: pngDimensions(readFileSync(join(assets, file))) }).toEqual({ file, dimensions: { width: size, height: size } });
    }
    expect(findIconFileProblems(manifest, assets)).toEqual([]);
  });
});

describe('findIconFileProblems fails', () => {
  it('when a ribbon icon file is missing', () => {
    unlinkSync(join(dir, 'icon-80.png'));
    const problems = findIconFileProblems(manifest, dir);
    expect(problems).toEqual([expect.objectContaining({ code: 'icon-file-missing', path: expect.stringContaining('Resources/Images/Image') })]);
    expect(problems[0]?.zh).toContain('npm run icons');
  });

  it('when an icon has other dimensions than declared (IconUrl 32, HighResolutionIconUrl 64, ribbon size)', () => {
    copyFileSync(join(assets, 'icon-16.png'), join(dir, 'icon-32.png'));
    const problems = findIconFileProblems(manifest, dir);
    // IconUrl and the ribbon's size-32 image both use icon-32.png
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['icon-dimensions', 'OfficeApp/IconUrl'],
      ['icon-dimensions', expect.stringContaining('Image[4]')],
    ]);
    expect(problems[0]?.en).toBe('The icon icon-32.png is 16×16 pixels; 32×32 is required here.');

    copyFileSync(join(assets, 'icon-32.png'), join(dir, 'icon-32.png'));
    const swapped = manifest.replace('<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-64.png" />', '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-80.png" />');
    expect(codes(swapped)).toEqual(['icon-dimensions']);
    const wrongSize = manifest.replace('<bt:Image size="48" resid="Icon.48" />', '<bt:Image size="48" resid="Icon.40" />');
    expect(codes(wrongSize)).toEqual(['icon-dimensions']);
  });

  it('when an icon is not a PNG or larger than 100 KB', () => {
    writeFileSync(join(dir, 'icon-20.png'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(codes()).toEqual(['icon-not-png']);
    writeFileSync(join(dir, 'icon-20.png'), Buffer.concat([readFileSync(join(assets, 'icon-20.png')), Buffer.alloc(ICON_FILE_MAX_BYTES)]));
    expect(codes()).toEqual(['icon-too-large']);
  });

  it('when an icon is not served from /assets/', () => {
    const elsewhere = manifest.replace('<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png" />', '<IconUrl DefaultValue="https://cdn.example.com/logo.png" />');
    expect(codes(elsewhere)).toEqual(['icon-not-in-assets']);
  });

  it('finds the files under a deployment path too (https://host/tianbao/assets/…)', () => {
    expect(codes(manifest.replaceAll('https://localhost:3000/', 'https://monitor.example.gov.cn/tianbao/'))).toEqual([]);
  });
});

describe('pngDimensions', () => {
  it('reads width and height from IHDR and refuses other bytes', () => {
    expect(pngDimensions(readFileSync(join(assets, 'icon-80.png')))).toEqual({ width: 80, height: 80 });
    expect(pngDimensions(Buffer.from('GIF89a……………………………………'))).toBeNull();
    expect(pngDimensions(Buffer.alloc(10))).toBeNull();
  });
});
