import { describe, expect, it } from '@jest/globals';
import { strings } from '../../src/apps/taskpane/strings';
import { statusBadgeStrings, submissionStrings } from '../../src/ui/submission-strings';

describe('the ui\'s submission strings', () => {
  it.each(['zh-CN', 'en-US'] as const)('%s: the task pane says what the web app says (its submit strings carry these very texts)', (language) => {
    const shared = submissionStrings[language];
    expect(Object.keys(shared).length).toBeGreaterThan(10);
    for (const [key, text] of Object.entries(shared)) expect({ key, text: strings[language].submit[key as keyof typeof shared] }).toEqual({ key, text });
  });

  it('has a badge label for every review status in both languages, and the languages differ', () => {
    expect(Object.keys(statusBadgeStrings['zh-CN']).sort()).toEqual(['approved', 'returned', 'submitted']);
    expect(Object.keys(statusBadgeStrings['en-US']).sort()).toEqual(['approved', 'returned', 'submitted']);
    for (const status of ['submitted', 'returned', 'approved'] as const) expect(statusBadgeStrings['zh-CN'][status]).not.toBe(statusBadgeStrings['en-US'][status]);
  });

  it('formats times to the second in each language', () => {
    const at = Date.UTC(2026, 2, 1, 8, 5, 9);
    expect(submissionStrings['zh-CN'].formatTime(at)).toMatch(/^2026年3月1日 \d{2}:05:09$/);
    expect(submissionStrings['en-US'].formatTime(at)).toMatch(/^1 Mar 2026, \d{2}:05:09$/);
  });
});
