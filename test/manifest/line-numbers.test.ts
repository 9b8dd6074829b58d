import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findManifestProblems } from '../../scripts/manifest-check';
import { findIconFileProblems, findVersionOverridesProblems, validateManifest, type ValidationProblem } from '../../scripts/validate-manifest';

const ROOT = join(__dirname, '..', '..');
const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

/** Applies a textual edit and fails loudly when the edit did not change anything. */
function edit(xml: string, from: string | RegExp, to: string): string {
  const result = xml.replace(from, to);
  if (result === xml) throw new Error(`edit had no effect: ${String(from)}`);
  return result;
}

/** Line and column (1-based, in characters) of `index` in `xml`, counted independently of the checker. */
function positionAt(xml: string, index: number): { line: number; col: number } {
  const before = xml.slice(0, index).split(/\r\n|\r|\n/);
  return { line: before.length, col: [...(before.at(-1) ?? '')].length + 1 };
}

/** The position of the only occurrence of `needle` in `xml`. */
function positionOf(xml: string, needle: string): { line: number; col: number } {
  const index = xml.indexOf(needle);
  if (index < 0 || xml.indexOf(needle, index + 1) >= 0) throw new Error(`not exactly one ${needle}`);
  return positionAt(xml, index);
}

const where = (p: ValidationProblem | undefined) => p && { code: p.code, path: p.path, line: p.line, col: p.col };

describe('a broken <Version> is refused by its line number', () => {
  it('at the <Version> element, wherever it stands', () => {
    const broken = edit(manifest, '<Version>1.0.0.0</Version>', '<Version>1.0.0.0.0</Version>');
    const problems = validateManifest(broken);
    expect(problems.map(where)).toEqual([{ code: 'bad-version', path: 'OfficeApp/Version', ...positionOf(broken, '<Version>') }]);
    expect(problems[0]?.line).toBe(19);

    // Four lines further down and indented further: the position follows the element.
    const moved = edit(broken, '<Version>', '\n\n\n\n      <Version>');
    expect(validateManifest(moved).map(where)).toEqual([{ code: 'bad-version', path: 'OfficeApp/Version', line: 23, col: 7 }]);
    expect(positionOf(moved, '<Version>')).toEqual({ line: 23, col: 7 });
  });

  it('on the same line with Windows line ends (\\r\\n) and after Chinese text on the line', () => {
    const crlf = edit(manifest, '<Version>1.0.0.0</Version>', '<Version>1.0.0.0.0</Version>').replace(/\n/g, '\r\n');
    expect(findManifestProblems(crlf).map(where)).toEqual([{ code: 'bad-version', path: 'OfficeApp/Version', line: 19, col: 3 }]);

    const afterChinese = edit(manifest, '<Version>1.0.0.0</Version>', '<!-- 版本 --><Version>v1</Version>');
    expect(findManifestProblems(afterChinese).map(where)).toEqual([{ code: 'bad-version', path: 'OfficeApp/Version', line: 19, col: 14 }]);
  });

  it('in the output of npm run validate, before the path, on the Chinese and the English line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xpm-lines-'));
    try {
      const file = join(dir, 'manifest.xml');
      writeFileSync(file, edit(manifest, '<Version>1.0.0.0</Version>', '<Version>1.0.0.0.0</Version>'));
      const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'validate-manifest.ts'), file, '--assets', join(ROOT, 'assets')], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      const lines = run.stdout.split('\n').filter((l) => l.includes('(bad-version)'));
      expect(lines).toEqual([
        `  ${file}:19:3 [OfficeApp/Version] (bad-version) <Version> 必须是 1 至 4 段数字（如 1.0.0.0），实际为 "1.0.0.0.0"。`,
        `  ${file}:19:3 [OfficeApp/Version] (bad-version) <Version> must be 1 to 4 dot-separated numbers (e.g. 1.0.0.0), found "1.0.0.0.0".`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a bad attribute is reported at the attribute, not at its element', () => {
  it('MinVersion of <Set> on the next line of the start tag', () => {
    const broken = edit(manifest, '<Set Name="ExcelApi" MinVersion="1.1" />', '<Set Name="ExcelApi"\n         MinVersion="one" />');
    const set = positionOf(broken, '<Set ');
    const attribute = positionOf(broken, 'MinVersion="one"');
    expect(attribute.line).toBe(set.line + 1);
    expect(findManifestProblems(broken).map(where)).toEqual([{ code: 'bad-requirement', path: 'OfficeApp/Requirements/Sets/Set', ...attribute }]);
  });

  it('size of a ribbon <bt:Image>, xsi:type of an <Action>, the resid of a <Label> and an Override Value', () => {
    const size = edit(manifest, '<bt:Image size="20" resid="Icon.20" />', '<bt:Image size="17" resid="Icon.20" />');
    expect(findVersionOverridesProblems(size).map(where)).toEqual([
      { code: 'bad-icon-size', path: expect.stringContaining('Group/Icon/Image[2]'), ...positionOf(size, 'size="17"') },
    ]);

    const action = edit(manifest, 'xsi:type="ShowTaskpane"', 'xsi:type="OpenPane"');
    expect(findVersionOverridesProblems(action).map(where)[0]).toEqual({
      code: 'bad-xsi-type', path: expect.stringContaining('Control/Action'), ...positionOf(action, 'xsi:type="OpenPane"'),
    });

    const resid = edit(manifest, '<Label resid="OpenPane.Label" />', '<Label resid="OpenPane.Lable" />');
    expect(findVersionOverridesProblems(resid).map(where)).toEqual([
      { code: 'undefined-resid', path: expect.stringContaining('Control/Label'), ...positionOf(resid, 'resid="OpenPane.Lable"') },
    ]);

    const override = edit(manifest, '<Override Locale="en-US" Value="Xinping', '<Override Locale="english" Value="Xinping');
    expect(findManifestProblems(override).map(where)).toEqual([
      { code: 'bad-locale', path: 'OfficeApp/DisplayName/Override', ...positionOf(override, 'Locale="english"') },
    ]);
  });

  it('a repeated control id: at the second, naming the line of the first', () => {
    const twoButtons = edit(manifest, /(<Control xsi:type="Button" id="Xpm.OpenPane">[\s\S]*?<\/Control>)/, '$1\n$1');
    const problems = findVersionOverridesProblems(twoButtons);
    const first = positionAt(twoButtons, twoButtons.indexOf('id="Xpm.OpenPane"'));
    const second = positionAt(twoButtons, twoButtons.lastIndexOf('id="Xpm.OpenPane"'));
    expect(second.line).toBeGreaterThan(first.line);
    expect(problems.map(where)).toEqual([{ code: 'duplicate-id', path: expect.stringContaining('Control[2]'), ...second }]);
    expect(problems[0]?.en).toContain(`line ${first.line})`);
  });

  it('the URL attribute that names a wrong icon file', () => {
    const elsewhere = edit(manifest, '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png" />', '<IconUrl\n    DefaultValue="https://cdn.example.com/logo.png" />');
    expect(findIconFileProblems(elsewhere, join(ROOT, 'assets')).map(where)).toEqual([
      { code: 'icon-not-in-assets', path: 'OfficeApp/IconUrl', ...positionOf(elsewhere, 'DefaultValue="https://cdn.example.com') },
    ]);
  });
});

describe('a missing required element is reported at its parent', () => {
  it('<Permissions>: at <OfficeApp>', () => {
    const broken = edit(manifest, /\s*<Permissions>[^<]*<\/Permissions>/, '');
    expect(findManifestProblems(broken).map(where)).toEqual([
      { code: 'missing-element', path: 'OfficeApp/Permissions', ...positionOf(broken, '<OfficeApp') },
    ]);
  });

  it('<Supertip> of the ribbon button: at its <Control>', () => {
    const broken = edit(manifest, /\s*<Supertip>[\s\S]*?<\/Supertip>/, '');
    expect(findVersionOverridesProblems(broken).map(where)).toEqual([
      { code: 'missing-element', path: expect.stringContaining('Control/Supertip'), ...positionOf(broken, '<Control ') },
    ]);
  });

  it('<SourceLocation>: at <DefaultSettings>', () => {
    const broken = edit(manifest, /\s*<SourceLocation [^>]*\/>/, '');
    const problems = findManifestProblems(broken);
    expect(problems.map(where)).toEqual([
      { code: 'missing-element', path: 'OfficeApp/DefaultSettings/SourceLocation', ...positionOf(broken, '<DefaultSettings>') },
    ]);
  });
});

describe('malformed XML', () => {
  it('is reported at the line the parser stopped at', () => {
    const broken = edit(manifest, '<Version>1.0.0.0</Version>', '<Version>1.0.0.0</Versio>');
    expect(findManifestProblems(broken).map(where)).toEqual([
      { code: 'xml-malformed', path: '/', line: positionOf(broken, '</Versio>').line, col: expect.any(Number) },
    ]);
  });
});
