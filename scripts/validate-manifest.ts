/**
 * The add-in manifest, offline: check it, or write a copy for a deployment.
 *
 *   npm run validate    = tsx scripts/validate-manifest.ts manifest.xml
 *       checks manifest.xml: the structure of <OfficeApp> (./manifest-check.ts), the add-in commands in
 *       <VersionOverrides> (below) and the icon files in assets/ it names; a Chinese + English report,
 *       exit 1 when there are problems
 *   npm run manifest -- --base https://tianbao.example.gov.cn
 *                       = tsx scripts/validate-manifest.ts manifest.xml --out dist/manifest.xml --base …
 *       writes dist/manifest.xml with every https://localhost:3000 replaced by the deployment's origin (or
 *       origin + path), after checking the result; nothing is written when it has problems
 *
 * Options: --assets <dir> (default: assets/ next to the manifest), --base <https URL>, --out <file>.
 * Exit codes: 0 valid (and written), 1 problems found, 2 unusable arguments or unreadable file.
 *
 * The <VersionOverrides> checks follow Microsoft's schemas TaskPaneAppVersionOverridesV1_0.xsd and
 * OfficeAppBasicTypesV1_0.xsd (github.com/OfficeDev/office-js-docs-pr, docs/overview/schemas/taskpane):
 * element order and required elements, every `resid` defined in the right resource collection (short
 * string, long string, URL, image), resource ids of 1–32 characters, ShortString ≤ 125 and LongString ≤ 250
 * characters, https URLs, icon sizes (16, 32 and 80 mandatory; 20, 24, 40, 48, 64 optional), the built-in
 * Excel tab ids (learn.microsoft.com/office/dev/add-ins/develop/built-in-ui-ids). The icon files must exist
 * in assets/ as PNGs of the declared size: IconUrl 32×32 and HighResolutionIconUrl 64×64 for a task pane
 * add-in (manifest reference, IconUrl/HighResolutionIconUrl), ribbon images at their `size`, each under 100 KB.
 * Microsoft's own validator (`npm run validate:online`) needs the internet. The XML is parsed by ./manifest-xml.ts,
 * the same parser as manifest-check.ts uses; the length and URL checks are manifest-check.ts's. Every problem is
 * printed with the file, line and column of the element or attribute concerned (`manifest.xml:19:3`; a missing
 * element at its parent's), then its element path, code and message, once in Chinese and once in English.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  checkHttpsUrl,
  checkLength,
  CULTURE_NAME_PATTERN,
  findManifestProblems,
  LONG_STRING_MAX,
  type ManifestProblem,
  type ProblemCode,
  type Report as ReportOf,
  SHORT_STRING_MAX,
} from './manifest-check';
import { attributeSite, missingChildSite, parseXmlRoot, type Site, type XmlElement } from './manifest-xml';

export const VERSION_OVERRIDES_NAMESPACE = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';
export const BASIC_TYPES_NAMESPACE = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';

/** What the development manifest points at; `--base` replaces it. */
export const DEVELOPMENT_ORIGIN = 'https://localhost:3000';

/** Ribbon image sizes (ImageResourceReference): 16, 32 and 80 are mandatory, the others optional. */
export const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80] as const;
export const MANDATORY_ICON_SIZES = [16, 32, 80] as const;
/** "The image file size should not exceed 100KB" (ImageResources in OfficeAppBasicTypesV1_0.xsd). */
export const ICON_FILE_MAX_BYTES = 100 * 1024;
/** IconUrl and HighResolutionIconUrl of a task pane add-in. */
export const APP_ICON_SIZES = { IconUrl: 32, HighResolutionIconUrl: 64 } as const;

/** Built-in ribbon tabs and context menus of Excel an add-in may extend. */
export const EXCEL_TABS = [
  'TabHome', 'TabInsert', 'TabPageLayoutExcel', 'TabFormulas', 'TabData', 'TabReview', 'TabView', 'TabDeveloper', 'TabAddIns',
  'TabPrintPreview', 'TabBackgroundRemoval',
] as const;
export const EXCEL_CONTEXT_MENUS = ['ContextMenuText', 'ContextMenuCell'] as const;

/** Resource ids (bt:Images, bt:Urls, bt:ShortStrings, bt:LongStrings): 1 to 32 characters. */
const REFERENCE_ID_MAX = 32;

export type ValidationCode =
  | ProblemCode
  | 'no-version-overrides'
  | 'bad-overrides-type'
  | 'bad-xsi-type'
  | 'bad-tab'
  | 'duplicate-id'
  | 'bad-resid'
  | 'duplicate-resid'
  | 'undefined-resid'
  | 'bad-icon-size'
  | 'missing-icon-size'
  | 'no-ribbon-button'
  | 'taskpane-url-mismatch'
  | 'icon-not-in-assets'
  | 'icon-file-missing'
  | 'icon-not-png'
  | 'icon-dimensions'
  | 'icon-too-large';

/** A problem with its element path (e.g. `OfficeApp/VersionOverrides/Resources/ShortStrings/String[2]`), line and column. */
export type ValidationProblem = ManifestProblem<ValidationCode>;

/** The two lines `npm run validate` prints for a problem of `file`: `file:line:col [path] (code)` and the Chinese, then the English. */
export function formatProblem(problem: ValidationProblem, file: string): [zh: string, en: string] {
  const where = `${file}:${problem.line}:${problem.col} [${problem.path}] (${problem.code})`;
  return [`${where} ${problem.zh}`, `${where} ${problem.en}`];
}

// ---- the whole check --------------------------------------------------------------------------

/**
 * Every problem of a manifest: <OfficeApp> (manifest-check.ts), <VersionOverrides>, and — when
 * `assetsDir` is given — the icon files. [] means valid.
 */
export function validateManifest(xml: string, options: { assetsDir?: string } = {}): ValidationProblem[] {
  const base = findManifestProblems(xml);
  if (base.some((p) => p.code === 'xml-malformed' || p.code === 'root-not-officeapp')) return base;
  return [
    ...base,
    ...findVersionOverridesProblems(xml),
    ...(options.assetsDir === undefined ? [] : findIconFileProblems(xml, options.assetsDir)),
  ];
}

// ---- <VersionOverrides> -----------------------------------------------------------------------

type Kind = 'short' | 'long' | 'url' | 'image';
const COLLECTIONS: Record<Kind, { collection: string; item: string; label: string }> = {
  image: { collection: 'Images', item: 'Image', label: '<bt:Images>' },
  url: { collection: 'Urls', item: 'Url', label: '<bt:Urls>' },
  short: { collection: 'ShortStrings', item: 'String', label: '<bt:ShortStrings>' },
  long: { collection: 'LongStrings', item: 'String', label: '<bt:LongStrings>' },
};

interface Slot {
  local: string;
  ns: string;
  min: 0 | 1;
  /** 1, or Infinity for unbounded. */
  max: number;
}

const vo = (local: string, min: 0 | 1 = 0, max = 1): Slot => ({ local, ns: VERSION_OVERRIDES_NAMESPACE, min, max });
const bt = (local: string, min: 0 | 1 = 0, max = 1): Slot => ({ local, ns: BASIC_TYPES_NAMESPACE, min, max });

type Report = ReportOf<ValidationCode>;
const collect = (problems: ValidationProblem[]): Report => (code, { path, line, col }, zh, en) => {
  problems.push({ code, path, line, col, zh, en });
};

/** Walks <VersionOverrides> (TaskPaneApp, v1.0) and returns its problems. */
export function findVersionOverridesProblems(xml: string): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const report = collect(problems);
  const root = parseXmlRoot(xml);
  if (!root || root.local !== 'OfficeApp') return problems; // manifest-check reports these

  const overrides = root.children.filter((c) => c.local === 'VersionOverrides');
  const node = overrides[0];
  if (!node) {
    report('no-version-overrides', missingChildSite(root, 'VersionOverrides'),
      '缺少 <VersionOverrides>（本项目要求：“开始”选项卡上打开任务窗格的“监测填报”按钮）。',
      'Missing <VersionOverrides> (required by this project: the Plan monitoring button on the Home tab that opens the task pane).');
    return problems;
  }
  if (node.ns !== VERSION_OVERRIDES_NAMESPACE) {
    report('wrong-namespace', node, `<VersionOverrides> 的命名空间必须是 ${VERSION_OVERRIDES_NAMESPACE}，实际为 "${node.ns}"。`,
      `<VersionOverrides> must be in the namespace ${VERSION_OVERRIDES_NAMESPACE}, found "${node.ns}".`);
    return problems;
  }
  if (node.xsiType !== 'VersionOverridesV1_0') {
    report('bad-overrides-type', attributeSite(node, 'xsi:type'), `<VersionOverrides> 的 xsi:type 必须是 "VersionOverridesV1_0"（任务窗格加载项），实际为 ${JSON.stringify(node.xsiType ?? null)}。`,
      `<VersionOverrides> must have xsi:type="VersionOverridesV1_0" (task pane add-in), found ${JSON.stringify(node.xsiType ?? null)}.`);
    return problems;
  }

  const context = new OverridesChecker(report);
  context.checkVersionOverrides(node);
  context.checkReferences();
  context.checkTaskpaneUrl(root);
  return problems;
}

class OverridesChecker {
  /** The resources defined, by kind and id: the DefaultValue and where it stands. */
  private readonly definitions: Record<Kind, Map<string, { value: string; site: Site }>> = {
    short: new Map(), long: new Map(), url: new Map(), image: new Map(),
  };
  private readonly references: Array<{ kind: Kind; resid: string; site: Site; label: string }> = [];
  private readonly controlIds = new Map<string, Site>();
  private readonly groupIds = new Map<string, Site>();
  private readonly taskpaneResids: string[] = [];
  private hasFunctionFile = false;

  constructor(private readonly report: Report) {}

  /** Checks the children of `element` against a schema sequence; returns the children by slot. */
  private sequence(element: XmlElement, slots: readonly Slot[]): Map<string, XmlElement[]> {
    const bySlot = new Map<string, XmlElement[]>(slots.map((s) => [s.local, []]));
    let furthest = -1;
    const order = slots.map((s) => s.local).join(' → ');
    for (const child of element.children) {
      const index = slots.findIndex((s) => s.local === child.local);
      const slot = slots[index];
      if (!slot) {
        this.report('unknown-element', child, `<${element.local}> 不允许子元素 <${child.name}>（允许：${order}）。`,
          `<${child.name}> is not an allowed child of <${element.local}> (allowed: ${order}).`);
        continue;
      }
      if (child.ns !== slot.ns) {
        const prefix = slot.ns === BASIC_TYPES_NAMESPACE ? 'bt:' : '';
        this.report('wrong-namespace', child, `<${child.name}> 的命名空间错误：应为 <${prefix}${slot.local}>（${slot.ns}）。`,
          `<${child.name}> is in the wrong namespace: expected <${prefix}${slot.local}> (${slot.ns}).`);
      }
      const list = bySlot.get(slot.local) ?? [];
      list.push(child);
      bySlot.set(slot.local, list);
      if (list.length === slot.max + 1) {
        this.report('duplicate-element', child, `<${child.local}> 在 <${element.local}> 中只能出现一次。`,
          `<${child.local}> may appear only once in <${element.local}>.`);
      }
      if (index < furthest) {
        this.report('out-of-order', child, `<${element.local}> 中元素顺序错误：<${child.local}> 必须位于 <${slots[furthest]?.local ?? '?'}> 之前（顺序：${order}）。`,
          `Wrong element order in <${element.local}>: <${child.local}> must come before <${slots[furthest]?.local ?? '?'}> (order: ${order}).`);
      } else {
        furthest = index;
      }
    }
    for (const slot of slots) {
      if (slot.min === 1 && (bySlot.get(slot.local) ?? []).length === 0) {
        this.report('missing-element', missingChildSite(element, slot.local), `<${element.local}> 缺少必需元素 <${slot.local}>。`,
          `<${element.local}> lacks the required element <${slot.local}>.`);
      }
    }
    return bySlot;
  }

  private attribute(element: XmlElement, name: string): string | undefined {
    const value = element.attrs[name];
    if (value === undefined || value === '') {
      this.report('missing-attribute', element, `<${element.name}> 缺少 ${name} 属性。`, `<${element.name}> lacks the ${name} attribute.`);
      return undefined;
    }
    return value;
  }

  private reference(element: XmlElement | undefined, kind: Kind): string | undefined {
    if (!element) return undefined;
    const resid = this.attribute(element, 'resid');
    if (resid === undefined) return undefined;
    this.references.push({ kind, resid, site: attributeSite(element, 'resid'), label: `<${element.name}>` });
    return resid;
  }

  private shortString(value: string, site: Site, label: string): void {
    checkLength(value, SHORT_STRING_MAX, site, label, this.report);
  }

  checkVersionOverrides(node: XmlElement): void {
    const parts = this.sequence(node, [
      vo('Description'), vo('Requirements'), vo('Hosts'), vo('Resources'), vo('WebApplicationInfo'), vo('EquivalentAddins'), vo('VersionOverrides'),
    ]);
    for (const description of parts.get('Description') ?? []) this.reference(description, 'long');
    const resources = parts.get('Resources')?.[0];
    if (resources) this.checkResources(resources);
    const hosts = parts.get('Hosts')?.[0];
    if (!hosts) {
      this.report('missing-element', missingChildSite(node, 'Hosts'), '<VersionOverrides> 缺少 <Hosts>（本项目要求：Excel 的功能区按钮）。',
        '<VersionOverrides> lacks <Hosts> (required by this project: the Excel ribbon button).');
      return;
    }
    this.checkHosts(hosts);
  }

  private checkHosts(hosts: XmlElement): void {
    const list = this.sequence(hosts, [vo('Host', 1, Infinity)]).get('Host') ?? [];
    let workbook = false;
    for (const host of list) {
      if (!host.xsiType || !['Workbook', 'Document', 'Presentation', 'Notebook'].includes(host.xsiType)) {
        this.report('bad-xsi-type', attributeSite(host, 'xsi:type'), `<Host> 的 xsi:type 无效：${JSON.stringify(host.xsiType ?? null)}（Excel 为 "Workbook"）。`,
          `<Host> has an invalid xsi:type: ${JSON.stringify(host.xsiType ?? null)} (Excel is "Workbook").`);
        continue;
      }
      if (host.xsiType === 'Workbook') workbook = true;
      const formFactors = this.sequence(host, [vo('AllFormFactors'), vo('DesktopFormFactor')]);
      for (const desktop of formFactors.get('DesktopFormFactor') ?? []) this.checkFormFactor(desktop, host.xsiType);
    }
    if (list.length > 0 && !workbook) {
      this.report('no-excel-host', hosts, '<VersionOverrides>/<Hosts> 必须包含 <Host xsi:type="Workbook">（本加载项用于 Excel）。',
        '<VersionOverrides>/<Hosts> must include <Host xsi:type="Workbook"> (this is an Excel add-in).');
    }
    if (this.taskpaneResids.length === 0) {
      this.report('no-ribbon-button', hosts, '没有打开任务窗格的功能区按钮（ShowTaskpane）（本项目要求）。',
        'No ribbon button opens the task pane (ShowTaskpane action) (required by this project).');
    }
  }

  private checkFormFactor(formFactor: XmlElement, host: string): void {
    const parts = this.sequence(formFactor, [vo('GetStarted'), vo('FunctionFile'), vo('ExtensionPoint', 1, Infinity)]);
    const getStarted = parts.get('GetStarted')?.[0];
    if (getStarted) {
      const items = this.sequence(getStarted, [vo('Title', 1), vo('Description', 1), vo('LearnMoreUrl', 1)]);
      this.reference(items.get('Title')?.[0], 'short');
      this.reference(items.get('Description')?.[0], 'long');
      this.reference(items.get('LearnMoreUrl')?.[0], 'url');
    }
    const functionFile = parts.get('FunctionFile')?.[0];
    if (functionFile) {
      this.hasFunctionFile = true;
      this.reference(functionFile, 'url');
    }
    for (const point of parts.get('ExtensionPoint') ?? []) {
      if (point.xsiType === 'PrimaryCommandSurface') {
        const tabs = this.sequence(point, [vo('OfficeTab', 0, Infinity), vo('CustomTab', 0, Infinity)]);
        for (const tab of tabs.get('OfficeTab') ?? []) {
          const id = this.attribute(tab, 'id');
          if (id !== undefined && host === 'Workbook' && !(EXCEL_TABS as readonly string[]).includes(id)) {
            this.report('bad-tab', attributeSite(tab, 'id'), `<OfficeTab id="${id}"> 不是 Excel 的内置选项卡（可用：${EXCEL_TABS.join('、')}）。`,
              `<OfficeTab id="${id}"> is not a built-in Excel tab (allowed: ${EXCEL_TABS.join(', ')}).`);
          }
          this.checkGroups(this.sequence(tab, [vo('Group', 1, Infinity)]).get('Group') ?? []);
        }
        for (const tab of tabs.get('CustomTab') ?? []) {
          const id = this.attribute(tab, 'id');
          if (id !== undefined) this.shortString(id, attributeSite(tab, 'id'), '<CustomTab> id');
          const parts = this.sequence(tab, [vo('Group', 1, Infinity), vo('Label', 1)]);
          this.checkGroups(parts.get('Group') ?? []);
          this.reference(parts.get('Label')?.[0], 'short');
        }
        if ((tabs.get('OfficeTab') ?? []).length + (tabs.get('CustomTab') ?? []).length === 0) {
          this.report('missing-element', missingChildSite(point, 'OfficeTab'), '<ExtensionPoint xsi:type="PrimaryCommandSurface"> 至少要包含一个 <OfficeTab> 或 <CustomTab>。',
            '<ExtensionPoint xsi:type="PrimaryCommandSurface"> needs at least one <OfficeTab> or <CustomTab>.');
        }
      } else if (point.xsiType === 'ContextMenu') {
        for (const menu of this.sequence(point, [vo('OfficeMenu', 1, Infinity)]).get('OfficeMenu') ?? []) {
          const id = this.attribute(menu, 'id');
          if (id !== undefined && host === 'Workbook' && !(EXCEL_CONTEXT_MENUS as readonly string[]).includes(id)) {
            this.report('bad-tab', attributeSite(menu, 'id'), `<OfficeMenu id="${id}"> 不是 Excel 的内置快捷菜单（可用：${EXCEL_CONTEXT_MENUS.join('、')}）。`,
              `<OfficeMenu id="${id}"> is not a built-in Excel context menu (allowed: ${EXCEL_CONTEXT_MENUS.join(', ')}).`);
          }
          this.checkControls(this.sequence(menu, [vo('Control', 1, Infinity)]).get('Control') ?? []);
        }
      } else {
        this.report('bad-xsi-type', attributeSite(point, 'xsi:type'), `<ExtensionPoint> 的 xsi:type 为 ${JSON.stringify(point.xsiType ?? null)}：本检查只支持 "PrimaryCommandSurface" 与 "ContextMenu"。`,
          `<ExtensionPoint> has xsi:type ${JSON.stringify(point.xsiType ?? null)}: this check supports "PrimaryCommandSurface" and "ContextMenu" only.`);
      }
    }
  }

  private checkGroups(groups: readonly XmlElement[]): void {
    for (const group of groups) {
      this.uniqueId(group, this.groupIds, '<Group>');
      const parts = this.sequence(group, [vo('Label', 1), vo('Icon', 1), vo('Control', 1, Infinity)]);
      this.reference(parts.get('Label')?.[0], 'short');
      const icon = parts.get('Icon')?.[0];
      if (icon) this.checkIcon(icon);
      this.checkControls(parts.get('Control') ?? []);
    }
  }

  private uniqueId(element: XmlElement, seen: Map<string, Site>, label: string): void {
    const id = this.attribute(element, 'id');
    if (id === undefined) return;
    this.shortString(id, attributeSite(element, 'id'), `${label} id`);
    const first = seen.get(id);
    if (first !== undefined) {
      this.report('duplicate-id', attributeSite(element, 'id'), `${label} 的 id "${id}" 重复（已用于第 ${first.line} 行的 ${first.path}）。`,
        `${label} id "${id}" is used twice (first at ${first.path}, line ${first.line}).`);
    } else {
      seen.set(id, attributeSite(element, 'id'));
    }
  }

  private checkControls(controls: readonly XmlElement[]): void {
    for (const control of controls) {
      this.uniqueId(control, this.controlIds, '<Control>');
      if (control.xsiType === 'Button') {
        const parts = this.sequence(control, [vo('Label', 1), vo('Supertip', 1), vo('Icon', 1), vo('Action', 1)]);
        this.checkControlCommon(parts);
        const action = parts.get('Action')?.[0];
        if (action) this.checkAction(action);
      } else if (control.xsiType === 'Menu') {
        const parts = this.sequence(control, [vo('Label', 1), vo('Supertip', 1), vo('Icon', 1), vo('Items', 1)]);
        this.checkControlCommon(parts);
        const items = parts.get('Items')?.[0];
        for (const item of items ? (this.sequence(items, [vo('Item', 1, Infinity)]).get('Item') ?? []) : []) {
          this.uniqueId(item, this.controlIds, '<Item>');
          const itemParts = this.sequence(item, [vo('Label', 1), vo('Supertip', 1), vo('Icon'), vo('Action', 1)]);
          this.checkControlCommon(itemParts);
          const action = itemParts.get('Action')?.[0];
          if (action) this.checkAction(action);
        }
      } else {
        this.report('bad-xsi-type', attributeSite(control, 'xsi:type'), `<Control> 的 xsi:type 必须是 "Button" 或 "Menu"，实际为 ${JSON.stringify(control.xsiType ?? null)}。`,
          `<Control> must have xsi:type "Button" or "Menu", found ${JSON.stringify(control.xsiType ?? null)}.`);
      }
    }
  }

  private checkControlCommon(parts: Map<string, XmlElement[]>): void {
    this.reference(parts.get('Label')?.[0], 'short');
    const supertip = parts.get('Supertip')?.[0];
    if (supertip) {
      const tip = this.sequence(supertip, [vo('Title', 1), vo('Description', 1)]);
      this.reference(tip.get('Title')?.[0], 'short');
      this.reference(tip.get('Description')?.[0], 'long');
    }
    const icon = parts.get('Icon')?.[0];
    if (icon) this.checkIcon(icon);
  }

  private checkAction(action: XmlElement): void {
    if (action.xsiType === 'ShowTaskpane') {
      const parts = this.sequence(action, [vo('TaskpaneId'), vo('SourceLocation', 1), vo('Title')]);
      const taskpaneId = parts.get('TaskpaneId')?.[0];
      if (taskpaneId) this.shortString(taskpaneId.text, taskpaneId, '<TaskpaneId>');
      const resid = this.reference(parts.get('SourceLocation')?.[0], 'url');
      if (resid !== undefined) this.taskpaneResids.push(resid);
      this.reference(parts.get('Title')?.[0], 'short');
    } else if (action.xsiType === 'ExecuteFunction') {
      const name = this.sequence(action, [vo('FunctionName', 1)]).get('FunctionName')?.[0];
      if (name) checkLength(name.text, LONG_STRING_MAX, name, '<FunctionName>', this.report);
      if (!this.hasFunctionFile) {
        this.report('missing-element', action, 'ExecuteFunction 需要 <DesktopFormFactor> 中的 <FunctionFile>。',
          'ExecuteFunction needs a <FunctionFile> in <DesktopFormFactor>.');
      }
    } else {
      this.report('bad-xsi-type', attributeSite(action, 'xsi:type'), `<Action> 的 xsi:type 必须是 "ShowTaskpane" 或 "ExecuteFunction"，实际为 ${JSON.stringify(action.xsiType ?? null)}。`,
        `<Action> must have xsi:type "ShowTaskpane" or "ExecuteFunction", found ${JSON.stringify(action.xsiType ?? null)}.`);
    }
  }

  private checkIcon(icon: XmlElement): void {
    const images = this.sequence(icon, [bt('Image', 1, Infinity)]).get('Image') ?? [];
    const sizes = new Set<number>();
    for (const image of images) {
      const size = Number(this.attribute(image, 'size'));
      if (!(ICON_SIZES as readonly number[]).includes(size)) {
        this.report('bad-icon-size', attributeSite(image, 'size'), `图标尺寸 ${image.attrs['size'] ?? ''} 无效（可用：${ICON_SIZES.join('、')}）。`,
          `Icon size ${image.attrs['size'] ?? ''} is not valid (allowed: ${ICON_SIZES.join(', ')}).`);
      } else if (sizes.has(size)) {
        this.report('duplicate-element', attributeSite(image, 'size'), `图标尺寸 ${size} 出现两次。`, `Icon size ${size} is listed twice.`);
      }
      sizes.add(size);
      this.reference(image, 'image');
    }
    const missing = MANDATORY_ICON_SIZES.filter((s) => !sizes.has(s));
    if (images.length > 0 && missing.length > 0) {
      this.report('missing-icon-size', icon, `<Icon> 缺少必需的尺寸 ${missing.join('、')}（必需：16、32、80）。`,
        `<Icon> lacks the mandatory size(s) ${missing.join(', ')} (mandatory: 16, 32, 80).`);
    }
  }

  private checkResources(resources: XmlElement): void {
    const parts = this.sequence(resources, [bt('Images'), bt('Urls'), bt('ShortStrings'), bt('LongStrings')]);
    for (const kind of ['image', 'url', 'short', 'long'] as const) {
      const { collection, item } = COLLECTIONS[kind];
      const list = parts.get(collection)?.[0];
      if (!list) continue;
      for (const entry of this.sequence(list, [bt(item, 0, Infinity)]).get(item) ?? []) this.checkResource(entry, kind);
    }
  }

  private checkResource(entry: XmlElement, kind: Kind): void {
    const { label } = COLLECTIONS[kind];
    const id = this.attribute(entry, 'id');
    const value = this.attribute(entry, 'DefaultValue');
    if (id !== undefined) {
      if ([...id].length > REFERENCE_ID_MAX) {
        this.report('bad-resid', attributeSite(entry, 'id'), `资源 id "${id}" 超过 ${REFERENCE_ID_MAX} 个字符。`, `Resource id "${id}" is longer than ${REFERENCE_ID_MAX} characters.`);
      }
      if (this.definitions[kind].has(id)) {
        this.report('duplicate-resid', attributeSite(entry, 'id'), `${label} 中的资源 id "${id}" 重复。`, `Resource id "${id}" is defined twice in ${label}.`);
      }
    }
    const checkValue = (v: string, site: Site, what: string) => {
      if (kind === 'short') checkLength(v, SHORT_STRING_MAX, site, what, this.report);
      else if (kind === 'long') checkLength(v, LONG_STRING_MAX, site, what, this.report);
      else checkHttpsUrl(v, site, what, this.report);
    };
    if (value !== undefined) checkValue(value, attributeSite(entry, 'DefaultValue'), `${label} "${id ?? '?'}"`);
    for (const override of this.sequence(entry, [bt('Override', 0, Infinity)]).get('Override') ?? []) {
      const locale = this.attribute(override, 'Locale');
      const overrideValue = this.attribute(override, 'Value');
      if (locale !== undefined && !CULTURE_NAME_PATTERN.test(locale)) {
        this.report('bad-locale', attributeSite(override, 'Locale'), `<Override> 的 Locale 不是有效的区域名称："${locale}"。`, `<Override> Locale is not a valid culture name: "${locale}".`);
      }
      if (overrideValue !== undefined) checkValue(overrideValue, attributeSite(override, 'Value'), `${label} "${id ?? '?'}" <Override>`);
    }
    if (id !== undefined && value !== undefined && !this.definitions[kind].has(id)) {
      this.definitions[kind].set(id, { value, site: attributeSite(entry, 'DefaultValue') });
    }
  }

  checkReferences(): void {
    for (const ref of this.references) {
      if (this.definitions[ref.kind].has(ref.resid)) continue;
      const elsewhere = (Object.keys(this.definitions) as Kind[]).find((k) => this.definitions[k].has(ref.resid));
      const where = COLLECTIONS[ref.kind].label;
      this.report('undefined-resid', ref.site,
        `${ref.label} 引用的 resid "${ref.resid}" 未在 ${where} 中定义${elsewhere ? `（它在 ${COLLECTIONS[elsewhere].label} 中，类型不符）` : ''}。`,
        `The resid "${ref.resid}" of ${ref.label} is not defined in ${where}${elsewhere ? ` (it is in ${COLLECTIONS[elsewhere].label}, the wrong kind)` : ''}.`);
    }
  }

  /** The ribbon button must open the page the manifest declares as the task pane (DefaultSettings). */
  checkTaskpaneUrl(root: XmlElement): void {
    const source = root.children.find((c) => c.local === 'DefaultSettings')?.children.find((c) => c.local === 'SourceLocation');
    const expected = source?.attrs['DefaultValue'];
    if (expected === undefined) return;
    for (const resid of this.taskpaneResids) {
      const url = this.definitions.url.get(resid);
      if (url && url.value !== expected) {
        this.report('taskpane-url-mismatch', url.site,
          `按钮打开的页面 ${url.value} 与 <DefaultSettings>/<SourceLocation> 的 ${expected} 不一致（本项目要求相同）。`,
          `The button opens ${url.value}, not the task pane of <DefaultSettings>/<SourceLocation> ${expected} (this project requires them to be the same).`);
      }
    }
  }
}

// ---- icon files -------------------------------------------------------------------------------

/**
 * The icons the manifest names must be PNG files in `assetsDir` (the folder webpack copies to the served
 * assets/): IconUrl 32×32, HighResolutionIconUrl 64×64, each ribbon image at the size it is used with,
 * each at most 100 KB. A URL is mapped to a file by what follows its last `/assets/`.
 */
export function findIconFileProblems(xml: string, assetsDir: string): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const report = collect(problems);
  const root = parseXmlRoot(xml);
  if (!root || root.local !== 'OfficeApp') return problems;

  const uses: IconUse[] = [];
  for (const [element, size] of Object.entries(APP_ICON_SIZES)) {
    const node = root.children.find((c) => c.local === element);
    if (node) uses.push(...urlsOf(node).map((u) => ({ ...u, size })));
  }
  uses.push(...ribbonImageUses(root));

  const checked = new Map<string, { width: number; height: number } | null>();
  for (const use of uses) {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(use.url).pathname);
    } catch {
      continue; // not a URL: reported by the structural checks
    }
    const at = pathname.lastIndexOf('/assets/');
    if (at < 0) {
      report('icon-not-in-assets', use.site, `图标 ${use.url} 不在 /assets/ 下，无法对照 assets/ 中的文件检查。`,
        `The icon ${use.url} is not under /assets/, so it cannot be checked against the files in assets/.`);
      continue;
    }
    const relative = pathname.slice(at + '/assets/'.length);
    const file = resolve(assetsDir, relative);
    if (!relative || relative.includes('..') || !existsSync(file) || !statSync(file).isFile()) {
      report('icon-file-missing', use.site, `图标文件 ${join(assetsDir, relative)} 不存在（${use.url}）。请运行 npm run icons。`,
        `The icon file ${join(assetsDir, relative)} does not exist (${use.url}). Run npm run icons.`);
      continue;
    }
    if (!checked.has(file)) {
      const content = readFileSync(file);
      const dimensions = pngDimensions(content);
      checked.set(file, dimensions);
      if (!dimensions) {
        report('icon-not-png', use.site, `图标文件 ${relative} 不是 PNG 图像。`, `The icon file ${relative} is not a PNG image.`);
      }
      if (content.length > ICON_FILE_MAX_BYTES) {
        report('icon-too-large', use.site, `图标文件 ${relative} 为 ${content.length} 字节，超过 100 KB。`,
          `The icon file ${relative} is ${content.length} bytes, more than 100 KB.`);
      }
    }
    const dimensions = checked.get(file);
    if (dimensions && (dimensions.width !== use.size || dimensions.height !== use.size)) {
      report('icon-dimensions', use.site, `图标 ${relative} 为 ${dimensions.width}×${dimensions.height} 像素，此处应为 ${use.size}×${use.size}。`,
        `The icon ${relative} is ${dimensions.width}×${dimensions.height} pixels; ${use.size}×${use.size} is required here.`);
    }
  }
  return problems;
}

interface IconUse {
  url: string;
  size: number;
  /** The DefaultValue or Override Value attribute that names the URL. */
  site: Site;
}

/** The URLs an element with a DefaultValue and <Override Value> children names, each with its attribute's site. */
function urlsOf(element: XmlElement): Array<{ url: string; site: Site }> {
  const urls: Array<{ url: string; site: Site }> = [];
  const value = element.attrs['DefaultValue'];
  if (value !== undefined) urls.push({ url: value, site: attributeSite(element, 'DefaultValue') });
  for (const override of element.children.filter((c) => c.local === 'Override')) {
    const overrideValue = override.attrs['Value'];
    if (overrideValue !== undefined) urls.push({ url: overrideValue, site: attributeSite(override, 'Value') });
  }
  return urls;
}

/** Ribbon images: each <bt:Image size resid> of an <Icon>, resolved to the URLs of its image resource. */
function ribbonImageUses(root: XmlElement): IconUse[] {
  const overrides = root.children.find((c) => c.local === 'VersionOverrides');
  if (!overrides) return [];
  const images = new Map<string, XmlElement>();
  const references: Array<{ resid: string; size: number }> = [];
  const walk = (node: XmlElement, parent: XmlElement | undefined) => {
    if (node.local === 'Image' && node.ns === BASIC_TYPES_NAMESPACE) {
      if (parent?.local === 'Images' && node.attrs['id'] !== undefined && !images.has(node.attrs['id'])) images.set(node.attrs['id'], node);
      if (parent?.local === 'Icon' && node.attrs['resid'] !== undefined) references.push({ resid: node.attrs['resid'], size: Number(node.attrs['size']) });
    }
    for (const child of node.children) walk(child, node);
  };
  walk(overrides, undefined);

  const uses: IconUse[] = [];
  const seen = new Set<string>();
  for (const { resid, size } of references) {
    const image = images.get(resid);
    if (!image || !(ICON_SIZES as readonly number[]).includes(size)) continue; // reported by findVersionOverridesProblems
    for (const { url, site } of urlsOf(image)) {
      if (seen.has(`${url}\0${size}`)) continue;
      seen.add(`${url}\0${size}`);
      uses.push({ url, size, site });
    }
  }
  return uses;
}

/** Width and height from a PNG's IHDR chunk; null when the bytes are not a PNG. */
export function pngDimensions(content: Buffer): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (content.length < 24 || signature.some((byte, i) => content[i] !== byte)) return null;
  if (content.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: content.readUInt32BE(16), height: content.readUInt32BE(20) };
}

// ---- deployment copy --------------------------------------------------------------------------

/** A `--base` that cannot be used, with the reason in both languages. */
export class BaseUrlError extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(en);
    this.name = 'BaseUrlError';
  }
}

/**
 * The manifest for a deployment: every https://localhost:3000 URL (task pane, icons, support page, ribbon
 * resources) with `base` in its place — an https origin, optionally with a path (https://host/tianbao) —
 * and <AppDomain> set to the base's origin. Throws BaseUrlError for anything but a plain https URL.
 */
export function rewriteManifestBase(xml: string, base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new BaseUrlError(`--base 不是有效的 URL："${base}"。`, `--base is not a valid URL: "${base}".`);
  }
  if (url.protocol !== 'https:') {
    throw new BaseUrlError(`--base 必须是 https 地址（Office 只加载 https 的加载项）："${base}"。`, `--base must be an https URL (Office loads add-ins over https only): "${base}".`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new BaseUrlError(`--base 只能是来源加可选路径，不能带查询、片段或用户信息："${base}"。`, `--base must be an origin with an optional path, without query, fragment or credentials: "${base}".`);
  }
  const prefix = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  const escaped = DEVELOPMENT_ORIGIN.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return xml
    .replace(new RegExp(`(<AppDomain>\\s*)${escaped}/?(\\s*</AppDomain>)`, 'g'), `$1${url.origin}$2`)
    .replace(new RegExp(`${escaped}(?=[/"'<\\s])`, 'g'), prefix);
}

// ---- command line -----------------------------------------------------------------------------

export interface CliOptions {
  file: string;
  assetsDir: string;
  base?: string;
  out?: string;
}

/** Parses `[manifest] [--assets dir] [--base url] [--out file]`; an error message for anything else. */
export function parseArgs(argv: readonly string[]): CliOptions | { error: string } {
  let file: string | undefined;
  const options: Partial<CliOptions> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = () => {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return undefined;
      i += 1;
      return next;
    };
    if (arg === '--base' || arg === '--out' || arg === '--assets') {
      const v = value();
      if (v === undefined) return { error: `${arg} 需要一个值 / ${arg} needs a value` };
      if (arg === '--base') options.base = v;
      else if (arg === '--out') options.out = v;
      else options.assetsDir = v;
    } else if (arg.startsWith('--base=') || arg.startsWith('--out=') || arg.startsWith('--assets=')) {
      const [name, ...rest] = arg.split('=');
      const v = rest.join('=');
      if (name === '--base') options.base = v;
      else if (name === '--out') options.out = v;
      else options.assetsDir = v;
    } else if (arg.startsWith('--')) {
      return { error: `未知选项 ${arg} / unknown option ${arg}` };
    } else if (file === undefined) {
      file = arg;
    } else {
      return { error: `多余的参数 ${arg} / unexpected argument ${arg}` };
    }
  }
  if (options.out !== undefined && options.base === undefined) {
    return { error: '写出部署用清单需要 --base <https 地址> / writing a deployment manifest needs --base <https URL>' };
  }
  const manifest = file ?? 'manifest.xml';
  return { file: manifest, assetsDir: options.assetsDir ?? join(dirname(manifest), 'assets'), ...(options.base ? { base: options.base } : {}), ...(options.out ? { out: options.out } : {}) };
}

function main(argv: readonly string[]): number {
  const options = parseArgs(argv);
  if ('error' in options) {
    console.error(`✘ ${options.error}`);
    console.error('用法 / usage: validate-manifest.ts [manifest.xml] [--assets <dir>] [--base <https URL> [--out <file>]]');
    return 2;
  }
  console.log(`清单检查 / Manifest check: ${options.file}${options.base ? ` → ${options.base}` : ''}`);

  let xml: string;
  try {
    xml = readFileSync(options.file, 'utf8');
  } catch (error) {
    console.error(`✘ 无法读取文件 / Cannot read the file: ${(error as Error).message}`);
    return 2;
  }
  if (options.base !== undefined) {
    try {
      xml = rewriteManifestBase(xml, options.base);
    } catch (error) {
      if (error instanceof BaseUrlError) {
        console.error(`✘ ${error.zh} / ${error.en}`);
        return 2;
      }
      throw error;
    }
  }

  const problems = validateManifest(xml, { assetsDir: options.assetsDir });
  if (problems.length > 0) {
    console.log(`✘ 发现 ${problems.length} 个问题。 / ${problems.length} problem(s) found:`);
    // In the order of the file, as a compiler lists them (the sort is stable: same place, order found).
    const inFileOrder = [...problems].sort((x, y) => x.line - y.line || x.col - y.col);
    for (const problem of inFileOrder) {
      for (const line of formatProblem(problem, options.file)) console.log(`  ${line}`);
    }
    if (options.out) console.log(`  未写出 ${options.out}。 / ${options.out} was not written.`);
    return 1;
  }

  console.log('✔ 通过：未发现问题。 / Passed: no problems found.');
  if (options.out) {
    mkdirSync(dirname(resolve(options.out)), { recursive: true });
    writeFileSync(options.out, xml);
    console.log(`✔ 已写出 / Written: ${options.out}`);
  }
  console.log('  注：这只是离线结构检查，发布前仍应使用微软的验证工具（npm run validate:online，需联网）。');
  console.log("  Note: this is an offline structural check only; run Microsoft's validator before publishing (npm run validate:online, needs the internet).");
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
