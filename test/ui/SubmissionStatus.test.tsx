/**
 * @jest-environment jsdom
 */
import { describe, expect, it } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { SubmissionStatusBadge, SubmissionStatusMessage } from '../../src/ui/SubmissionStatus';
import { statusBadgeStrings, submissionStrings } from '../../src/ui/submission-strings';
import { detailOf, eventOf } from './submission-fixtures';

const inFluent = (children: ReactNode) => render(<FluentProvider theme={webLightTheme}>{children}</FluentProvider>);
const zhTime = (iso: string) => submissionStrings['zh-CN'].formatTime(Date.parse(iso));
const enTime = (iso: string) => submissionStrings['en-US'].formatTime(Date.parse(iso));

const UPLOADED = '2026-02-25T08:00:00.000Z';
const RETURNED = '2026-02-27T10:30:00.000Z';
const APPROVED = '2026-03-02T16:05:00.000Z';
const COMMENT = '请核实C-WEL-16的数据来源后重新报送';

const submitted = detailOf('submitted', [eventOf('submitted', 1, '2026-02-20T08:00:00.000Z'), eventOf('submitted', 2, UPLOADED)]);
const returned = detailOf('returned', [eventOf('submitted', 2, UPLOADED), eventOf('returned', 2, RETURNED, COMMENT)]);
const approved = detailOf('approved', [eventOf('submitted', 2, UPLOADED), eventOf('approved', 2, APPROVED)]);

/** The message bar (role group) holding a text. */
const barWith = (text: string) => screen.getByText(text).closest('[role="group"]') as HTMLElement;

describe('SubmissionStatusMessage', () => {
  it('zh-CN: awaiting review, with the version and when it was submitted', () => {
    inFluent(<SubmissionStatusMessage submission={submitted} strings={submissionStrings['zh-CN']} />);
    expect(screen.getByText(`已提交第 2 版（${zhTime(UPLOADED)}），等待统计局审核。`)).toBeInTheDocument();
  });

  it('zh-CN: returned, dated by the bureau\'s decision, with its comment and what to do', () => {
    inFluent(<SubmissionStatusMessage submission={returned} strings={submissionStrings['zh-CN']} />);
    const bar = barWith('统计局已退回报表');
    expect(screen.getByText(`第 2 版于 ${zhTime(RETURNED)} 被退回。`)).toBeInTheDocument();
    expect(screen.getByText(`退回意见：${COMMENT}`).tagName).toBe('STRONG');
    expect(bar).toHaveTextContent('请按意见修改工作表，检查通过后重新提交。');
    expect(bar).not.toHaveTextContent(zhTime(UPLOADED));
  });

  it('zh-CN: returned without a comment says to ask the bureau', () => {
    inFluent(<SubmissionStatusMessage submission={detailOf('returned', [eventOf('returned', 2, RETURNED, '')])} strings={submissionStrings['zh-CN']} />);
    expect(screen.getByText('统计局未填写退回意见，请与统计局联系。')).toBeInTheDocument();
  });

  it('zh-CN: approved and locked, with the version approved', () => {
    inFluent(<SubmissionStatusMessage submission={approved} strings={submissionStrings['zh-CN']} />);
    const bar = barWith('已审核通过（已锁定）');
    expect(bar).toHaveTextContent(`第 2 版已于 ${zhTime(APPROVED)} 由统计局审核通过并锁定，不能再提交新版本。`);
  });

  it('en-US: the three states in English', () => {
    const { unmount } = inFluent(<SubmissionStatusMessage submission={submitted} strings={submissionStrings['en-US']} />);
    expect(screen.getByText(`Version 2 submitted (${enTime(UPLOADED)}); awaiting review by the statistics bureau.`)).toBeInTheDocument();
    unmount();

    const second = inFluent(<SubmissionStatusMessage submission={returned} strings={submissionStrings['en-US']} />);
    const bar = barWith('Returned by the statistics bureau');
    expect(bar).toHaveTextContent(`Version 2 was returned on ${enTime(RETURNED)}.`);
    expect(bar).toHaveTextContent(`Comment: ${COMMENT}`);
    expect(bar).toHaveTextContent('Fix the sheet as asked, check it, and submit again.');
    second.unmount();

    inFluent(<SubmissionStatusMessage submission={approved} strings={submissionStrings['en-US']} />);
    expect(barWith('Approved (locked)')).toHaveTextContent(`Version 2 was approved by the statistics bureau on ${enTime(APPROVED)} and is locked`);
  });
});

describe('SubmissionStatusBadge', () => {
  it.each([
    ['submitted', '待审核', 'Awaiting review'],
    ['returned', '已退回', 'Returned'],
    ['approved', '已通过 · 已锁定', 'Approved · locked'],
  ] as const)('%s: "%s" / "%s"', (status, zh, en) => {
    const { unmount } = inFluent(<SubmissionStatusBadge status={status} labels={statusBadgeStrings['zh-CN']} />);
    expect(screen.getByText(zh)).toBeInTheDocument();
    unmount();
    inFluent(<SubmissionStatusBadge status={status} labels={statusBadgeStrings['en-US']} />);
    expect(screen.getByText(en)).toBeInTheDocument();
  });
});
