/**
 * 提交回执 / The receipt of one stored version, what the organisation keeps as proof of what it sent: the
 * version, when the server received it (local time), the counts by the server's verdicts, the report's id
 * and the start of the checksum (all of it on hover). A replay — the server had this submission already —
 * says so: nothing was stored twice.
 */
import { useId } from 'react';
import { Card, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Receipt } from '../contract/api';
import { Notice } from './Notice';
import type { SubmissionStrings } from './submission-strings';

const useStyles = makeStyles({
  heading: { margin: 0 },
  facts: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  detail: { margin: 0 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

/** How many hex digits of the checksum are shown: enough to compare by eye, short enough for the pane. */
const CHECKSUM_SHOWN = 12;

export interface SubmissionReceiptProps {
  readonly receipt: Receipt;
  /** The server answered from its idempotency record (a retry of a submission it had stored). */
  readonly replayed?: boolean;
  /** `submissionStrings[language]` (the task pane passes its submit strings, which include them). */
  readonly strings: SubmissionStrings;
  /** The title's heading level in the page (default h3: under the view's h2). */
  readonly headingLevel?: 'h2' | 'h3' | 'h4';
}

export function SubmissionReceipt({ receipt, replayed = false, strings: s, headingLevel = 'h3' }: SubmissionReceiptProps) {
  const styles = useStyles();
  const titleId = useId();
  return (
    <Card role="region" aria-labelledby={titleId}>
      <Text as={headingLevel} id={titleId} weight="semibold" className={styles.heading}>
        {s.receiptTitle(receipt.version)}
      </Text>
      {replayed && <Notice intent="info">{s.replayed}</Notice>}
      <dl className={styles.facts}>
        <dt className={styles.term}>{s.receivedAt}</dt>
        <dd className={styles.detail}>{s.formatTime(Date.parse(receipt.receivedAt))}</dd>
        <dt className={styles.term}>{s.counts}</dt>
        <dd className={styles.detail}>{s.countsText(receipt.counts)}</dd>
        <dt className={styles.term}>{s.submissionId}</dt>
        <dd className={`${styles.detail} ${styles.mono}`}>{receipt.submissionId}</dd>
        <dt className={styles.term}>{s.bodySha256}</dt>
        <dd className={`${styles.detail} ${styles.mono}`} title={receipt.bodySha256}>
          {receipt.bodySha256.slice(0, CHECKSUM_SHOWN)}
        </dd>
      </dl>
    </Card>
  );
}
