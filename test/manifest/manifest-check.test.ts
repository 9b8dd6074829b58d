import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  findManifestProblems,
  LONG_STRING_MAX,
  SHORT_STRING_MAX,
  type ProblemCode,
} from '../../scripts/manifest-check';

const manifest = readFileSync(join(__dirname, '..', '..', 'manifest.xml'), 'utf8');

/** Applies a textual edit and fails loudly when the edit did not change anything. */
function edit(xml: string, from: string | RegExp, to: string): string {
  const result = xml.replace(from, to);
  if (result === xml) throw new Error(`edit had no effect: ${String(from)}`);
  return result;
}

function codes(xml: string): ProblemCode[] {
  return findManifestProblems(xml).map((p) => p.code);
}

describe('findManifestProblems on the real manifest.xml', () => {
  it('finds no problems', () => {
    expect(findManifestProblems(manifest)).toEqual([]);
  });

  it('targets Excel with the fixed GUID, zh-CN default and an en-US override', () => {
    expect(manifest).toContain('<Id>183d7d0c-4ecc-4adc-8e36-e771a5797026</Id>');
    expect(manifest).toContain('<DefaultLocale>zh-CN</DefaultLocale>');
    expect(manifest).toContain('<Host Name="Workbook" />');
    expect(manifest).toMatch(/<DisplayName DefaultValue="新平妇女儿童发展规划监测填报">\s*<Override Locale="en-US"/);
  });
});

describe('findManifestProblems on broken variants', () => {
  it('reports a missing <Id>', () => {
    const broken = edit(manifest, /\s*<Id>[^<]*<\/Id>/, '');
    const problems = findManifestProblems(broken);
    expect(problems).toEqual([expect.objectContaining({ code: 'missing-element', path: 'OfficeApp/Id' })]);
    expect(problems[0]?.zh).toBe('缺少必需元素 <Id>。');
    expect(problems[0]?.en).toBe('Missing required element <Id>.');
  });

  it('reports an <Id> that is not a GUID', () => {
    const broken = edit(manifest, /<Id>[^<]*<\/Id>/, '<Id>my-add-in</Id>');
    expect(findManifestProblems(broken)).toEqual([expect.objectContaining({ code: 'bad-id', path: 'OfficeApp/Id' })]);
  });

  it('reports http URLs in SourceLocation, IconUrl and overrides', () => {
    const broken = edit(
      manifest,
      '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html" />',
      '<SourceLocation DefaultValue="http://localhost:3000/taskpane.html" />',
    );
    expect(findManifestProblems(broken)).toEqual([
      expect.objectContaining({ code: 'not-https', path: 'OfficeApp/DefaultSettings/SourceLocation' }),
    ]);

    const brokenIcon = edit(manifest, 'https://localhost:3000/assets/icon-32.png', 'http://localhost:3000/assets/icon-32.png');
    expect(codes(brokenIcon)).toEqual(['not-https']);

    const brokenOverride = edit(
      manifest,
      '<SupportUrl DefaultValue="https://localhost:3000/taskpane.html" />',
      '<SupportUrl DefaultValue="https://localhost:3000/taskpane.html"><Override Locale="en-US" Value="http://example.com/help" /></SupportUrl>',
    );
    expect(findManifestProblems(brokenOverride)).toEqual([
      expect.objectContaining({ code: 'not-https', path: 'OfficeApp/SupportUrl/Override' }),
    ]);
  });

  it('reports a URL that is not absolute', () => {
    const broken = edit(manifest, '<AppDomain>https://localhost:3000</AppDomain>', '<AppDomain>/relative/path</AppDomain>');
    expect(codes(broken)).toEqual(['bad-url']);
  });

  it('reports elements in the wrong order', () => {
    // <Permissions> moved before <DefaultSettings>.
    const withoutPermissions = edit(manifest, /\s*<Permissions>ReadWriteDocument<\/Permissions>/, '');
    const broken = edit(withoutPermissions, '<DefaultSettings>', '<Permissions>ReadWriteDocument</Permissions>\n  <DefaultSettings>');
    const problems = findManifestProblems(broken);
    expect(problems).toEqual([expect.objectContaining({ code: 'out-of-order', path: 'OfficeApp/DefaultSettings' })]);
    expect(problems[0]?.en).toContain('<DefaultSettings> must come before <Permissions>');

    // <Version> before <Id>.
    const swapped = edit(
      manifest,
      /(<Id>[^<]*<\/Id>)(\s*)(<Version>[^<]*<\/Version>)/,
      '$3$2$1',
    );
    expect(findManifestProblems(swapped)).toEqual([
      expect.objectContaining({ code: 'out-of-order', path: 'OfficeApp/Id' }),
    ]);
  });

  it('reports bad Permissions values', () => {
    const broken = edit(manifest, '<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadWriteMailbox</Permissions>');
    const problems = findManifestProblems(broken);
    expect(problems).toEqual([expect.objectContaining({ code: 'bad-permissions', path: 'OfficeApp/Permissions' })]);
    expect(problems[0]?.zh).toContain('ReadWriteMailbox');
  });

  it('reports a missing <Permissions> and a missing <DefaultSettings>', () => {
    const broken = edit(edit(manifest, /\s*<Permissions>[^<]*<\/Permissions>/, ''), /\s*<DefaultSettings>[\s\S]*?<\/DefaultSettings>/, '');
    expect(findManifestProblems(broken).map((p) => p.path)).toEqual(['OfficeApp/DefaultSettings', 'OfficeApp/Permissions']);
  });

  it('reports bad Version and DefaultLocale values', () => {
    expect(codes(edit(manifest, '<Version>1.0.0.0</Version>', '<Version>1.0.0.0.0</Version>'))).toEqual(['bad-version']);
    expect(codes(edit(manifest, '<Version>1.0.0.0</Version>', '<Version>v1</Version>'))).toEqual(['bad-version']);
    expect(codes(edit(manifest, '<DefaultLocale>zh-CN</DefaultLocale>', '<DefaultLocale>chinese</DefaultLocale>'))).toEqual(['bad-locale']);
  });

  it('enforces the DisplayName and Description length limits', () => {
    const longName = '名'.repeat(SHORT_STRING_MAX + 1);
    expect(codes(edit(manifest, 'DefaultValue="新平妇女儿童发展规划监测填报"', `DefaultValue="${longName}"`))).toEqual(['bad-length']);
    const okName = '名'.repeat(SHORT_STRING_MAX);
    expect(codes(edit(manifest, 'DefaultValue="新平妇女儿童发展规划监测填报"', `DefaultValue="${okName}"`))).toEqual([]);

    const longDescription = 'x'.repeat(LONG_STRING_MAX + 1);
    const broken = edit(manifest, /<Description DefaultValue="[^"]*"/, `<Description DefaultValue="${longDescription}"`);
    expect(findManifestProblems(broken)).toEqual([expect.objectContaining({ code: 'bad-length', path: 'OfficeApp/Description' })]);
  });

  it('reports a duplicate element and an unknown element', () => {
    const duplicated = edit(manifest, '<Version>1.0.0.0</Version>', '<Version>1.0.0.0</Version>\n  <Version>1.0.0.1</Version>');
    expect(codes(duplicated)).toEqual(['duplicate-element']);
    const unknown = edit(manifest, '<Permissions>', '<FormSettings />\n  <Permissions>');
    expect(codes(unknown)).toEqual(['unknown-element']);
  });

  it('requires an Excel host and the ExcelApi requirement set', () => {
    expect(codes(edit(manifest, '<Host Name="Workbook" />', '<Host Name="Document" />'))).toEqual(['no-excel-host']);
    expect(codes(edit(manifest, '<Host Name="Workbook" />', '<Host Name="Workbook" /><Host Name="Spreadsheet" />'))).toEqual(['bad-host']);
    expect(codes(edit(manifest, 'Name="ExcelApi"', 'Name="WordApi"'))).toEqual(['no-excel-requirement']);
    expect(codes(edit(manifest, 'MinVersion="1.1"', 'MinVersion="one"'))).toEqual(['bad-requirement']);
  });

  it('reports the project-required optional elements when they are missing', () => {
    const broken = edit(manifest, /\s*<HighResolutionIconUrl [^>]*\/>/, '');
    expect(findManifestProblems(broken)).toEqual([
      expect.objectContaining({ code: 'missing-element', path: 'OfficeApp/HighResolutionIconUrl' }),
    ]);
    expect(findManifestProblems(broken)[0]?.en).toContain('required by this project');
  });

  it('rejects a wrong root, namespace or add-in type', () => {
    expect(codes(edit(manifest, 'xsi:type="TaskPaneApp"', 'xsi:type="ContentApp"'))).toEqual(['not-taskpane-app']);
    expect(codes(edit(manifest, 'appforoffice/1.1"', 'appforoffice/1.0"'))).toEqual(['wrong-namespace']);
    expect(codes('<?xml version="1.0"?><Manifest />')).toEqual(['root-not-officeapp']);
  });

  it('reports malformed XML without going further', () => {
    const broken = edit(manifest, '</Hosts>', '</Host>');
    const problems = findManifestProblems(broken);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.code).toBe('xml-malformed');
  });
});
