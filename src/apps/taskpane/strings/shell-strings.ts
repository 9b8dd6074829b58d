import type { Locale } from './locale';

/** The frame around the views: tabs, loading and failure states shared by every view. */
export interface ShellStrings {
  tabs: { fill: string; check: string; submit: string; settings: string };
  /** aria-label of the tab list. */
  tabListLabel: string;
  loading: string;
  /** A view's code could not be loaded (offline after an update, …). */
  viewFailed: string;
  retry: string;
  /** Something unexpected broke a view: nothing in the workbook was changed by the failure itself. */
  crashed: (detail: string) => string;
}

export const shellStrings: Readonly<Record<Locale, ShellStrings>> = {
  'zh-CN': {
    tabs: { fill: '填报', check: '检查', submit: '提交', settings: '设置' },
    tabListLabel: '功能',
    loading: '正在加载…',
    viewFailed: '此页面未能加载（可能网络已断开）。',
    retry: '重试',
    crashed: (detail) => `出现意外错误：${detail}。工作簿中已填写的内容不受影响，请点击“重试”。`,
  },
  'en-US': {
    tabs: { fill: 'Fill', check: 'Check', submit: 'Submit', settings: 'Settings' },
    tabListLabel: 'Features',
    loading: 'Loading…',
    viewFailed: 'This page could not be loaded (the network may be down).',
    retry: 'Retry',
    crashed: (detail) => `Something unexpected went wrong: ${detail}. What you entered in the workbook is not affected; choose Retry.`,
  },
};
