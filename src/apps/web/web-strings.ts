import type { Language } from '../../core/i18n/message';

/** The words of the web app's shell, in both languages (zh-CN first). */
export interface WebStrings {
  readonly title: string;
  readonly intro: string;
  readonly comingHeading: string;
  readonly coming: readonly string[];
  readonly nowHeading: string;
  readonly addin: string;
  readonly manifest: string;
  readonly api: string;
}

export const webStrings: Readonly<Record<Language, WebStrings>> = {
  'zh-CN': {
    title: '新平妇女儿童发展规划监测',
    intro: '这是共享端点的网页。各单位目前通过 Excel 加载项或 .xlsx 模板填报；网页版正在建设中。',
    comingHeading: '即将提供',
    coming: ['单位填报门户：下载本单位模板、在浏览器中核对、提交、查看退回意见', '统计局工作台：报送进度、审核、汇总、进展预警、中期（2025年）与终期（2030年）评估表'],
    nowHeading: '现在可以使用',
    addin: 'Excel 加载项（任务窗格）',
    manifest: '加载项清单 manifest.xml',
    api: '接口说明（OpenAPI）',
  },
  'en-US': {
    title: 'Xinping women\u2019s and children\u2019s plan monitoring',
    intro: 'This is the shared endpoint\u2019s web page. Organisations report through the Excel add-in or the .xlsx templates; the web app is being built.',
    comingHeading: 'Coming',
    coming: ['The department portal: download your template, check it in the browser, submit, read the bureau\u2019s comments', 'The bureau\u2019s workspace: who has reported, review, consolidation, early warnings, the 2025 mid-term and 2030 final evaluation tables'],
    nowHeading: 'Available now',
    addin: 'The Excel add-in (task pane)',
    manifest: 'The add-in manifest (manifest.xml)',
    api: 'The API (OpenAPI)',
  },
};

/** The browser's language when it is English, else Chinese. */
export function pickWebLanguage(languages: readonly string[]): Language {
  return languages[0]?.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}
