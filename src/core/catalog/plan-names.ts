import type { PlanId } from './indicator-schema';

/*
 * Kept apart from the zod schemas: the task pane's first screen (its strings) imports the names, and must
 * not pull zod in with them.
 */

/** The plans as people name them in a sentence (the full titles are in the catalog files). One place for every view and message. */
export const PLAN_SHORT_NAMES: Readonly<Record<PlanId, { readonly zh: string; readonly en: string }>> = {
  women: { zh: '妇女发展规划', en: 'Women\u2019s Development Plan' },
  children: { zh: '儿童发展规划', en: 'Children\u2019s Development Plan' },
};

/** The short plan names in one language. */
export function planNamesIn(language: 'zh-CN' | 'en-US'): Record<PlanId, string> {
  return { women: PLAN_SHORT_NAMES.women[language === 'en-US' ? 'en' : 'zh'], children: PLAN_SHORT_NAMES.children[language === 'en-US' ? 'en' : 'zh'] };
}
