/**
 * Offline structural check of the Office add-in XML manifest (OfficeApp, xsi:type="TaskPaneApp").
 *
 * Microsoft's validator (office-addin-manifest) needs the internet; this one covers what breaks
 * sideloading most often: well-formedness, the root element, the child elements of <OfficeApp> and
 * their order as the schema's sequence gives it (OfficeApp 1.1 base type, then the TaskPaneApp
 * extension), the simple types (UUID, Version, CultureName, string lengths, URLs) and the
 * Permissions enumeration. A few checks are this project's own policy, not the schema's (icons,
 * SupportUrl, Hosts and Requirements present, https everywhere, an Excel host and the ExcelApi
 * requirement set); their messages say so. Only the place of <VersionOverrides> among the children is
 * checked here; its inside (the ribbon button, its resources) and the icon files are checked by
 * ./validate-manifest.ts (`npm run validate`), which runs this check first. Every problem carries the line and
column of the element or attribute concerned (of the parent, for a missing element). Parsing: ./manifest-xml.ts.
 */
import { attributeSite, missingChildSite, parseXmlDocument, type Site, type XmlElement } from './manifest-xml';

export const OFFICE_APP_NAMESPACE = 'http://schemas.microsoft.com/office/appforoffice/1.1';

/** Limits of the schema's simple types. */
export const SHORT_STRING_MAX = 125; // ShortString: ProviderName, DisplayName
export const LONG_STRING_MAX = 250; // LongString: Description
export const URL_MAX = 2048; // URL

export const ALLOWED_PERMISSIONS = [
  'Restricted',
  'ReadDocument',
  'ReadAllDocument',
  'WriteDocument',
  'ReadWriteDocument',
] as const;

const ALLOWED_HOSTS = ['Document', 'Workbook', 'Presentation', 'Project', 'Mailbox', 'Notebook', 'Database'];

export type ProblemCode =
  | 'xml-malformed'
  | 'root-not-officeapp'
  | 'wrong-namespace'
  | 'not-taskpane-app'
  | 'unknown-element'
  | 'out-of-order'
  | 'duplicate-element'
  | 'missing-element'
  | 'missing-attribute'
  | 'bad-id'
  | 'bad-version'
  | 'bad-locale'
  | 'bad-length'
  | 'bad-url'
  | 'not-https'
  | 'bad-host'
  | 'no-excel-host'
  | 'bad-requirement'
  | 'no-excel-requirement'
  | 'bad-permissions';

/**
 * One problem: its code, where it is (an element path such as `OfficeApp/Hosts/Host[2]`, and the line and column
 * in the manifest of the element or attribute concerned; of the parent for a missing element) and what, in
 * Chinese and English. ./validate-manifest.ts reports more codes.
 */
export interface ManifestProblem<Code extends string = ProblemCode> extends Site {
  code: Code;
  zh: string;
  en: string;
}

/** Receives one problem; validate-manifest.ts passes its own, which takes more codes. */
export type Report<Code extends string = ProblemCode> = (code: Code, site: Site, zh: string, en: string) => void;

interface SequenceEntry {
  name: string;
  required: 'schema' | 'project' | false;
}

/**
 * Children of <OfficeApp xsi:type="TaskPaneApp"> in schema order: the OfficeApp base sequence
 * (Id … Hosts), then the TaskPaneApp extension (Requirements … ExtendedOverrides).
 */
export const TASKPANE_SEQUENCE: readonly SequenceEntry[] = [
  { name: 'Id', required: 'schema' },
  { name: 'AlternateId', required: false },
  { name: 'Version', required: 'schema' },
  { name: 'ProviderName', required: 'schema' },
  { name: 'DefaultLocale', required: 'schema' },
  { name: 'DisplayName', required: 'schema' },
  { name: 'Description', required: 'schema' },
  { name: 'IconUrl', required: 'project' },
  { name: 'HighResolutionIconUrl', required: 'project' },
  { name: 'SupportUrl', required: 'project' },
  { name: 'AppDomains', required: false },
  { name: 'Hosts', required: 'project' },
  { name: 'Requirements', required: 'project' },
  { name: 'DefaultSettings', required: 'schema' },
  { name: 'Permissions', required: 'schema' },
  { name: 'Dictionary', required: false },
  { name: 'VersionOverrides', required: false },
  { name: 'ExtendedOverrides', required: false },
];

const UUID_PATTERN =
  /^(?:(?:urn:uuid:)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;
const VERSION_PATTERN = /^(?:0|[1-9][0-9]{0,4})(?:\.(?:0|[1-9][0-9]{0,4})){0,3}$/;
/** CultureName (DefaultLocale, Override Locale). */
export const CULTURE_NAME_PATTERN =
  /^(?:[a-zA-Z]{2,3}-[a-zA-Z0-9]{3,8}(?:-[a-zA-Z]{2,3})?|[a-zA-Z]{2,3}(?:-[a-zA-Z]{2,3}(?:_tradnl|\.pseudo|-[a-zA-Z]{4,8})?)?)$/;
const REQUIREMENT_VERSION_PATTERN = /^\d+\.\d+$/;

/** Checks a manifest and returns the problems as structured records; [] means valid. */
export function findManifestProblems(xml: string): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const report: Report = (code, { path, line, col }, zh, en) => {
    problems.push({ code, path, line, col, zh, en });
  };

  const document = parseXmlDocument(xml);
  if (!document.ok) {
    const { msg, line, col } = document.error;
    report('xml-malformed', { path: '/', line, col }, `XML 格式错误：${msg}`, `Malformed XML: ${msg}`);
    return problems;
  }

  // Names are compared as written (prefix included): <OfficeApp> and its children use the default namespace.
  const root = document.root;
  if (root.name !== 'OfficeApp') {
    report('root-not-officeapp', root, `根元素必须是 <OfficeApp>，实际为 <${root.name}>。`,
      `The root element must be <OfficeApp>, found <${root.name}>.`);
    return problems;
  }

  if (root.attrs['xmlns'] !== OFFICE_APP_NAMESPACE) {
    report('wrong-namespace', attributeSite(root, 'xmlns'), `<OfficeApp> 的 xmlns 必须是 ${OFFICE_APP_NAMESPACE}。`,
      `<OfficeApp> must declare xmlns="${OFFICE_APP_NAMESPACE}".`);
  }
  const xsiType = root.xsiType;
  if (xsiType !== 'TaskPaneApp') {
    report('not-taskpane-app', attributeSite(root, 'xsi:type'), `<OfficeApp> 的 xsi:type 必须是 "TaskPaneApp"，实际为 ${JSON.stringify(xsiType ?? null)}。`,
      `<OfficeApp> must have xsi:type="TaskPaneApp", found ${JSON.stringify(xsiType ?? null)}.`);
  }

  checkSequence(root, report);

  const first = (name: string): XmlElement | undefined => root.children.find((c) => c.name === name);

  const id = first('Id');
  if (id && !UUID_PATTERN.test(id.text)) {
    report('bad-id', id, `<Id> 必须是 GUID（如 0f3a…-…），实际为 "${id.text}"。`,
      `<Id> must be a GUID (e.g. 0f3a…-…), found "${id.text}".`);
  }

  const version = first('Version');
  if (version && !VERSION_PATTERN.test(version.text)) {
    report('bad-version', version, `<Version> 必须是 1 至 4 段数字（如 1.0.0.0），实际为 "${version.text}"。`,
      `<Version> must be 1 to 4 dot-separated numbers (e.g. 1.0.0.0), found "${version.text}".`);
  }

  const providerName = first('ProviderName');
  if (providerName) checkLength(providerName.text, SHORT_STRING_MAX, providerName, '<ProviderName>', report);

  const defaultLocale = first('DefaultLocale');
  if (defaultLocale && !CULTURE_NAME_PATTERN.test(defaultLocale.text)) {
    report('bad-locale', defaultLocale, `<DefaultLocale> 不是有效的区域名称（如 zh-CN）："${defaultLocale.text}"。`,
      `<DefaultLocale> is not a valid culture name (e.g. zh-CN): "${defaultLocale.text}".`);
  }

  const textSetting = (max: number) => (value: string, site: Site, label: string) =>
    checkLength(value, max, site, label, report);
  const urlSetting = (value: string, site: Site, label: string) => checkHttpsUrl(value, site, label, report);

  checkLocaleAware(first('DisplayName'), textSetting(SHORT_STRING_MAX), report);
  checkLocaleAware(first('Description'), textSetting(LONG_STRING_MAX), report);
  checkLocaleAware(first('IconUrl'), urlSetting, report);
  checkLocaleAware(first('HighResolutionIconUrl'), urlSetting, report);
  checkLocaleAware(first('SupportUrl'), urlSetting, report);

  for (const child of first('AppDomains')?.children ?? []) {
    if (child.name !== 'AppDomain') {
      report('unknown-element', child, `<AppDomains> 只能包含 <AppDomain>，发现 <${child.name}>。`,
        `<AppDomains> may only contain <AppDomain>, found <${child.name}>.`);
    } else {
      checkHttpsUrl(child.text, child, '<AppDomain>', report);
    }
  }

  checkHosts(first('Hosts'), report);
  checkRequirements(first('Requirements'), report);
  checkDefaultSettings(first('DefaultSettings'), report);

  const permissions = first('Permissions');
  if (permissions && !(ALLOWED_PERMISSIONS as readonly string[]).includes(permissions.text)) {
    report('bad-permissions', permissions,
      `<Permissions> 的值 "${permissions.text}" 无效，只能是 ${ALLOWED_PERMISSIONS.join('、')} 之一。`,
      `<Permissions> value "${permissions.text}" is not allowed; use one of ${ALLOWED_PERMISSIONS.join(', ')}.`);
  }

  return problems;
}

function checkSequence(root: XmlElement, report: Report): void {
  const indexOf = (name: string) => TASKPANE_SEQUENCE.findIndex((e) => e.name === name);
  const counts = new Map<string, number>();
  let furthest = -1; // sequence index of the furthest element seen so far

  for (const child of root.children) {
    const index = indexOf(child.name);
    if (index < 0) {
      report('unknown-element', child,
        `<OfficeApp xsi:type="TaskPaneApp"> 不允许子元素 <${child.name}>。`,
        `<${child.name}> is not an allowed child of <OfficeApp xsi:type="TaskPaneApp">.`);
      continue;
    }
    const count = (counts.get(child.name) ?? 0) + 1;
    counts.set(child.name, count);
    if (count === 2) {
      report('duplicate-element', child, `<${child.name}> 只能出现一次。`,
        `<${child.name}> may appear only once.`);
    }
    if (index < furthest) {
      const after = TASKPANE_SEQUENCE[furthest]?.name ?? '?';
      report('out-of-order', child,
        `元素顺序错误：<${child.name}> 必须位于 <${after}> 之前（顺序：${TASKPANE_SEQUENCE.map((e) => e.name).join(' → ')}）。`,
        `Wrong element order: <${child.name}> must come before <${after}> (order: ${TASKPANE_SEQUENCE.map((e) => e.name).join(' → ')}).`);
    } else {
      furthest = index;
    }
  }

  for (const entry of TASKPANE_SEQUENCE) {
    if (!entry.required || counts.has(entry.name)) continue;
    if (entry.required === 'schema') {
      report('missing-element', missingChildSite(root, entry.name), `缺少必需元素 <${entry.name}>。`,
        `Missing required element <${entry.name}>.`);
    } else {
      report('missing-element', missingChildSite(root, entry.name), `缺少元素 <${entry.name}>（本项目要求）。`,
        `Missing element <${entry.name}> (required by this project).`);
    }
  }
}

/**
 * A *LocaleAwareSetting element: a required DefaultValue attribute plus optional
 * <Override Locale="…" Value="…"/> children; `checkValue` validates each value.
 */
function checkLocaleAware(
  element: XmlElement | undefined,
  checkValue: (value: string, site: Site, label: string) => void,
  report: Report,
): void {
  if (!element) return;
  const label = `<${element.name}>`;
  const defaultValue = element.attrs['DefaultValue'];
  if (defaultValue === undefined) {
    report('missing-attribute', element, `${label} 缺少 DefaultValue 属性。`, `${label} lacks the DefaultValue attribute.`);
  } else {
    checkValue(defaultValue, attributeSite(element, 'DefaultValue'), `${label} DefaultValue`);
  }
  for (const child of element.children) {
    if (child.name !== 'Override') {
      report('unknown-element', child, `${label} 只能包含 <Override>，发现 <${child.name}>。`,
        `${label} may only contain <Override>, found <${child.name}>.`);
      continue;
    }
    const locale = child.attrs['Locale'];
    const value = child.attrs['Value'];
    if (locale === undefined || value === undefined) {
      report('missing-attribute', child, `<Override> 必须同时有 Locale 和 Value 属性。`,
        `<Override> needs both the Locale and the Value attribute.`);
    }
    if (locale !== undefined && !CULTURE_NAME_PATTERN.test(locale)) {
      report('bad-locale', attributeSite(child, 'Locale'), `<Override> 的 Locale 不是有效的区域名称："${locale}"。`,
        `<Override> Locale is not a valid culture name: "${locale}".`);
    }
    if (value !== undefined) checkValue(value, attributeSite(child, 'Value'), `${label} <Override> Value`);
  }
}

/** A ShortString/LongString value: 1 to `max` characters (code points); 'bad-length' otherwise. */
export function checkLength(value: string, max: number, site: Site, label: string, report: Report): void {
  const length = [...value].length;
  if (length === 0 || length > max) {
    report('bad-length', site, `${label} 长度必须为 1 至 ${max} 个字符，实际为 ${length}。`,
      `${label} must be 1 to ${max} characters long, found ${length}.`);
  }
}

/** A URL value: absolute ('bad-url'), https ('not-https', this project's policy), at most URL_MAX characters ('bad-length'). */
export function checkHttpsUrl(value: string, site: Site, label: string, report: Report): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    report('bad-url', site, `${label} 不是有效的绝对 URL："${value}"。`, `${label} is not a valid absolute URL: "${value}".`);
    return;
  }
  if (url.protocol !== 'https:') {
    report('not-https', site, `${label} 必须使用 https："${value}"。`, `${label} must use https: "${value}".`);
  }
  if (value.length > URL_MAX) {
    report('bad-length', site, `${label} 超过 ${URL_MAX} 个字符。`, `${label} is longer than ${URL_MAX} characters.`);
  }
}

function checkHosts(hosts: XmlElement | undefined, report: Report): void {
  if (!hosts) return;
  if (hosts.children.length === 0) {
    report('missing-element', missingChildSite(hosts, 'Host'), `<Hosts> 至少要包含一个 <Host>。`, `<Hosts> must contain at least one <Host>.`);
  }
  for (const child of hosts.children) {
    if (child.name !== 'Host') {
      report('unknown-element', child, `<Hosts> 只能包含 <Host>，发现 <${child.name}>。`,
        `<Hosts> may only contain <Host>, found <${child.name}>.`);
    } else if (!ALLOWED_HOSTS.includes(child.attrs['Name'] ?? '')) {
      report('bad-host', attributeSite(child, 'Name'), `<Host> 的 Name 无效："${child.attrs['Name'] ?? ''}"（可用：${ALLOWED_HOSTS.join('、')}）。`,
        `<Host> Name is not valid: "${child.attrs['Name'] ?? ''}" (allowed: ${ALLOWED_HOSTS.join(', ')}).`);
    }
  }
  const hasWorkbook = hosts.children.some((c) => c.name === 'Host' && c.attrs['Name'] === 'Workbook');
  if (!hasWorkbook) {
    report('no-excel-host', hosts, `<Hosts> 必须包含 <Host Name="Workbook"/>（本加载项用于 Excel）。`,
      `<Hosts> must include <Host Name="Workbook"/> (this is an Excel add-in).`);
  }
}

function checkRequirements(requirements: XmlElement | undefined, report: Report): void {
  if (!requirements) return;
  const order = ['Sets', 'Methods'];
  let furthest = -1;
  for (const child of requirements.children) {
    const index = order.indexOf(child.name);
    if (index < 0) {
      report('unknown-element', child, `<Requirements> 不允许子元素 <${child.name}>。`,
        `<${child.name}> is not an allowed child of <Requirements>.`);
    } else if (index <= furthest) {
      report('out-of-order', child, `<Requirements> 中 <${child.name}> 位置错误或重复（顺序：Sets → Methods）。`,
        `<${child.name}> in <Requirements> is out of order or repeated (order: Sets → Methods).`);
    } else {
      furthest = index;
    }
  }

  const sets = requirements.children.find((c) => c.name === 'Sets');
  if (!sets) {
    report('missing-element', missingChildSite(requirements, 'Sets'), `<Requirements> 缺少 <Sets>（本项目要求声明 ExcelApi）。`,
      `<Requirements> lacks <Sets> (this project requires the ExcelApi set).`);
    return;
  }
  const defaultMin = sets.attrs['DefaultMinVersion'];
  if (defaultMin !== undefined && !REQUIREMENT_VERSION_PATTERN.test(defaultMin)) {
    report('bad-requirement', attributeSite(sets, 'DefaultMinVersion'), `DefaultMinVersion 必须形如 1.1，实际为 "${defaultMin}"。`,
      `DefaultMinVersion must look like 1.1, found "${defaultMin}".`);
  }
  if (sets.children.length === 0) {
    report('missing-element', missingChildSite(sets, 'Set'), `<Sets> 至少要包含一个 <Set>。`, `<Sets> must contain at least one <Set>.`);
  }
  for (const set of sets.children) {
    if (set.name !== 'Set') {
      report('unknown-element', set, `<Sets> 只能包含 <Set>，发现 <${set.name}>。`,
        `<Sets> may only contain <Set>, found <${set.name}>.`);
      continue;
    }
    if (!set.attrs['Name']) {
      report('missing-attribute', attributeSite(set, 'Name'), `<Set> 缺少 Name 属性。`, `<Set> lacks the Name attribute.`);
    }
    const min = set.attrs['MinVersion'];
    if (min !== undefined && !REQUIREMENT_VERSION_PATTERN.test(min)) {
      report('bad-requirement', attributeSite(set, 'MinVersion'), `<Set> 的 MinVersion 必须形如 1.1，实际为 "${min}"。`,
        `<Set> MinVersion must look like 1.1, found "${min}".`);
    }
  }
  if (!sets.children.some((s) => s.name === 'Set' && s.attrs['Name'] === 'ExcelApi')) {
    report('no-excel-requirement', sets, `<Sets> 必须包含 <Set Name="ExcelApi" …/>（本项目要求）。`,
      `<Sets> must include <Set Name="ExcelApi" …/> (required by this project).`);
  }
}

function checkDefaultSettings(settings: XmlElement | undefined, report: Report): void {
  if (!settings) return;
  let sourceLocations = 0;
  for (const child of settings.children) {
    if (child.name === 'SourceLocation') {
      sourceLocations += 1;
      if (sourceLocations === 1) {
        checkLocaleAware(child, (v, site, l) => checkHttpsUrl(v, site, l, report), report);
      } else {
        report('duplicate-element', child, `<SourceLocation> 只能出现一次。`,
          `<SourceLocation> may appear only once.`);
      }
    } else {
      report('unknown-element', child,
        `任务窗格加载项的 <DefaultSettings> 只能包含 <SourceLocation>，发现 <${child.name}>。`,
        `<DefaultSettings> of a task pane add-in may only contain <SourceLocation>, found <${child.name}>.`);
    }
  }
  if (sourceLocations === 0) {
    report('missing-element', missingChildSite(settings, 'SourceLocation'), `<DefaultSettings> 缺少必需元素 <SourceLocation>。`,
      `<DefaultSettings> lacks the required element <SourceLocation>.`);
  }
}
