import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import {
  findVersionOverridesProblems,
  validateManifest,
  type ValidationCode,
} from '../../scripts/validate-manifest';

const ROOT = join(__dirname, '..', '..');
const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const assetsDir = join(ROOT, 'assets');

/** Applies a textual edit and fails loudly when the edit did not change anything. */
function edit(xml: string, from: string | RegExp, to: string): string {
  const result = xml.replace(from, to);
  if (result === xml) throw new Error(`edit had no effect: ${String(from)}`);
  return result;
}

const codes = (xml: string): ValidationCode[] => findVersionOverridesProblems(xml).map((p) => p.code);

describe('the real manifest.xml', () => {
  it('passes every offline check, icon files included', () => {
    expect(validateManifest(manifest, { assetsDir })).toEqual([]);
  });

  it('adds a 监测填报 / Plan monitoring button on the Home tab that opens the task pane', () => {
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(manifest) as {
      OfficeApp: {
        DefaultSettings: { SourceLocation: { DefaultValue: string } };
        VersionOverrides: {
          'xsi:type': string;
          Hosts: { Host: { 'xsi:type': string; DesktopFormFactor: { ExtensionPoint: { 'xsi:type': string; OfficeTab: { id: string; Group: { Control: { 'xsi:type': string; Label: { resid: string }; Action: { 'xsi:type': string; SourceLocation: { resid: string } } } } } } } } };
          Resources: {
            'bt:Urls': { 'bt:Url': Array<{ id: string; DefaultValue: string }> };
            'bt:ShortStrings': { 'bt:String': Array<{ id: string; DefaultValue: string; 'bt:Override': { Locale: string; Value: string } }> };
          };
        };
      };
    };
    const overrides = parsed.OfficeApp.VersionOverrides;
    expect(overrides['xsi:type']).toBe('VersionOverridesV1_0');
    const host = overrides.Hosts.Host;
    expect(host['xsi:type']).toBe('Workbook');
    const point = host.DesktopFormFactor.ExtensionPoint;
    expect(point['xsi:type']).toBe('PrimaryCommandSurface');
    expect(point.OfficeTab.id).toBe('TabHome');
    const control = point.OfficeTab.Group.Control;
    expect(control['xsi:type']).toBe('Button');
    expect(control.Action['xsi:type']).toBe('ShowTaskpane');

    const label = overrides.Resources['bt:ShortStrings']['bt:String'].find((s) => s.id === control.Label.resid);
    expect(label).toEqual({ id: control.Label.resid, DefaultValue: '监测填报', 'bt:Override': { Locale: 'en-US', Value: 'Plan monitoring' } });
    const url = overrides.Resources['bt:Urls']['bt:Url'].find((u) => u.id === control.Action.SourceLocation.resid);
    expect(url?.DefaultValue).toBe(parsed.OfficeApp.DefaultSettings.SourceLocation.DefaultValue);
  });

  it('keeps ExcelApi 1.1 as the minimum requirement set and asks for ReadWriteDocument', () => {
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1\.1" \/>/);
    expect(manifest).toContain('<Permissions>ReadWriteDocument</Permissions>');
  });
});

describe('broken <VersionOverrides> fail', () => {
  it('when it is missing (the ribbon button is required here)', () => {
    const broken = edit(manifest, /\s*<VersionOverrides[\s\S]*<\/VersionOverrides>/, '');
    expect(codes(broken)).toEqual(['no-version-overrides']);
    expect(validateManifest(broken).map((p) => p.code)).toEqual(['no-version-overrides']);
  });

  it('when its type or namespace is wrong', () => {
    expect(codes(edit(manifest, 'xsi:type="VersionOverridesV1_0"', 'xsi:type="VersionOverridesV1_1"'))).toEqual(['bad-overrides-type']);
    expect(codes(edit(manifest, 'xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides"', 'xmlns="http://schemas.microsoft.com/office/mailappversionoverrides"'))).toEqual(['wrong-namespace']);
  });

  it('when a resid is not defined, or defined as another kind of resource', () => {
    const undefinedLabel = edit(manifest, '<Label resid="OpenPane.Label" />', '<Label resid="OpenPane.Lable" />');
    const problems = findVersionOverridesProblems(undefinedLabel);
    expect(problems).toEqual([expect.objectContaining({ code: 'undefined-resid', path: expect.stringContaining('Control/Label') })]);
    expect(problems[0]?.en).toBe('The resid "OpenPane.Lable" of <Label> is not defined in <bt:ShortStrings>.');

    const wrongKind = edit(manifest, '<Description resid="OpenPane.Tooltip" />', '<Description resid="OpenPane.Label" />');
    expect(findVersionOverridesProblems(wrongKind)).toEqual([
      expect.objectContaining({ code: 'undefined-resid', en: expect.stringContaining('it is in <bt:ShortStrings>, the wrong kind') }),
    ]);

    const missingUrl = edit(manifest, /\s*<bt:Url id="Taskpane.Url"[^>]*\/>/, '');
    expect(codes(missingUrl)).toEqual(['undefined-resid']);
    const missingImage = edit(manifest, /\s*<bt:Image id="Icon.80"[^>]*\/>/, '');
    expect(codes(missingImage)).toEqual(['undefined-resid', 'undefined-resid']); // used by the group and the button
  });

  it('when a resource id is repeated or longer than 32 characters', () => {
    const duplicated = edit(manifest, '<bt:String id="Taskpane.Title"', '<bt:String id="Group.Label"');
    expect(codes(duplicated)).toEqual(['duplicate-resid', 'undefined-resid']);
    const longId = 'OpenPane.Label.ThatIsFarTooLong.x'; // 33 characters
    expect(longId).toHaveLength(33);
    expect(codes(manifest.replaceAll('"OpenPane.Label"', `"${longId}"`))).toEqual(['bad-resid']);
  });

  it('when a URL resource is not https, or a string is too long', () => {
    const http = edit(manifest, '<bt:Url id="Taskpane.Url" DefaultValue="https://', '<bt:Url id="Taskpane.Url" DefaultValue="http://');
    expect(codes(http)).toEqual(['not-https', 'taskpane-url-mismatch']);
    expect(codes(edit(manifest, '<bt:Image id="Icon.16" DefaultValue="https://localhost:3000/assets/icon-16.png"', '<bt:Image id="Icon.16" DefaultValue="/assets/icon-16.png"'))).toEqual(['bad-url']);
    expect(codes(edit(manifest, 'DefaultValue="妇儿规划监测"', `DefaultValue="${'长'.repeat(126)}"`))).toEqual(['bad-length']);
    expect(codes(edit(manifest, 'DefaultValue="妇儿规划监测"', `DefaultValue="${'长'.repeat(125)}"`))).toEqual([]);
    expect(codes(edit(manifest, /DefaultValue="打开监测填报任务窗格[^"]*"/, `DefaultValue="${'x'.repeat(251)}"`))).toEqual(['bad-length']);
    expect(codes(edit(manifest, '<bt:Override Locale="en-US" Value="Plan monitoring is ready" />', '<bt:Override Locale="english" Value="Plan monitoring is ready" />'))).toEqual(['bad-locale']);
  });

  it('when elements are out of order, missing or unknown', () => {
    const swapped = edit(manifest, /(<Label resid="OpenPane.Label" \/>)(\s*)(<Supertip>[\s\S]*?<\/Supertip>)/, '$3$2$1');
    expect(codes(swapped)).toEqual(['out-of-order']);
    expect(findVersionOverridesProblems(swapped)[0]?.en).toContain('<Label> must come before <Supertip>');

    const noSupertip = edit(manifest, /\s*<Supertip>[\s\S]*?<\/Supertip>/, '');
    expect(findVersionOverridesProblems(noSupertip)).toEqual([
      expect.objectContaining({ code: 'missing-element', en: '<Control> lacks the required element <Supertip>.' }),
    ]);
    expect(codes(edit(manifest, /(<Resources>)([\s\S]*?)(<bt:Images>[\s\S]*?<\/bt:Images>)(\s*)(<bt:Urls>[\s\S]*?<\/bt:Urls>)/, '$1$2$5$4$3'))).toEqual(['out-of-order']);
    expect(codes(edit(manifest, '<GetStarted>', '<Banner />\n          <GetStarted>'))).toEqual(['unknown-element']);
  });

  it('when a ribbon image is not in the bt namespace, or its sizes are wrong', () => {
    expect(codes(edit(manifest, '<bt:Image size="20" resid="Icon.20" />', '<Image size="20" resid="Icon.20" />'))).toEqual(['wrong-namespace']);
    expect(codes(edit(manifest, '<bt:Image size="20" resid="Icon.20" />', '<bt:Image size="17" resid="Icon.20" />'))).toEqual(['bad-icon-size']);
    const no80 = edit(manifest, /(<Control[\s\S]*?)\s*<bt:Image size="80" resid="Icon.80" \/>/, '$1');
    expect(findVersionOverridesProblems(no80)).toEqual([
      expect.objectContaining({ code: 'missing-icon-size', path: expect.stringContaining('Control/Icon') }),
    ]);
  });

  it('when the tab is not a built-in Excel tab, ids repeat, or the button opens another page', () => {
    expect(codes(edit(manifest, '<OfficeTab id="TabHome">', '<OfficeTab id="TabStart">'))).toEqual(['bad-tab']);
    const twoButtons = edit(manifest, /(<Control xsi:type="Button" id="Xpm.OpenPane">[\s\S]*?<\/Control>)/, '$1$1');
    expect(codes(twoButtons)).toEqual(['duplicate-id']);
    const otherPage = edit(manifest, '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"', '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/other.html"');
    expect(codes(otherPage)).toEqual(['taskpane-url-mismatch']);
  });

  it('when an action is unusable', () => {
    expect(codes(edit(manifest, 'xsi:type="ShowTaskpane"', 'xsi:type="OpenPane"'))).toEqual(['bad-xsi-type', 'no-ribbon-button']);
    const execute = edit(manifest, /<Action xsi:type="ShowTaskpane">[\s\S]*?<\/Action>/, '<Action xsi:type="ExecuteFunction"><FunctionName>openPane</FunctionName></Action>');
    expect(codes(execute)).toEqual(['missing-element', 'no-ribbon-button']);
  });

  it('together with the <OfficeApp> checks (GUID, version) of manifest-check.ts', () => {
    expect(validateManifest(edit(manifest, /<Id>[^<]*<\/Id>/, '<Id>xinping</Id>')).map((p) => p.code)).toEqual(['bad-id']);
    expect(validateManifest(edit(manifest, '<Version>1.0.0.0</Version>', '<Version>1.0.0.0.1</Version>')).map((p) => p.code)).toEqual(['bad-version']);
    expect(validateManifest(edit(manifest, '</VersionOverrides>', '</VersionOverride>')).map((p) => p.code)).toEqual(['xml-malformed']);
  });
});
