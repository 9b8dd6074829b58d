/**
 * 审核状态 / Where a report stands in the bureau's review:
 *   - `SubmissionStatusMessage`: the full story from a submission with its history (a `SubmissionDetail`) —
 *     awaiting review; returned, with the bureau's comment and what to do; approved and locked;
 *   - `SubmissionStatusBadge`: the status alone, for lists of `SubmissionSummary` rows.
 */
import { Fragment } from 'react';
import { Badge, Body1, Link, type BadgeProps } from '@fluentui/react-components';
import type { SubmissionStatus } from '../contract/submission-document';
import { commentParts, reviewOf, type ReviewedSubmission, type SubmissionReview } from '../client/submission-review';
import { Notice } from './Notice';
import type { StatusBadgeStrings, SubmissionStrings } from './submission-strings';

export interface SubmissionStatusMessageProps {
  /** The submission with its history (`SubmissionDetail` is one): a returned report's comment is there. */
  readonly submission: ReviewedSubmission;
  /** `submissionStrings[language]` (the task pane passes its submit strings, which include them). */
  readonly strings: SubmissionStrings;
  /**
   * Where a front end can show an indicator the bureau's comment names (the pane: its row in the sheet).
   * `label` null: not here (not in the sheet), the code stays plain text.
   */
  readonly indicatorLink?: IndicatorLink;
}

/** An indicator named in a comment, as a link: its accessible name, and what following it does. */
export interface IndicatorLink {
  label(indicatorId: string): string | null;
  open(indicatorId: string): void;
}

export function SubmissionStatusMessage({ submission, strings: s, indicatorLink }: SubmissionStatusMessageProps) {
  const review = reviewOf(submission);
  const time = s.formatTime(Date.parse(review.at));
  if (review.kind === 'returned') return <ReturnedNotice review={review} time={time} strings={s} {...(indicatorLink ? { indicatorLink } : {})} />;
  if (review.kind === 'approved') {
    return (
      <Notice intent="success" title={s.statusApprovedTitle}>
        <span>{s.statusApproved(review.version, time)}</span>
      </Notice>
    );
  }
  return <Body1>{s.statusSubmitted(review.version, time)}</Body1>;
}

/**
 * Returned: when, the bureau's comment (set in bold: it is what people act on) with every indicator it names
 * a link where the front end can show it, then what to do.
 */
function ReturnedNotice({ review, time, strings: s, indicatorLink }: { review: Extract<SubmissionReview, { kind: 'returned' }>; time: string; strings: SubmissionStrings; indicatorLink?: IndicatorLink }) {
  return (
    <Notice intent="warning" title={s.statusReturnedTitle}>
      <span>{s.statusReturned(review.version, time)}</span>{' '}
      <strong>{review.comment !== null ? <CommentText comment={review.comment} strings={s} {...(indicatorLink ? { indicatorLink } : {})} /> : s.returnedNoComment}</strong>{' '}
      <span>{s.returnedAction}</span>
    </Notice>
  );
}

/** "退回意见：…" with each indicator code a link (a button: it acts in place, it goes nowhere). */
function CommentText({ comment, strings: s, indicatorLink }: { comment: string; strings: SubmissionStrings; indicatorLink?: IndicatorLink }) {
  // the comment's place in the sentence: the strings' own wording around a marker
  const marker = '\u0000';
  const [before = '', after = ''] = s.returnedComment(marker).split(marker);
  return (
    <>
      {before}
      {commentParts(comment).map((part, index) => {
        const label = part.kind === 'indicator' ? (indicatorLink?.label(part.indicatorId) ?? null) : null;
        if (part.kind === 'text' || label === null || !indicatorLink) return <Fragment key={index}>{part.text}</Fragment>;
        return (
          <Link key={index} as="button" inline aria-label={label} onClick={() => indicatorLink.open(part.indicatorId)}>
            {part.text}
          </Link>
        );
      })}
      {after}
    </>
  );
}

/** The badge's colour per status: returned asks for action, approved is done. */
const BADGE_COLOR: Record<SubmissionStatus, NonNullable<BadgeProps['color']>> = {
  submitted: 'informative',
  returned: 'warning',
  approved: 'success',
};

export interface SubmissionStatusBadgeProps {
  /** A `SubmissionSummary`'s status. */
  readonly status: SubmissionStatus;
  /** `statusBadgeStrings[language]`. */
  readonly labels: StatusBadgeStrings;
}

export function SubmissionStatusBadge({ status, labels }: SubmissionStatusBadgeProps) {
  return (
    <Badge appearance="tint" shape="rounded" color={BADGE_COLOR[status]}>
      {labels[status]}
    </Badge>
  );
}
