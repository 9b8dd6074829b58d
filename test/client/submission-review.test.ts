import { describe, expect, it } from '@jest/globals';
import { commentParts, reviewOf } from '../../src/client/submission-review';
import { detailOf, eventOf } from '../ui/submission-fixtures';

describe('reviewOf', () => {
  it('submitted: awaiting review, the current version since the last upload', () => {
    expect(reviewOf(detailOf('submitted', [eventOf('submitted', 2, '2026-02-25T08:00:00.000Z')]))).toEqual({ kind: 'awaitingReview', version: 2, at: '2026-02-25T08:00:00.000Z' });
  });

  it('returned: the version and time of the last return, with its comment (an empty one is none)', () => {
    const history = [eventOf('returned', 1, '2026-02-21T08:00:00.000Z', '第一次意见'), eventOf('submitted', 2, '2026-02-25T08:00:00.000Z'), eventOf('returned', 2, '2026-02-27T10:30:00.000Z', '第二次意见')];
    expect(reviewOf(detailOf('returned', history))).toEqual({ kind: 'returned', version: 2, at: '2026-02-27T10:30:00.000Z', comment: '第二次意见' });
    expect(reviewOf(detailOf('returned', [eventOf('returned', 2, '2026-02-27T10:30:00.000Z', '')]))).toMatchObject({ comment: null });
  });

  it('approved: the version and time of the approval; without the event in the history, the current version and last update', () => {
    expect(reviewOf(detailOf('approved', [eventOf('approved', 2, '2026-03-02T16:05:00.000Z')]))).toEqual({ kind: 'approved', version: 2, at: '2026-03-02T16:05:00.000Z' });
    expect(reviewOf(detailOf('approved', []))).toEqual({ kind: 'approved', version: 2, at: '2026-02-25T08:00:00.000Z' });
  });
});

describe('commentParts', () => {
  it('cuts a return comment into its text and the indicators it names, as typed and as catalog ids', () => {
    expect(commentParts('C-HEA-09 戛洒镇偏低；ｃ－ｈｅａ－０４请核实，W-DEC-04。')).toEqual([
      { kind: 'indicator', indicatorId: 'C-HEA-09', text: 'C-HEA-09' },
      { kind: 'text', text: ' 戛洒镇偏低；' },
      { kind: 'indicator', indicatorId: 'C-HEA-04', text: 'ｃ－ｈｅａ－０４' },
      { kind: 'text', text: '请核实，' },
      { kind: 'indicator', indicatorId: 'W-DEC-04', text: 'W-DEC-04' },
      { kind: 'text', text: '。' },
    ]);
    expect(commentParts('请补充数据来源')).toEqual([{ kind: 'text', text: '请补充数据来源' }]);
    expect(commentParts('C-HEA-091 不是编号')).toEqual([{ kind: 'text', text: 'C-HEA-091 不是编号' }]);
  });
});
