import type { FrameLocator, Locator, Page } from 'playwright-core';

/** Where a page object looks: the pane's frame, a plain page (outside Excel), or a part of either. */
export type Root = Page | FrameLocator | Locator;

/** Stands for "any text" in a string built by one of the strings files' functions (see `pattern`). */
export const ANY_TEXT = '\u0000any-text\u0000';
/** Stands for "any count" in a string built by one of the strings files' functions (see `pattern`). */
export const ANY_COUNT = 987_654_321;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A RegExp for a text the strings files build with a function, where a part is not known in advance: call
 * the function with ANY_TEXT (a time, a name) or ANY_COUNT (a count) in that place — e.g.
 * `pattern(t.statusSubmitted(3, ANY_TEXT))` matches "已提交第 3 版（2026年3月1日 16:00:00），等待统计局审核。".
 * Whole text by default (`anchored`), or anywhere in an element's text.
 */
export function pattern(text: string, { anchored = true } = {}): RegExp {
  const body = escape(text).replaceAll(escape(ANY_TEXT), '.+').replaceAll(String(ANY_COUNT), '\\d+');
  return new RegExp(anchored ? `^${body}$` : body);
}
