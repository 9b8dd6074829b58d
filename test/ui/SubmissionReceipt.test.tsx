/**
 * @jest-environment jsdom
 */
import { describe, expect, it } from '@jest/globals';
import { render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { SubmissionReceipt } from '../../src/ui/SubmissionReceipt';
import { submissionStrings } from '../../src/ui/submission-strings';
import { receiptOf } from './submission-fixtures';

const zh = submissionStrings['zh-CN'];
const en = submissionStrings['en-US'];
const inFluent = (children: ReactNode) => render(<FluentProvider theme={webLightTheme}>{children}</FluentProvider>);

describe('SubmissionReceipt', () => {
  it('zh-CN: version as its title; local time, counts, id and the start of the checksum (all of it on hover)', () => {
    const receipt = receiptOf();
    inFluent(<SubmissionReceipt receipt={receipt} strings={zh} />);
    const card = screen.getByRole('region', { name: '提交成功：第 3 版' });
    expect(within(card).getByRole('heading', { level: 3 })).toHaveTextContent('提交成功：第 3 版');
    expect(card).toHaveTextContent(`接收时间${zh.formatTime(Date.parse(receipt.receivedAt))}`);
    expect(card).toHaveTextContent('数据共 15 项：达标 12，未达标 0，无数据 3，不作评估 0；附说明的预警 1');
    expect(card).not.toHaveTextContent('有误');
    expect(card).toHaveTextContent('报表编号sub_7f3a');
    const checksum = within(card).getByText('0123456789ab');
    expect(checksum).toHaveAttribute('title', receipt.bodySha256);
    expect(card).not.toHaveTextContent(receipt.bodySha256);
    expect(card).not.toHaveTextContent('重复提交已识别');
  });

  it('zh-CN: a replay says the server had it already; invalid values are counted when there are some', () => {
    inFluent(<SubmissionReceipt receipt={receiptOf({ counts: { values: 15, met: 10, notMet: 2, notYetDue: 0, noData: 1, invalid: 2, notAssessable: 0, warnings: 0 } })} replayed strings={zh} />);
    const card = screen.getByRole('region', { name: '提交成功：第 3 版' });
    expect(within(card).getByText('重复提交已识别，未重复保存。')).toBeInTheDocument();
    expect(card).toHaveTextContent('共 15 项：达标 10，未达标 2，无数据 1，不作评估 0，有误 2；附说明的预警 0');
  });

  it('en-US: the same receipt in English', () => {
    const receipt = receiptOf();
    inFluent(<SubmissionReceipt receipt={receipt} replayed strings={en} />);
    const card = screen.getByRole('region', { name: 'Submitted: version 3' });
    expect(card).toHaveTextContent(`Received${en.formatTime(Date.parse(receipt.receivedAt))}`);
    expect(card).toHaveTextContent('Values15 in all: 12 met, 0 missed, 3 no data, 0 not assessed; 1 warning with a note');
    expect(card).toHaveTextContent('Report idsub_7f3a');
    expect(card).toHaveTextContent('Checksum0123456789ab');
    expect(card).toHaveTextContent('Repeated submission recognised: nothing was stored twice.');
    expect(card).not.toHaveTextContent('提交');
  });

  it('several receipts on one page are each named by their own title (the web app lists them)', () => {
    inFluent(
      <>
        <SubmissionReceipt receipt={receiptOf({ version: 1 })} strings={zh} headingLevel="h4" />
        <SubmissionReceipt receipt={receiptOf({ version: 2 })} strings={zh} headingLevel="h4" />
      </>,
    );
    expect(screen.getByRole('region', { name: '提交成功：第 1 版' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '提交成功：第 2 版' })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 4 })).toHaveLength(2);
  });
});
