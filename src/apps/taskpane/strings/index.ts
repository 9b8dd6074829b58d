/**
 * Every user-visible string of the task pane, in zh-CN (default) and en-US: this folder is the one place.
 * Each view's strings live in their own typed file (fill-strings.ts …) and are joined here into `UiStrings`.
 * Components receive a `UiStrings` object; they never hard-code text.
 */
import type { NotInExcelReason } from '../view';
import { DEFAULT_LOCALE, type Locale } from './locale';
import { checkStrings, type CheckStrings } from './check-strings';
import { fillStrings, type FillStrings } from './fill-strings';
import { shellStrings, type ShellStrings } from './shell-strings';
import { settingsStrings, type SettingsStrings } from './settings-strings';
import { submitStrings, type SubmitStrings } from './submit-strings';

export { DEFAULT_LOCALE, type Locale } from './locale';

export interface NotInExcelStrings {
  heading: string;
  intro: string;
  reason: Record<Exclude<NotInExcelReason, 'other-host'>, string> & {
    'other-host': (host: string) => string;
  };
  howToHeading: string;
  steps: readonly string[];
  note: string;
}

export interface UiStrings {
  /** Product name, as in the manifest's DisplayName. */
  productTitle: string;
  /** The page's <title>. */
  documentTitle: string;
  notInExcel: NotInExcelStrings;
  shell: ShellStrings;
  fill: FillStrings;
  check: CheckStrings;
  submit: SubmitStrings;
  settings: SettingsStrings;
}

const zhCN: UiStrings = {
  productTitle: '新平妇女儿童发展规划监测填报',
  documentTitle: '新平妇女儿童发展规划监测填报',
  notInExcel: {
    heading: '此页面是 Excel 加载项',
    intro: '“新平妇女儿童发展规划监测填报”是 Excel 的任务窗格加载项，需要在 Excel 中打开，直接在浏览器中打开此页面无法使用。',
    reason: {
      'office-unavailable': '未能加载 Office.js（可能处于离线状态，或网络阻止了微软的 Office.js 地址）。',
      'no-host': '当前页面不在任何 Office 应用程序中运行。',
      'other-host': (host) => `当前页面运行在 ${host} 中，本加载项只支持 Excel。`,
    },
    howToHeading: '如何加载（旁加载 manifest.xml）',
    steps: [
      'Excel 网页版：打开任一工作簿，选择“开始”→“加载项”→“更多加载项”→“我的加载项”→“上传我的加载项”，再选择 manifest.xml。',
      'Excel 桌面版（Windows）：把 manifest.xml 放到一个共享文件夹，在“文件”→“选项”→“信任中心”→“信任中心设置”→“受信任的加载项目录”中添加该共享文件夹的网络路径并勾选“显示在菜单中”；重启 Excel 后，在“开始”→“加载项”→“更多加载项”→“共享文件夹”中选择本加载项。',
      'Excel 桌面版（Mac）：把 manifest.xml 复制到 ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef 文件夹，重启 Excel 后在“开始”→“加载项”中选择本加载项。',
    ],
    note: '加载项页面必须通过 manifest.xml 中 SourceLocation 指定的 HTTPS 地址提供（开发时为 https://localhost:3000/taskpane.html）。',
  },
  shell: shellStrings['zh-CN'],
  fill: fillStrings['zh-CN'],
  check: checkStrings['zh-CN'],
  submit: submitStrings['zh-CN'],
  settings: settingsStrings['zh-CN'],
};

const enUS: UiStrings = {
  productTitle: 'Xinping Women and Children Plan Monitoring',
  documentTitle: 'Xinping Women and Children Plan Monitoring',
  notInExcel: {
    heading: 'This page is an Excel add-in',
    intro: 'Xinping Women and Children Plan Monitoring is an Excel task pane add-in. It has to be opened inside Excel; opened directly in a browser, this page cannot be used.',
    reason: {
      'office-unavailable': 'Office.js could not be loaded (you may be offline, or the network blocks Microsoft\u2019s Office.js address).',
      'no-host': 'This page is not running inside an Office application.',
      'other-host': (host) => `This page is running in ${host}; the add-in supports Excel only.`,
    },
    howToHeading: 'How to load it (sideload manifest.xml)',
    steps: [
      'Excel on the web: open any workbook, choose Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in, and pick manifest.xml.',
      'Excel desktop (Windows): put manifest.xml in a shared folder, add that share\u2019s network path under File → Options → Trust Center → Trust Center Settings → Trusted Add-in Catalogs and tick “Show in Menu”; restart Excel, then choose the add-in under Home → Add-ins → More Add-ins → Shared Folder.',
      'Excel desktop (Mac): copy manifest.xml to the folder ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef, restart Excel, then choose the add-in under Home → Add-ins.',
    ],
    note: 'The add-in page must be served from the HTTPS address given as SourceLocation in manifest.xml (https://localhost:3000/taskpane.html during development).',
  },
  shell: shellStrings['en-US'],
  fill: fillStrings['en-US'],
  check: checkStrings['en-US'],
  submit: submitStrings['en-US'],
  settings: settingsStrings['en-US'],
};

export const strings: Readonly<Record<Locale, UiStrings>> = { 'zh-CN': zhCN, 'en-US': enUS };

/**
 * The UI language for Office's display language (`Office.context.displayLanguage`, e.g. 'en-GB'):
 * English for any English variant, Chinese (the default) for everything else or when unknown.
 */
export function pickLocale(displayLanguage: string | null | undefined): Locale {
  if (displayLanguage && /^en(?:[-_]|$)/i.test(displayLanguage.trim())) return 'en-US';
  return DEFAULT_LOCALE;
}
